import type { FazhiModule } from '../../platform/module';

/** 行政执法监督: placeholder registration; the line's engineer fills in permissions, roles, routes and demo data. */
export const enforcementModule: FazhiModule = {
  key: 'enforcement',
  label: '行政执法监督',
};
