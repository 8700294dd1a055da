import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Statistic, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { api } from '../../api/client';
import { ActionModal } from './action-modal';
import { KEY, options, PERM } from './api';
import type { MapData, MapPoint } from './network-map';

const NetworkMap = lazy(() => import('./network-map'));

/** 公共法律服务网络「一图可见」: centres, stations and rooms on the map with the 15-minute circles, and their register. */
export default function NetworkPage() {
  const { can } = useSession();
  const [kind, setKind] = useState<string | undefined>();
  const map = useQuery({ queryKey: [KEY, 'map'], queryFn: () => api.get<MapData>('/api/legal-service/map') });
  const meta = useQuery({ queryKey: [KEY, 'network-meta'], queryFn: () => api.get<{ pointKinds: Record<string, string> }>('/api/legal-service/meta'), staleTime: Infinity });
  const points = (map.data?.points ?? []).filter((p) => !kind || p.kind === kind);
  const count = (k: string) => map.data?.points.filter((p) => p.kind === k).length ?? 0;
  return (
    <PageContainer
      title="公共法律服务网络（一图可见）"
      extra={can(PERM.networkManage) && (
        <ActionModal label="登记服务点" type="primary" icon={<PlusOutlined />} initialValues={{ kind: 'room', staffCount: 1 }} send={(v) => api.post('/api/legal-service/points', v)}>
          <Form.Item name="kind" label="类别"><Select options={meta.data ? options(meta.data.pointKinds) : []} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}><Input /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item name="lng" label="经度" rules={[{ required: true, message: '请填写经度' }]}><InputNumber style={{ width: '100%' }} step={0.001} /></Form.Item></Col>
            <Col span={12}><Form.Item name="lat" label="纬度" rules={[{ required: true, message: '请填写纬度' }]}><InputNumber style={{ width: '100%' }} step={0.001} /></Form.Item></Col>
          </Row>
          <Form.Item name="openingHours" label="开放时间"><Input /></Form.Item>
          <Form.Item name="staffCount" label="工作人员数"><InputNumber min={0} /></Form.Item>
        </ActionModal>
      )}
    >
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}><Card size="small"><Statistic title="公共法律服务中心" value={count('center')} suffix="个" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="公共法律服务工作站" value={count('station')} suffix="个" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="公共法律服务工作室" value={count('room')} suffix="个" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="律师事务所/法律服务所" value={map.data?.firms.length ?? 0} suffix="家" /></Card></Col>
      </Row>
      <Tabs items={[
        {
          key: 'map', label: '地图',
          children: (
            <Card size="small">
              <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`圆圈为中心、工作站周边 ${((map.data?.coverageRadiusM ?? 2000) / 1000).toFixed(1)} 公里（约步行15分钟）服务圈；滚轮缩放，拖动平移。离线坐标图，不调用外部地图服务。`} />
              {map.data ? <Suspense fallback={<Skeleton active />}><div data-testid="network-map"><NetworkMap data={map.data} /></div></Suspense> : <Skeleton active />}
            </Card>
          ),
        },
        {
          key: 'list', label: '服务点名录',
          children: (
            <Card size="small">
              <Select placeholder="类别" allowClear style={{ width: 200, marginBottom: 12 }} value={kind} onChange={setKind} options={meta.data ? options(meta.data.pointKinds) : []} />
              <Table<MapPoint> rowKey="id" size="small" dataSource={points} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }} columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '类别', dataIndex: 'kindLabel', width: 160, render: (v: string, r) => <Tag color={r.kind === 'center' ? 'volcano' : r.kind === 'station' ? 'blue' : 'green'}>{v}</Tag> },
                { title: '地址', dataIndex: 'address', ellipsis: true },
                { title: '开放时间', dataIndex: 'openingHours', ellipsis: true },
                { title: '坐标', width: 170, render: (_: unknown, r) => `${r.lng.toFixed(4)}, ${r.lat.toFixed(4)}` },
                { title: '人员', dataIndex: 'staffCount', width: 70 },
              ]} />
            </Card>
          ),
        },
      ]} />
    </PageContainer>
  );
}
