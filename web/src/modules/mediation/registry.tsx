import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useOptions, type Committee, type Mediator } from './api';

const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '').map(([k, x]) => [k, dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x]));

/** 调解组织与调解员: committees with their workload, mediators with load, and the 专家库. */
export default function RegistryPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const options = useOptions();
  const o = options.data;
  const [tab, setTab] = useState('committees');
  const [level, setLevel] = useState<string | undefined>();
  const [cPage, setCPage] = useState({ page: 1, pageSize: 20 });
  const [mFilter, setMFilter] = useState<Record<string, string | undefined>>({});
  const [mPage, setMPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<'committee' | 'mediator' | null>(null);
  const [form] = Form.useForm();
  const formLevel = Form.useWatch('level', form);
  const formTownship = Form.useWatch('townshipCode', form);
  const committees = useQuery({ queryKey: ['mediation', 'committees', level, cPage], queryFn: () => api.get<Page<Committee>>('/api/mediation/committees', { level, ...cPage }) });
  const expert = tab === 'experts' ? 'true' : undefined;
  const mediators = useQuery({ queryKey: ['mediation', 'mediators', mFilter, mPage, expert], queryFn: () => api.get<Page<Mediator>>('/api/mediation/mediators', { ...mFilter, expert, ...mPage }), enabled: tab !== 'committees' });
  const save = useMutation({
    mutationFn: ({ url, body, method = 'post' }: { url: string; body: unknown; method?: 'post' | 'put' }) => (method === 'put' ? api.put(url, body) : api.post(url, body)),
    meta: { silent: true },
    onSuccess: () => {
      feedback.message?.success('已保存');
      qc.invalidateQueries({ queryKey: ['mediation'] });
      setOpen(null);
      form.resetFields();
    },
    onError: (err) => {
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const registry = can('mediation.registry');
  const mediatorTable = (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search placeholder="姓名" allowClear style={{ width: 160 }} onSearch={(q) => setMFilter((f) => ({ ...f, q: q || undefined }))} />
        <Select placeholder="调解委员会" allowClear showSearch optionFilterProp="label" style={{ width: 240 }} options={o?.committees.map((c) => ({ value: c.orgId, label: c.name }))} onChange={(v) => setMFilter((f) => ({ ...f, committeeOrgId: v }))} />
        <Select placeholder="专长" allowClear style={{ width: 150 }} options={o?.disputeTypes} onChange={(v) => setMFilter((f) => ({ ...f, specialty: v }))} />
        <Select placeholder="专兼职" allowClear style={{ width: 100 }} options={o?.mediatorKinds} onChange={(v) => setMFilter((f) => ({ ...f, kind: v }))} />
        <Button icon={<DownloadOutlined />} href={`/api/mediation/mediators${queryString({ ...mFilter, expert, format: 'xlsx' })}`}>
          导出Excel
        </Button>
      </Space>
      <Table<Mediator>
        rowKey="id"
        size="middle"
        loading={mediators.isLoading}
        dataSource={mediators.data?.items}
        pagination={{ current: mPage.page, pageSize: mPage.pageSize, total: mediators.data?.total, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setMPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '调解委员会', dataIndex: 'committeeName', width: 220 },
          { title: '专兼职', dataIndex: 'kindLabel', width: 80 },
          { title: '专长', dataIndex: 'specialtyLabels', render: (v: string[]) => v.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '专家领域', dataIndex: 'expertField', width: 130, render: (v) => v ?? '—' },
          { title: '电话', dataIndex: 'phoneMasked', width: 120, render: (v) => v ?? '—' },
          { title: '在办', dataIndex: 'openCases', width: 70 },
          { title: '本年办理', dataIndex: 'yearCases', width: 90 },
          { title: '状态', dataIndex: 'status', width: 80, render: (v) => (v === 'active' ? <Tag color="green">在岗</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            width: 90,
            render: (_, m) =>
              registry && m.status === 'active' ? (
                <Popconfirm title={`停用调解员${m.name}？`} description="停用后不能再被分派新案件，已办案件不受影响。" okText="停用" cancelText="取消" onConfirm={() => save.mutateAsync({ url: `/api/mediation/mediators/${m.id}`, body: { version: m.version, status: 'inactive' }, method: 'put' })}>
                  <a>停用</a>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
  return (
    <PageContainer
      title="调解组织与调解员"
      extra={
        registry && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen('committee'); }}>
              登记调解委员会
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen('mediator'); }}>
              登记调解员
            </Button>
          </>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'committees',
            label: '调解委员会',
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Select placeholder="类型" allowClear style={{ width: 200 }} options={o?.committeeLevels} onChange={setLevel} />
                  <Button icon={<DownloadOutlined />} href={`/api/mediation/committees${queryString({ level, format: 'xlsx' })}`}>
                    导出Excel
                  </Button>
                </Space>
                <Table<Committee>
                  rowKey="id"
                  size="middle"
                  loading={committees.isLoading}
                  dataSource={committees.data?.items}
                  pagination={{ current: cPage.page, pageSize: cPage.pageSize, total: committees.data?.total, showTotal: (n) => `共 ${n} 个`, onChange: (p, s) => setCPage({ page: p, pageSize: s }) }}
                  columns={[
                    { title: '名称', dataIndex: 'name', width: 240 },
                    { title: '类型', dataIndex: 'levelLabel', width: 170, render: (v, r) => <>{v}{r.industryLabel ? `（${r.industryLabel}）` : ''}</> },
                    { title: '指导单位', dataIndex: 'parentName', width: 130 },
                    { title: '主任', dataIndex: 'directorName', width: 90, render: (v) => v ?? '—' },
                    { title: '特邀调解', dataIndex: 'acceptsCourtReferrals', width: 90, render: (v) => (v ? <Tag color="blue">接受委派</Tag> : '—') },
                    { title: '调解员', dataIndex: 'mediators', width: 80 },
                    { title: '在办案件', dataIndex: 'openCases', width: 90 },
                    { title: '本年受理', dataIndex: 'yearCases', width: 90 },
                    { title: '本年成功', dataIndex: 'yearSuccess', width: 90 },
                  ]}
                />
              </>
            ),
          },
          { key: 'mediators', label: '调解员', children: mediatorTable },
          { key: 'experts', label: '专家库', children: mediatorTable },
        ]}
      />
      <Modal open={open === 'committee'} title="登记调解委员会" onCancel={() => setOpen(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ url: '/api/mediation/committees', body: clean(v) })}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input placeholder="如：后陈村人民调解委员会" />
          </Form.Item>
          <Form.Item name="level" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={o?.committeeLevels} />
          </Form.Item>
          {formLevel === 'industry' && (
            <Form.Item name="industry" label="专业领域" rules={[{ required: true, message: '请选择专业领域' }]}>
              <Select options={o?.disputeTypes} />
            </Form.Item>
          )}
          {(formLevel === 'village' || formLevel === 'township') && (
            <Form.Item name="townshipCode" label="乡镇（街道）" rules={[{ required: true, message: '请选择乡镇（街道）' }]}>
              <Select options={o?.townships.map((t) => ({ value: t.code, label: t.name.replace(/司法所$/, '') }))} />
            </Form.Item>
          )}
          {formLevel === 'village' && (
            <Form.Item name="villageOrgId" label="村（社区）">
              <Select allowClear options={o?.villages.filter((v) => v.townshipCode === formTownship).map((v) => ({ value: v.id, label: v.name }))} />
            </Form.Item>
          )}
          <Form.Item name="directorName" label="主任">
            <Input />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input />
          </Form.Item>
          <Form.Item name="establishedDate" label="成立日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="acceptsCourtReferrals" label="特邀调解组织（接受法院委派）" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={open === 'mediator'} title="登记调解员" onCancel={() => setOpen(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'partTime', isExpert: false }} onFinish={(v) => save.mutate({ url: '/api/mediation/mediators', body: clean(v) })}>
          <Form.Item name="committeeOrgId" label="调解委员会" rules={[{ required: true, message: '请选择调解委员会' }]}>
            <Select showSearch optionFilterProp="label" options={o?.committees.filter((c) => c.manageable).map((c) => ({ value: c.orgId, label: c.name }))} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Select allowClear options={o?.genders} />
          </Form.Item>
          <Form.Item name="kind" label="专兼职" rules={[{ required: true, message: '请选择' }]}>
            <Select options={o?.mediatorKinds} />
          </Form.Item>
          <Form.Item name="specialties" label="专长（纠纷类型）">
            <Checkbox.Group options={o?.disputeTypes} />
          </Form.Item>
          <Form.Item name="phone" label="电话" extra="加密存储，列表中只显示掩码">
            <Input />
          </Form.Item>
          <Form.Item name="isExpert" label="入选专家库" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="expertField" label="专家领域（如法律、医学、建筑工程）">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
