import type { FazhiModule } from '../../platform/module';

/** 行政应诉 (行政诉讼法). */
export const litigationModule: FazhiModule = { key: 'litigation', label: '行政应诉' };
