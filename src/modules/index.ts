import type { FazhiModule } from '../platform/module';

/** Every business line, in menu order. A line is added here and nowhere else. */
export const modules: FazhiModule[] = [];
