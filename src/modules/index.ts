import type { FazhiModule } from '../platform/module';
import { adminReviewModule } from './admin-review';
import { litigationModule } from './litigation';
import { legalityReviewModule } from './legality-review';

/** Every business line, in menu order. A line is added here and nowhere else. */
export const modules: FazhiModule[] = [adminReviewModule, litigationModule, legalityReviewModule];
