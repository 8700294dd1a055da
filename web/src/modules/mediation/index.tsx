import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../platform/module';

/** 人民调解: placeholder; the line's engineer adds its menu and pages. */
export const mediation: WebModule = {
  key: 'mediation',
  label: '人民调解',
  icon: <TeamOutlined />,
  menu: [],
  routes: [],
};
