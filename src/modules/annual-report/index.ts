import type { FazhiModule } from '../../platform/module';

/** 年度报告: placeholder registration; the line's engineer fills in permissions, roles, routes and demo data. */
export const annualReportModule: FazhiModule = {
  key: 'annual-report',
  label: '年度报告',
};
