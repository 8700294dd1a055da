import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { useSession } from '../../platform/auth/session';
import { options, useMeta } from './api';

interface Row {
  key: number;
  objectType: string;
  title: string;
  meetingDate: Dayjs | null;
  submitterName: string;
  opinion: string;
  reasons: string;
  reviewerName: string;
}
interface RowError {
  row: number;
  field: string;
  message: string;
}

let nextKey = 1;

/**
 * 会议纪要 快速登记: an editable table of finished reviews (hundreds a year), saved in one go. The server checks
 * every row first and saves all or nothing; each row's problems show on that row.
 */
export default function ReviewBatch() {
  const { me } = useSession();
  const { message } = App.useApp();
  const meta = useMeta();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const blank = (prev?: Row): Row => ({
    key: nextKey++, objectType: prev?.objectType ?? 'meetingMinutes', title: '', meetingDate: prev?.meetingDate ?? dayjs(), submitterName: prev?.submitterName ?? '', opinion: 'lawful', reasons: '', reviewerName: prev?.reviewerName ?? me.user.displayName,
  });
  const [rows, setRows] = useState<Row[]>(() => [blank(), blank(), blank()]);
  const [reviewOrg, setReviewOrg] = useState<string | undefined>();
  const [errors, setErrors] = useState<RowError[]>([]);
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (n: number) => setRows((rs) => [...rs, ...Array.from({ length: n }, () => blank(rs[rs.length - 1]))]);
  const filled = rows.filter((r) => r.title.trim() || r.submitterName.trim());

  const save = useMutation({
    mutationFn: () =>
      api.post<{ count: number }>('/api/legality/reviews/batch', {
        reviewOrg,
        rows: filled.map((r) => ({ objectType: r.objectType, title: r.title.trim(), meetingDate: r.meetingDate?.format('YYYY-MM-DD') ?? '', submitterName: r.submitterName.trim(), opinion: r.opinion, reasons: r.reasons.trim(), reviewerName: r.reviewerName.trim() })),
      }),
    onError: (err) => {
      const details = err instanceof ApiError ? (err.details as { rows?: RowError[] } | undefined) : undefined;
      setErrors(details?.rows ?? []);
      message.error(err instanceof Error ? err.message : '保存失败');
    },
    onSuccess: (r) => {
      setErrors([]);
      qc.invalidateQueries({ queryKey: ['legality'] });
      message.success(`已登记 ${r.count} 件审查记录`);
      setRows([blank(), blank(), blank()]);
    },
  });

  const errorsOf = (index: number) => errors.filter((e) => e.row === index + 1);
  const bad = (index: number, field: string) => (errorsOf(index).some((e) => e.field === field) ? ('error' as const) : undefined);
  const columns = [
    { title: '序号', width: 56, render: (_: unknown, __: Row, i: number) => i + 1 },
    { title: '类型', dataIndex: 'objectType', width: 150, render: (_: unknown, r: Row) => <Select value={r.objectType} style={{ width: '100%' }} onChange={(v) => set(r.key, { objectType: v })} options={meta.data ? options(meta.data.objectTypes).filter((o) => ['meetingMinutes', 'meetingTopic'].includes(o.value)) : []} /> },
    { title: '会议纪要名称', dataIndex: 'title', render: (_: unknown, r: Row, i: number) => <Input aria-label={`第${i + 1}行名称`} status={bad(i, 'title')} value={r.title} maxLength={200} onChange={(e) => set(r.key, { title: e.target.value })} placeholder="如：县政府常务会议纪要（第12期）" /> },
    { title: '会议日期', dataIndex: 'meetingDate', width: 140, render: (_: unknown, r: Row, i: number) => <DatePicker aria-label={`第${i + 1}行会议日期`} status={bad(i, 'meetingDate')} value={r.meetingDate} onChange={(d) => set(r.key, { meetingDate: d })} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /> },
    { title: '送审单位', dataIndex: 'submitterName', width: 190, render: (_: unknown, r: Row, i: number) => <Input aria-label={`第${i + 1}行送审单位`} status={bad(i, 'submitterName')} value={r.submitterName} maxLength={100} onChange={(e) => set(r.key, { submitterName: e.target.value })} /> },
    { title: '审查意见', dataIndex: 'opinion', width: 130, render: (_: unknown, r: Row, i: number) => <Select aria-label={`第${i + 1}行审查意见`} status={bad(i, 'opinion')} value={r.opinion} style={{ width: '100%' }} onChange={(v) => set(r.key, { opinion: v })} options={meta.data ? options(meta.data.opinions) : []} /> },
    { title: '理由（修改后合法、不合法必填）', dataIndex: 'reasons', width: 220, render: (_: unknown, r: Row, i: number) => <Input aria-label={`第${i + 1}行理由`} status={bad(i, 'reasons')} value={r.reasons} maxLength={5000} onChange={(e) => set(r.key, { reasons: e.target.value })} /> },
    { title: '审查人', dataIndex: 'reviewerName', width: 110, render: (_: unknown, r: Row, i: number) => <Input aria-label={`第${i + 1}行审查人`} status={bad(i, 'reviewerName')} value={r.reviewerName} maxLength={50} onChange={(e) => set(r.key, { reviewerName: e.target.value })} /> },
    {
      title: '', width: 220, render: (_: unknown, r: Row, i: number) => (
        <Space>
          {errorsOf(i).length > 0 && <Typography.Text type="danger" data-testid="row-error" style={{ fontSize: 12 }}>{errorsOf(i).map((e) => e.message).join('；')}</Typography.Text>}
          <Popconfirm title="删除这一行？" okText="删除" cancelText="取消" onConfirm={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除行" />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="会议纪要批量登记" extra={<Button onClick={() => navigate('/legality/reviews')}>返回列表</Button>}>
      <Card>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="逐行填写已完成合法性审查的会议纪要或政府常务会议议题，保存时逐行检查：任何一行有误则全部不保存，并在该行标出问题；全部正确时一次保存，记录为已归档。" />
        <Space style={{ marginBottom: 12 }} wrap>
          <span>审查机构：</span>
          <OrgTreeSelect allowClear placeholder="本单位" value={reviewOrg} onChange={(v: string | undefined) => setReviewOrg(v)} style={{ width: 240 }} />
        </Space>
        <Table<Row> rowKey="key" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 1450 }} />
        <Space style={{ marginTop: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => add(1)}>添加一行</Button>
          <Button onClick={() => add(10)}>添加10行</Button>
          <Button type="primary" loading={save.isPending} disabled={!filled.length} onClick={() => save.mutate()}>
            保存全部（{filled.length} 行）
          </Button>
        </Space>
      </Card>
    </PageContainer>
  );
}
