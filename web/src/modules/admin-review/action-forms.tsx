import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { feedback } from '../../platform/feedback';
import { options, type Meta } from './api';
import { showFieldErrors } from '../../platform/form-errors';

type FieldKind = 'date' | 'text' | 'input' | 'bool' | 'number' | { select: (meta: Meta) => { value: string; label: string }[] };
interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Shown only for some decision kinds (the `kind` field of the form). */
  kinds?: string[];
}

const date: Field = { name: 'date', label: '日期', kind: 'date', required: true };
const req = (name: string, label: string, kind: FieldKind = 'text'): Field => ({ name, label, kind, required: true });
const opt = (name: string, label: string, kind: FieldKind = 'text'): Field => ({ name, label, kind });

/** The form of each action (the workflow transition's data, validated again by the server). */
export const actionFields: Record<string, Field[]> = {
  requestAmend: [{ ...date, label: '通知日期' }, req('items', '需要补正的材料或事项')],
  amended: [{ ...date, label: '收到补正材料日期' }],
  extendAmend: [date, req('reason', '申请人不能按期补正的正当理由')],
  abandon: [date, opt('note', '说明')],
  acceptSummary: [{ ...date, label: '受理日期' }, opt('basis', '适用简易程序的理由（第五十三条）')],
  acceptOrdinary: [{ ...date, label: '受理日期' }, opt('basis', '说明')],
  reject: [{ ...date, label: '决定日期' }, req('reason', '不予受理的理由')],
  transfer: [date, req('toOrgan', '转送的机关', 'input'), req('reason', '转送理由')],
  sendCopy: [{ ...date, label: '发送日期' }],
  answerReceived: [{ ...date, label: '收到答复日期' }, { name: 'withEvidence', label: '同时提交了证据和依据', kind: 'bool' }, opt('summary', '答复要点')],
  scheduleHearing: [{ ...date, label: '通知日期' }, req('hearingDate', '听证日期', 'date'), req('place', '听证地点', 'input'), opt('reason', '听证理由（第五十条）')],
  recordHearing: [{ ...date, label: '听证日期' }, opt('attendees', '参加人员'), { name: 'respondentHeadAttended', label: '被申请人负责人参加（第五十一条）', kind: 'bool' }, req('record', '听证笔录要点')],
  referCommittee: [date, req('reason', '提请咨询的理由（第五十二条）')],
  committeeOpinion: [date, req('opinion', '委员会咨询意见')],
  suspend: [{ ...date, label: '中止日期' }, req('ground', '中止情形（第三十九条）', { select: (m) => options(m.suspensionGrounds) }), opt('reason', '说明')],
  normativeReview: [
    { ...date, label: '中止日期' },
    req('documentTitle', '规范性文件名称', 'input'),
    opt('documentLink', '规范性文件登记编号或链接', 'input'),
    opt('drafter', '制定机关', 'input'),
    req('handling', '处理方式（第五十六条）', { select: () => [{ value: 'self', label: '本机关依法处理（30日内）' }, { value: 'forward', label: '转送有权机关处理（7个工作日内）' }] }),
  ],
  notifyDrafter: [date, req('drafter', '制定机关', 'input')],
  drafterAnswered: [date, opt('summary', '答复要点')],
  normativeForwarded: [date, req('toOrgan', '接受转送的机关', 'input')],
  normativeConcluded: [date, req('result', '审查处理结果')],
  resume: [{ ...date, label: '恢复审理日期' }, opt('reason', '中止原因消除的情况')],
  extend: [{ ...date, label: '批准日期' }, req('reason', '延期理由')],
  convert: [{ ...date, label: '批准日期' }, req('reason', '转为普通程序的理由')],
  decide: [
    { ...date, label: '决定日期' },
    req('kind', '决定类型', { select: (m) => Object.entries(m.decisionKinds).map(([value, v]) => ({ value, label: `${v.label}（${v.cite}）` })) }),
    req('findings', '经审理查明的事实'),
    req('reasoning', '决定理由'),
    // 行政复议法 第七十二条: compensation with a decision that revokes, alters or finds the act illegal or void.
    { ...opt('compensationAmount', '赔偿金额（元，行政赔偿时填写）', 'number'), kinds: ['compensation', 'revoke', 'partialRevoke', 'revokeAndRedo', 'alter', 'confirmIllegal', 'confirmVoid'] },
    // 第六十四条、第六十六条: a period to act anew / to perform.
    { ...opt('redoWithinDays', '责令重新作出或履行的期限（日）', 'number'), kinds: ['revokeAndRedo', 'orderPerformance'] },
  ],
  mediate: [{ ...date, label: '调解书日期' }, req('agreement', '调解协议内容')],
  terminate: [{ ...date, label: '终止日期' }, req('ground', '终止情形（第四十一条、第七十四条）', { select: (m) => Object.entries(m.terminationGrounds).map(([value, v]) => ({ value, label: v.label })) }), opt('reason', '说明')],
  feedback: [{ ...date, label: '收到反馈日期' }, req('summary', '整改或履行情况')],
  orderPerformance: [date, req('limitDate', '限期履行至', 'date'), req('reason', '不履行的情况')],
};

