import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { useSession } from '../../platform/auth/session';
import { reportError } from '../../platform/feedback';
import { ActionModal } from './action-modal';
import { options, PERM, useMeta, useSubject, type SubjectDetail } from './api';
import { stateColor } from './subject-list';

const ymd = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
const today = () => dayjs();

/** A 社区矫正对象's file: steps of the sentence, supervision, 考核, 奖惩, 外出, 文书 and check-ins. Opening it is audited. */
export default function SubjectDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const meta = useMeta();
  const q = useSubject(id);
  const s = q.data;
  if (!s) return <Card loading={q.isLoading}>{q.error ? <Alert type="error" title={(q.error as Error).message} /> : null}</Card>;
  const step = (key: string, data: Record<string, unknown>) => api.post(`/api/corrections/subjects/${s.id}/steps/${key}`, { version: s.version, data });
  const active = s.state === 'supervising';
  return (
    <PageContainer
      title={<Space>{s.name}<Tag color={stateColor[s.state]}>{s.stateLabel}</Tag></Space>}
      extra={
        <>
          {s.state === 'received' && can(PERM.manage) && (
            <ActionModal<{ date: Dayjs }> label="报到" type="primary" hint={`应于${s.reportDueDate}前报到（社区矫正法 第二十一条）`} initialValues={{ date: today() }} send={(v) => step('report', { date: ymd(v.date) })}>
              <Form.Item name="date" label="报到日期" rules={[{ required: true, message: '请选择报到日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </ActionModal>
          )}
          {s.state === 'reported' && can(PERM.manage) && (
            <ActionModal<{ date: Dayjs; place: string; level: string; groupMembers: string; plan: string }> label="入矫宣告" type="primary" width={640}
              hint="宣告社区矫正的期限、应遵守的规定和矫正小组（社区矫正法 第二十三条至第二十五条），出具社区矫正宣告书。"
              initialValues={{ date: today(), place: '社区矫正宣告室', level: 'normal' }}
              send={(v) => step('announce', { date: ymd(v.date), place: v.place, level: v.level, groupMembers: v.groupMembers.split(/[、,，\s]+/).filter(Boolean), plan: v.plan })}>
              <Form.Item name="date" label="宣告日期" rules={[{ required: true, message: '请选择宣告日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="place" label="宣告地点" rules={[{ required: true, message: '请填写宣告地点' }]}><Input /></Form.Item>
              <Form.Item name="level" label="分类管理级别（社区矫正法 第二十四条）" rules={[{ required: true, message: '请选择管理级别' }]}><Radio.Group options={options(meta.data?.levels)} /></Form.Item>
              <Form.Item name="groupMembers" label="矫正小组成员（用顿号分隔）" rules={[{ required: true, whitespace: true, message: '请填写矫正小组成员' }]}><Input placeholder="如：何伟东、村干部王某、家属李某" /></Form.Item>
              <Form.Item name="plan" label="矫正方案" rules={[{ required: true, whitespace: true, message: '请填写矫正方案' }]}><Input.TextArea rows={3} /></Form.Item>
            </ActionModal>
          )}
          {active && can(PERM.decide) && (
            <ActionModal<{ date: Dayjs }> label="期满解除矫正" type="primary" hint={`矫正期限至${s.termEnd}届满；解除时出具解除社区矫正宣告书和证明书（社区矫正法 第四十四条）。`} initialValues={{ date: today() }} send={(v) => step('release', { date: ymd(v.date) })}>
              <Form.Item name="date" label="解除日期" rules={[{ required: true, message: '请选择解除日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </ActionModal>
          )}
          {['received', 'reported', 'supervising'].includes(s.state) && can(PERM.decide) && (
            <ActionModal<{ date: Dayjs; ending: string; reason: string; reoffended?: boolean }> label="终止矫正" danger hint="人民法院裁定撤销缓刑、假释，决定机关决定收监执行，或社区矫正对象死亡的，终止社区矫正（社区矫正法 第四十五条）。" initialValues={{ date: today() }}
              send={(v) => step('terminate', { date: ymd(v.date), ending: v.ending, reason: v.reason, reoffended: !!v.reoffended })}>
              <Form.Item name="date" label="终止日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="ending" label="终止原因" rules={[{ required: true, message: '请选择终止原因' }]}><Select options={['revoked', 'committed', 'death', 'other'].map((k) => ({ value: k, label: meta.data?.endings[k] ?? k }))} /></Form.Item>
              <Form.Item name="reason" label="依据（裁定书、决定书文号或死亡证明）" rules={[{ required: true, whitespace: true, message: '请写明依据' }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="reoffended" valuePropName="checked"><Checkbox>因重新犯罪</Checkbox></Form.Item>
            </ActionModal>
          )}
        </>
      }
    >
      <BasicInfo s={s} />
      <Card style={{ marginTop: 16 }}>
        <Tabs
          items={[
            { key: 'records', label: `监管与考核（${s.records.length}）`, children: <Records s={s} /> },
            { key: 'measures', label: `奖惩（${s.measures.length}）`, children: <Measures s={s} /> },
            { key: 'leaves', label: `外出与迁居（${s.leaves.length}）`, children: <Leaves s={s} /> },
            { key: 'documents', label: `文书（${s.documents.length}）`, children: <Documents s={s} /> },
            { key: 'checkins', label: `手机签到（${s.checkins.length}）`, children: <Checkins s={s} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

function BasicInfo({ s }: { s: SubjectDetail }) {
  const { can } = useSession();
  const [full, setFull] = useState<{ idNumber: string | null; phone: string | null; address: string | null } | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = async ({ reason }: { reason: string }) => {
    try {
      setFull(await api.post(`/api/corrections/subjects/${s.id}/reveal`, { reason }));
      setOpen(false);
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <Card title="基本信息" extra={<Space>
      {!full && <Button size="small" onClick={() => setOpen(true)}>查看完整身份信息</Button>}
      {can(PERM.manage) && !s.hasAccount && active(s) && (
        <ActionModal<{ username: string; password: string }> size="small" label="开通手机签到账号" hint="社区矫正对象用此账号登录后只能进入本人的签到页面；首次登录须修改密码。" send={(v) => api.post(`/api/corrections/subjects/${s.id}/account`, v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}><Input /></Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]}><Input.Password /></Form.Item>
        </ActionModal>
      )}
    </Space>}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="姓名">{s.name}（{s.gender ?? '—'}）</Descriptions.Item>
        <Descriptions.Item label="身份证号码">{full?.idNumber ?? s.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{full?.phone ?? s.phoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="居住地址" span={3}>{full?.address ?? s.addressMasked}</Descriptions.Item>
        <Descriptions.Item label="矫正类别">{s.sentenceTypeLabel}</Descriptions.Item>
        <Descriptions.Item label="罪名">{s.crime}</Descriptions.Item>
        <Descriptions.Item label="刑期">{s.sentence ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="决定机关">{s.decisionOrg}</Descriptions.Item>
        <Descriptions.Item label="法律文书号">{s.judgmentNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{s.judgmentEffectiveDate}</Descriptions.Item>
        <Descriptions.Item label="矫正期限">{s.termStart} 至 {s.termEnd}</Descriptions.Item>
        <Descriptions.Item label="接收 / 应报到">{s.receivedDate} / {s.reportDueDate}</Descriptions.Item>
        <Descriptions.Item label="报到 / 宣告">{s.reportedDate ?? '—'}{s.reportedLate && <Tag color="red" style={{ marginLeft: 4 }}>逾期报到</Tag>} / {s.announcedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="管理级别">{s.levelLabel}</Descriptions.Item>
        <Descriptions.Item label="执行司法所">{s.orgName}</Descriptions.Item>
        <Descriptions.Item label="最近报告/签到">{s.lastContactDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="矫正小组" span={2}>{s.groupMembers.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="解除/终止">{s.endedDate ? `${s.endedDate} ${s.endingLabel}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="矫正方案" span={3}>{s.plan ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Modal title="查看完整身份信息" open={open} okText="查看" onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="完整身份证号码、电话和住址属于敏感个人信息，查看事由将记入审计日志。" />
        <Form form={form} layout="vertical" onFinish={reveal} preserve={false}>
          <Form.Item name="reason" label="查看事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }, { min: 4, message: '事由至少4个字' }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

const active = (s: SubjectDetail) => s.state === 'supervising' || s.state === 'reported';

function Records({ s }: { s: SubjectDetail }) {
  const { can } = useSession();
  const meta = useMeta();
  const last = dayjs().subtract(1, 'month');
  return (
    <>
      {can(PERM.manage) && active(s) && (
        <Space style={{ marginBottom: 12 }}>
          <ActionModal<{ kind: string; date: Dayjs; summary?: string; answered?: boolean; hours?: number }> label="登记监管记录" initialValues={{ kind: 'report', date: today(), answered: true }}
            send={(v) => api.post(`/api/corrections/subjects/${s.id}/records`, { kind: v.kind, date: ymd(v.date), summary: v.summary, answered: v.kind === 'rollCall' ? !!v.answered : undefined, hours: v.hours ?? undefined })}>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}><Select options={options(meta.data?.recordKinds)} /></Form.Item>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="answered" valuePropName="checked" extra="视频点名时填写"><Checkbox>已应答</Checkbox></Form.Item>
            <Form.Item name="hours" label="时长（小时，教育学习/公益活动）"><InputNumber min={0} max={200} /></Form.Item>
            <Form.Item name="summary" label="情况"><Input.TextArea rows={3} /></Form.Item>
          </ActionModal>
          {s.state === 'supervising' && (
            <ActionModal<{ month: Dayjs; result: string; date: Dayjs; summary?: string }> label="月度考核" type="primary" hint="每月考核一次，考核结果是奖惩的依据（社区矫正法 第二十八条）。" initialValues={{ month: last, date: today(), result: 'good' }}
              send={(v) => api.post(`/api/corrections/subjects/${s.id}/records`, { kind: 'assessment', month: v.month.format('YYYY-MM'), result: v.result, date: ymd(v.date), summary: v.summary })}>
              <Form.Item name="month" label="考核月份" rules={[{ required: true, message: '请选择考核月份' }]}><DatePicker picker="month" style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="result" label="考核结果" rules={[{ required: true, message: '请选择考核结果' }]}><Radio.Group options={options(meta.data?.assessmentResults)} /></Form.Item>
              <Form.Item name="date" label="考核日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="summary" label="考核意见"><Input.TextArea rows={2} /></Form.Item>
            </ActionModal>
          )}
        </Space>
      )}
      <Table rowKey="id" size="small" dataSource={s.records} pagination={{ pageSize: 10 }} columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '类型', dataIndex: 'kindLabel', width: 110 },
        { title: '考核', key: 'a', width: 140, render: (_: unknown, r: SubjectDetail['records'][number]) => (r.month ? `${r.month}：${r.resultLabel}` : r.answered === false ? <Tag color="red">未应答</Tag> : r.answered ? '已应答' : '') },
        { title: '情况', dataIndex: 'summary' },
      ]} />
    </>
  );
}

function Measures({ s }: { s: SubjectDetail }) {
  const { can } = useSession();
  const meta = useMeta();
  return (
    <>
      {can(PERM.manage) && s.state === 'supervising' && (
        <ActionModal<{ measure: string; facts: string }> label="提出奖惩建议" style={{ marginBottom: 12 }} hint="司法所提出建议，由县级社区矫正机构决定；提请撤销缓刑/假释、收监执行由人民法院或决定机关裁决（社区矫正法 第二十八条、第四十六条、第四十九条）。"
          send={(v) => api.post(`/api/corrections/subjects/${s.id}/measures`, v)}>
          <Form.Item name="measure" label="措施" rules={[{ required: true, message: '请选择措施' }]}><Select options={Object.entries(meta.data?.measures ?? {}).map(([value, m]) => ({ value, label: `${m.label}（${m.decidedBy}决定）` }))} /></Form.Item>
          <Form.Item name="facts" label="事实和理由" rules={[{ required: true, whitespace: true, message: '请写明事实和理由' }]}><Input.TextArea rows={4} /></Form.Item>
        </ActionModal>
      )}
      <Table rowKey="id" size="small" dataSource={s.measures} pagination={false} columns={[
        { title: '提出日期', dataIndex: 'proposedDate', width: 110 },
        { title: '措施', dataIndex: 'measureLabel', width: 150 },
        { title: '事实和理由', dataIndex: 'facts' },
        { title: '状态', dataIndex: 'stateLabel', width: 100, render: (v: string, r: SubjectDetail['measures'][number]) => <Tag color={r.state === 'approved' ? 'green' : r.state === 'rejected' ? 'default' : 'gold'}>{v}</Tag> },
        { title: '决定日期', dataIndex: 'decidedDate', width: 110 },
        { title: '依据', dataIndex: 'cite', width: 200 },
        { title: '操作', key: 'op', width: 160, render: (_: unknown, r: SubjectDetail['measures'][number]) => r.state === 'proposed' && can(PERM.decide) ? <Decide url={`/api/corrections/measures/${r.id}/decide`} /> : null },
      ]} />
    </>
  );
}

/** 批准 / 不予批准 of a proposal or request by the level it needs. */
export function Decide({ url }: { url: string }) {
  return (
    <Space size={4}>
      <ActionModal<{ date: Dayjs; note?: string }> size="small" type="primary" label="批准" initialValues={{ date: today() }} send={(v) => api.post(url, { approve: true, date: ymd(v.date), note: v.note })}>
        <Form.Item name="date" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="note" label="审批意见"><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
      <ActionModal<{ note: string }> size="small" danger label="不予批准" send={(v) => api.post(url, { approve: false, note: v.note })}>
        <Form.Item name="note" label="理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}><Input.TextArea rows={2} /></Form.Item>
      </ActionModal>
    </Space>
  );
}

function Leaves({ s }: { s: SubjectDetail }) {
  const { can } = useSession();
  const meta = useMeta();
  const r = meta.data?.rules;
  return (
    <>
      {can(PERM.manage) && s.state === 'supervising' && (
        <ActionModal<{ kind: string; destination: string; reason: string; range: [Dayjs, Dayjs] }> label="外出/迁居申请" style={{ marginBottom: 12 }} initialValues={{ kind: 'leave' }}
          hint={r ? `外出${r.leaveOfficeMaxDays}日以内由受委托的司法所批准，${r.leaveCountyMaxDays}日以内由县级社区矫正机构批准，更长的报上一级；迁居由县级社区矫正机构批准（社区矫正法 第二十七条）。` : undefined}
          send={(v) => api.post(`/api/corrections/subjects/${s.id}/leaves`, { kind: v.kind, destination: v.destination, reason: v.reason, startDate: ymd(v.range?.[0]), endDate: v.kind === 'leave' ? ymd(v.range?.[1]) : undefined })}>
          <Form.Item name="kind" label="类型"><Radio.Group options={[{ value: 'leave', label: '外出' }, { value: 'relocation', label: '迁居（变更执行地）' }]} /></Form.Item>
          <Form.Item name="destination" label="目的地 / 新居住地" rules={[{ required: true, whitespace: true, message: '请填写目的地' }]}><Input /></Form.Item>
          <Form.Item name="reason" label="事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }]}><Input /></Form.Item>
          <Form.Item name="range" label="外出时间（迁居填起始日）" rules={[{ required: true, message: '请选择日期' }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
        </ActionModal>
      )}
      <Table rowKey="id" size="small" dataSource={s.leaves} pagination={false} columns={[
        { title: '类型', dataIndex: 'kind', width: 70, render: (v: string) => (v === 'leave' ? '外出' : '迁居') },
        { title: '目的地', dataIndex: 'destination', width: 140 },
        { title: '时间', key: 't', width: 220, render: (_: unknown, l: SubjectDetail['leaves'][number]) => `${l.startDate}${l.endDate ? ` 至 ${l.endDate}（${l.days}日）` : ''}` },
        { title: '事由', dataIndex: 'reason' },
        { title: '审批层级', dataIndex: 'approverLabel', width: 140 },
        { title: '状态', dataIndex: 'stateLabel', width: 110 },
        { title: '操作', key: 'op', width: 170, render: (_: unknown, l: SubjectDetail['leaves'][number]) => {
          if (l.state === 'pending' && (can(PERM.decide) || (l.approver === 'office' && can(PERM.manage)))) return <Decide url={`/api/corrections/leaves/${l.id}/decide`} />;
          if (l.state === 'approved' && l.kind === 'leave' && can(PERM.manage)) return (
            <Popconfirm title="确认该对象已返回并销假？" onConfirm={() => api.post(`/api/corrections/leaves/${l.id}/return`, { date: dayjs().format('YYYY-MM-DD') }).then(() => window.location.reload()).catch(reportError)}>
              <Button size="small">销假</Button>
            </Popconfirm>
          );
          return null;
        } },
      ]} />
    </>
  );
}

function Documents({ s }: { s: SubjectDetail }) {
  if (!s.documents.length) return <Empty description="暂无文书" />;
  return (
    <Table rowKey="id" size="small" dataSource={s.documents} pagination={false} columns={[
      { title: '文书', dataIndex: 'title' },
      { title: '文号', dataIndex: 'number', width: 200, render: (v: string | null) => v ?? '—' },
      { title: '日期', dataIndex: 'issuedOn', width: 110 },
      { title: '出具机关', dataIndex: 'issuerName', width: 160 },
      { title: '下载', key: 'dl', width: 90, render: (_: unknown, d: SubjectDetail['documents'][number]) => <Typography.Link href={`/api/corrections/documents/${d.id}/docx`}>下载 .docx</Typography.Link> },
    ]} />
  );
}

function Checkins({ s }: { s: SubjectDetail }) {
  if (!s.checkins.length) return <Empty description={s.hasAccount ? '暂无签到' : '尚未开通手机签到账号'} />;
  return (
    <Table rowKey="id" size="small" dataSource={s.checkins} pagination={{ pageSize: 10 }} columns={[
      { title: '时间', dataIndex: 'at', width: 200, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
      { title: '位置', key: 'pos', render: (_: unknown, c: SubjectDetail['checkins'][number]) => (c.latitude != null ? `${c.latitude.toFixed(5)}, ${c.longitude?.toFixed(5)}（精度约${Math.round(c.accuracy ?? 0)}米）` : '未提供位置') },
      { title: '照片', key: 'p', width: 100, render: (_: unknown, c: SubjectDetail['checkins'][number]) => (c.hasPhoto ? <Typography.Link href={`/api/corrections/checkins/${c.id}/photo`} target="_blank">查看照片</Typography.Link> : '—') },
    ]} />
  );
}
