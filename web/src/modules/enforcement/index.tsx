import { FileSearchOutlined } from '@ant-design/icons';
import type { WebModule } from '../../platform/module';

/** 行政执法监督: placeholder; the line's engineer adds its menu and pages. */
export const enforcement: WebModule = {
  key: 'enforcement',
  label: '行政执法监督',
  icon: <FileSearchOutlined />,
  menu: [],
  routes: [],
};
