import type { FazhiModule } from '../../platform/module';

/** 公共法律服务: placeholder registration; the line's engineer fills in permissions, roles, routes and demo data. */
export const legalAidModule: FazhiModule = {
  key: 'legal-aid',
  label: '公共法律服务',
};
