import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Tooltip, Typography, Upload, type ButtonProps } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { options, uploadFile, useAgencies, useMeta, type CaseItem } from './api';

export const fmt = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The county's 执法主体 the caller can see. */
export function AgencySelect(props: { value?: string; onChange?: (v: string) => void; placeholder?: string; allowClear?: boolean; mode?: 'multiple'; style?: React.CSSProperties }) {
  const agencies = useAgencies();
  return <Select showSearch optionFilterProp="label" placeholder={props.placeholder ?? '执法机关'} {...props} options={(agencies.data?.items ?? []).map((a) => ({ value: a.orgId, label: a.name }))} />;
}

export function FlagTags({ c }: { c: Pick<CaseItem, 'flagDetails'> }) {
  if (!c.flagDetails.length) return <Tag color="green">正常</Tag>;
  return (
    <Space size={2} wrap>
      {c.flagDetails.map((f) => (
        <Tooltip key={f.key} title={f.cite}>
          <Tag color="red">{f.label}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

interface DocForm {
  kind: string;
  agencyOrgId: string;
  subject: string;
  facts: string;
  date: Dayjs;
  items: { item: string; deadline: Dayjs }[];
}

/** 出具监督文书 (通知书 / 决定书 / 建议书) with its 整改 items; optionally from a confirmed clue. */
export function DocIssueButton({ label = '出具监督文书', initial, source, buttonProps }: { label?: string; initial?: Partial<Omit<DocForm, 'date' | 'items'>>; source?: { sourceType: string; sourceId: string }; buttonProps?: ButtonProps }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DocForm>();
  const meta = useMeta();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const issue = useMutation({
    mutationFn: (v: DocForm) => api.post<{ number: string | null }>('/api/enforcement/docs', { ...v, date: fmt(v.date), items: v.items.map((i) => ({ item: i.item, deadline: fmt(i.deadline) })), ...source }),
    onError: (err) => {
      if (!showFieldErrors(form, err)) reportError(err);
    },
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['enforcement'] });
      setOpen(false);
      message.success(`已出具，文号 ${r.number ?? ''}`);
    },
  });
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal open={open} title="出具监督文书" okText="出具" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={issue.isPending} destroyOnHidden width={720}>
        <Form<DocForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'notice', date: dayjs(), items: [{ item: '', deadline: dayjs().add(30, 'day') }], ...initial }}
          onFinish={(v) => issue.mutate(v)}
        >
          <Space style={{ display: 'flex' }} align="start">
            <Form.Item name="kind" label="文书种类" rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={options(meta.data?.docKinds)} />
            </Form.Item>
            <Form.Item name="agencyOrgId" label="被监督机关" rules={[{ required: true, message: '请选择被监督机关' }]}>
              <AgencySelect style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="date" label="发文日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="subject" label="监督事项" rules={[{ required: true, whitespace: true, message: '请填写监督事项' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="facts" label="发现的问题" rules={[{ required: true, whitespace: true, message: '请写明发现的问题' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Typography.Text strong>整改要求</Typography.Text>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'item']} rules={[{ required: true, whitespace: true, message: '请填写整改要求' }]} style={{ width: 440 }}>
                      <Input placeholder="整改要求" aria-label="整改要求" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} rules={[{ required: true, message: '请选择整改期限' }]}>
                      <DatePicker placeholder="整改期限" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', deadline: dayjs().add(30, 'day') })}>
                  增加整改要求
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

/** Uploads each chosen file to /api/files and keeps the ids in the form field. */
export function EvidenceUpload({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const [names, setNames] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical">
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          setBusy(true);
          uploadFile(file)
            .then((f) => {
              setNames((n) => [...n, f]);
              onChange?.([...(value ?? []), f.id]);
            })
            .catch(reportError)
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          上传佐证材料
        </Button>
      </Upload>
      {names.map((n) => (
        <Typography.Text key={n.id} type="secondary" data-testid="evidence-name">
          {n.name}
        </Typography.Text>
      ))}
    </Space>
  );
}
