import type { FazhiModule } from '../../platform/module';

/** 社区矫正: placeholder registration; the line's engineer fills in permissions, roles, routes and demo data. */
export const correctionsModule: FazhiModule = {
  key: 'corrections',
  label: '社区矫正',
};
