import type { FazhiModule } from '../../platform/module';

/** 行政复议 (行政复议法 2023). */
export const adminReviewModule: FazhiModule = { key: 'admin-review', label: '行政复议' };
