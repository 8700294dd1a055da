import { SafetyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../platform/module';

/** 社区矫正: placeholder; the line's engineer adds its menu and pages. */
export const corrections: WebModule = {
  key: 'corrections',
  label: '社区矫正',
  icon: <SafetyOutlined />,
  menu: [],
  routes: [],
};