/**
 * Steps that end the case (or hand it away) cannot be undone: the user confirms once more, seeing what
 * will happen (行政复议法 第六十一条 a decision is issued in the 行政复议机关's name; 第四十一条 终止).
 */
export const irreversible: Record<string, string> = {
  decide: '将以行政复议机关名义作出行政复议决定并生成编号的行政复议决定书，案件随即审结，不能撤回。',
  terminate: '将终止行政复议并生成终止行政复议决定书，案件随即结案，不能撤回。',
  reject: '将作出不予受理决定并生成不予受理决定书，案件随即结案，不能撤回。',
  abandon: '将视为申请人放弃行政复议申请，案件随即结案，不能撤回。',
  transfer: '将申请转送有管辖权的机关，本机关不再办理，不能撤回。',
  mediate: '将以调解书结案，案件随即审结，不能撤回。',
};

export function ActionModal({ open, title, action, meta, onCancel, onSubmit, loading, error }: {
  open: boolean;
  title: string;
  action: string | null;
  meta: Meta | undefined;
  onCancel: () => void;
  onSubmit: (data: Record<string, unknown>, note?: string) => void;
  loading?: boolean;
  /** The server's refusal of the last submission: its field errors are shown under the fields. */
  error?: unknown;
}) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const fields = ((action && actionFields[action]) || [date]).filter((f) => !f.kinds || (kind && f.kinds.includes(kind)));
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ date: dayjs(), withEvidence: true });
    }
  }, [open, action, form]);

  useEffect(() => {
    if (open && error) showFieldErrors(form, error);
  }, [open, error, form]);

  const ok = async () => {
    const warning = action ? irreversible[action] : undefined;
    if (!warning) return form.submit();
    try {
      await form.validateFields();
    } catch {
      return;
    }
    feedback.modal?.confirm({ title: `确认${title}？`, content: warning, okText: '确认', cancelText: '取消', okButtonProps: { danger: true }, onOk: () => form.submit() });
  };

  const finish = (v: Record<string, unknown>) => {
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      const x = v[f.name];
      if (x === undefined || x === null || x === '') continue;
      data[f.name] = f.kind === 'date' ? (x as Dayjs).format('YYYY-MM-DD') : x;
    }
    onSubmit(data, (v.note as string) || undefined);
  };

  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={ok} okText="确定" confirmLoading={loading} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={finish}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} valuePropName={f.kind === 'bool' ? 'checked' : 'value'} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
            {f.kind === 'date' ? <DatePicker style={{ width: '100%' }} disabledDate={f.name === 'date' ? (d) => d.isAfter(dayjs(), 'day') : undefined} /> : f.kind === 'text' ? <Input.TextArea rows={3} /> : f.kind === 'input' ? <Input /> : f.kind === 'bool' ? <Switch /> : f.kind === 'number' ? <InputNumber min={0} style={{ width: '100%' }} /> : <Select options={meta ? f.kind.select(meta) : []} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
