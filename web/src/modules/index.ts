import type { WebModule } from '../platform/module';
import { adminReview } from './admin-review';
import { litigation } from './litigation';
import { legalityReview } from './legality-review';
import { enforcement } from './enforcement';
import { mediation } from './mediation';
import { legalAid } from './legal-aid';
import { corrections } from './corrections';
import { annualReport } from './annual-report';

/**
 * Every business line's web part, in menu order (mirrors src/modules/index.ts on the server).
 * A line is added here with one import and nowhere else:
 *
 *   import { adminReview } from './admin-review';
 *   export const webModules: WebModule[] = [adminReview];
 */
export const webModules: WebModule[] = [adminReview, litigation, legalityReview, enforcement, mediation, legalAid, corrections, annualReport];
