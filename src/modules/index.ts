import type { FazhiModule } from '../platform/module';
import { adminReviewModule } from './admin-review';
import { litigationModule } from './litigation';
import { legalityReviewModule } from './legality-review';
import { enforcementModule } from './enforcement';
import { mediationModule } from './mediation';
import { legalAidModule } from './legal-aid';
import { correctionsModule } from './corrections';
import { annualReportModule } from './annual-report';

/** Every business line, in menu order. A line is added here and nowhere else. */
export const modules: FazhiModule[] = [
  adminReviewModule, litigationModule, legalityReviewModule, enforcementModule, mediationModule, legalAidModule, correctionsModule, annualReportModule,
];
