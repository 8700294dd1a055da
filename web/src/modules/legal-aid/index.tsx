import { CustomerServiceOutlined } from '@ant-design/icons';
import type { WebModule } from '../../platform/module';

/** 公共法律服务: placeholder; the line's engineer adds its menu and pages. */
export const legalAid: WebModule = {
  key: 'legal-aid',
  label: '公共法律服务',
  icon: <CustomerServiceOutlined />,
  menu: [],
  routes: [],
};
