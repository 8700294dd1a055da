import { Link } from 'react-router';
import { Card, Col, Row, Typography } from 'antd';
import { FileSearchOutlined, FileTextOutlined, FormOutlined, RightOutlined } from '@ant-design/icons';
import { webModules } from '../modules';
import type { PortalService } from '../platform/module';

const platformServices: PortalService[] = [
  {
    to: '/portal/admin-review/apply',
    icon: <FormOutlined />,
    title: '行政复议申请',
    text: '认为行政机关的行政行为侵犯您的合法权益，可在知道该行为之日起六十日内在线提出行政复议申请（行政复议法 第二十条）。',
  },
  {
    to: '/portal/admin-review/track',
    icon: <FileSearchOutlined />,
    title: '行政复议进度查询',
    text: '凭提交申请时获得的查询码，查询行政复议申请的受理和办理进度。',
  },
  {
    to: '/portal/documents',
    icon: <FileTextOutlined />,
    title: '规范性文件查询',
    text: '查询行政规范性文件是否现行有效、有效期和全文，也可扫描文件上的二维码查看。',
  },
];

// Each business line adds its own public services (WebModule.portalServices).
const services = [...platformServices, ...webModules.flatMap((m) => m.portalServices ?? [])];

/** /portal: what a member of the public can do here without an account. */
export default function PortalLanding() {
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
        公共服务
      </Typography.Title>
      <Typography.Paragraph type="secondary">无需注册登录，在线办理以下事项。</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {services.map((s) => (
          <Col xs={24} sm={12} key={s.to}>
            <Link to={s.to} aria-label={s.title}>
              <Card hoverable style={{ height: '100%' }}>
                <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12 }}>
                  <span style={{ fontSize: 28, color: '#1d4ed8', lineHeight: 1 }}>{s.icon}</span>
                  <div style={{ flex: 1 }}>
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {s.title}
                    </Typography.Title>
                    <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
                      {s.text}
                    </Typography.Paragraph>
                  </div>
                  <RightOutlined style={{ color: '#999', marginTop: 4 }} />
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
