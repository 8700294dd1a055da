import { lazy } from 'react';
import { CameraOutlined, SafetyOutlined } from '@ant-design/icons';
import { page, portalPage, type WebModule } from '../../platform/module';

const SubjectList = lazy(() => import('./subject-list'));
const SubjectReceive = lazy(() => import('./subject-receive'));
const SubjectDetail = lazy(() => import('./subject-detail'));
const Alarms = lazy(() => import('./alarms'));
const Register = lazy(() => import('./register'));
const Assessments = lazy(() => import('./assessments'));
const Resettlement = lazy(() => import('./resettlement'));
const Checkin = lazy(() => import('./checkin'));

/** 社区矫正 and 安置帮教 (DOMAIN.md §7): only the dedicated corrections roles see this menu; 矫正对象 see only their check-in. */
export const corrections: WebModule = {
  key: 'corrections',
  label: '社区矫正',
  icon: <SafetyOutlined />,
  menu: [
    { path: '/corrections/subjects', label: '矫正对象', permission: 'corrections.read' },
    { path: '/corrections/alarms', label: '预警与审批', permission: 'corrections.read' },
    { path: '/corrections/assessments', label: '调查评估', permission: 'corrections.read' },
    { path: '/corrections/register', label: '在册统计', permission: 'corrections.read' },
    { path: '/corrections/resettlement', label: '安置帮教', permission: 'corrections.read' },
    // The check-in is a phone page: it opens outside the office layout (the portal), with the subject's session.
    { path: '/portal/corrections/checkin', label: '我的签到', permission: 'corrections.checkin' },
  ],
  routes: [
    { path: 'corrections/subjects', element: page('corrections.read', SubjectList) },
    { path: 'corrections/subjects/new', element: page('corrections.manage', SubjectReceive) },
    { path: 'corrections/subjects/:id', element: page('corrections.read', SubjectDetail) },
    { path: 'corrections/alarms', element: page('corrections.read', Alarms) },
    { path: 'corrections/assessments', element: page('corrections.read', Assessments) },
    { path: 'corrections/register', element: page('corrections.read', Register) },
    { path: 'corrections/resettlement', element: page('corrections.read', Resettlement) },
    { path: 'corrections/checkin', element: page('corrections.checkin', Checkin) },
  ],
  portalRoutes: [{ path: 'corrections/checkin', element: portalPage(Checkin) }],
  portalServices: [{ to: '/portal/corrections/checkin', icon: <CameraOutlined />, title: '社区矫正签到', text: '社区矫正对象用手机拍照、定位签到（需登录）' }],
};
