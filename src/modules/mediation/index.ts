import type { FazhiModule } from '../../platform/module';

/** 人民调解: placeholder registration; the line's engineer fills in permissions, roles, routes and demo data. */
export const mediationModule: FazhiModule = {
  key: 'mediation',
  label: '人民调解',
};
