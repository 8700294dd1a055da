import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../platform/module';

/** 年度报告: placeholder; the line's engineer adds its menu and pages. */
export const annualReport: WebModule = {
  key: 'annual-report',
  label: '年度报告',
  icon: <FileTextOutlined />,
  menu: [],
  routes: [],
};
