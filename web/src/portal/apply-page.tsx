import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api/client';
import { actTypeOptions, submitApplication, type PortalApplication, type SubmitResult } from './api';

interface ApplyForm {
  applicantType: 'person' | 'organization';
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  applicantAddress?: string;
  respondentName: string;
  actType: string;
  actNumber?: string;
  actDate?: Dayjs;
  actAmount?: number | null;
  request: string;
  reasons?: string;
  pledge: boolean;
}

/** The same patterns the server checks (src/modules/admin-review/service.ts), so most mistakes show before sending. */
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** 行政复议法 第二十条第一款: 60 days from when the applicant knew of the act. */
const APPLY_PERIOD_DAYS = 60;
/** The server's limits for the portal (src/modules/admin-review/routes.ts). */
const MAX_FILES = 5;
const MAX_FILE_MB = 10;

const fieldNames = new Set<string>(['applicantType', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantAddress', 'respondentName', 'actType', 'actNumber', 'actDate', 'actAmount', 'request', 'reasons']);
const fieldAlias: Record<string, string> = { respondentOrgId: 'respondentName' };

/** The server's `details.fields` as form errors; what matches no field is returned to show above the button. */
function serverFieldErrors(err: ApiError): { fields: { name: keyof ApplyForm; errors: string[] }[]; rest: string[] } {
  const list = ((err.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? []).filter((f) => f && typeof f.path === 'string');
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of list) {
    const top = fieldAlias[f.path.split('.')[0]] ?? f.path.split('.')[0];
    if (fieldNames.has(top)) byField.set(top, [...(byField.get(top) ?? []), f.message]);
    else rest.push(top === 'attachments' ? `附件：${f.message}` : f.message);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name: name as keyof ApplyForm, errors })), rest };
}

function Submitted({ result }: { result: SubmitResult }) {
  return (
    <Card>
      <Result
        status="success"
        title="行政复议申请已提交"
        subTitle={`收件编号 ${result.caseNumber}，收到日期 ${result.receivedDate}。行政复议机构将在收到申请后5个工作日内进行审查（行政复议法 第三十条）。`}
        style={{ padding: '16px 0' }}
      />
      <div style={{ textAlign: 'center', background: '#eff6ff', border: '1px solid #bfdbfe', borderRadius: 8, padding: '16px 8px', marginBottom: 16 }}>
        <Typography.Text type="secondary">您的查询码</Typography.Text>
        <Typography.Paragraph copyable={{ text: result.trackingCode, tooltips: ['复制', '已复制'] }} style={{ fontSize: 28, fontWeight: 700, letterSpacing: 2, fontFamily: 'ui-monospace, Menlo, Consolas, monospace', margin: '4px 0' }} data-testid="tracking-code">
          {result.trackingCode}
        </Typography.Paragraph>
        <Typography.Text strong type="danger">
          请妥善保存查询码
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
          查询码只显示这一次，遗失后无法找回；凭查询码可随时查询办理进度。
        </Typography.Paragraph>
      </div>
      <Link to={`/portal/admin-review/track/${encodeURIComponent(result.trackingCode)}`}>
        <Button type="primary" block size="large">
          查询办理进度
        </Button>
      </Link>
    </Card>
  );
}

/** /portal/admin-review/apply: the online 行政复议申请 (网上申请), answered with a 查询码. */
export default function PortalApply() {
  const [form] = Form.useForm<ApplyForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const applicantType = Form.useWatch('applicantType', form) ?? 'person';
  const actDate = Form.useWatch('actDate', form);
  const daysSinceAct = actDate ? dayjs().startOf('day').diff(actDate.startOf('day'), 'day') : null;

  const submit = useMutation({
    mutationFn: (v: ApplyForm) => {
      const data: PortalApplication = {
        applicantType: v.applicantType,
        applicantName: v.applicantName.trim(),
        applicantIdNumber: v.applicantIdNumber.trim().toUpperCase(),
        applicantPhone: v.applicantPhone.trim(),
        applicantAddress: v.applicantAddress?.trim() || undefined,
        respondentName: v.respondentName.trim(),
        actType: v.actType,
        actNumber: v.actNumber?.trim() || undefined,
        actDate: v.actDate?.format('YYYY-MM-DD'),
        actAmount: v.actAmount ?? null,
        request: v.request.trim(),
        reasons: v.reasons?.trim() || undefined,
      };
      return submitApplication(data, files.map((f) => f.originFileObj as File).filter(Boolean));
    },
    meta: { silent: true },
    onMutate: () => setProblems([]),
    onError: (err) => {
      if (err instanceof ApiError) {
        const { fields, rest } = serverFieldErrors(err);
        if (fields.length) form.setFields(fields);
        setProblems(fields.length && !rest.length ? [] : rest.length ? rest : [err.message]);
        if (fields.length) form.scrollToField(fields[0].name, { block: 'center' });
      } else setProblems(['提交失败，请稍后再试']);
    },
    onSuccess: () => window.scrollTo({ top: 0 }),
  });

  if (submit.data) return <Submitted result={submit.data} />;

  const isPerson = applicantType === 'person';
  return (
    <div>
      <Typography.Title level={3} style={{ margin: '8px 0 12px' }}>
        申请行政复议
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="申请期限"
        description={
          <>
            请在知道该行政行为之日起<strong>六十日内</strong>提出申请（行政复议法 第二十条）；因不可抗力等正当理由耽误的，期限自障碍消除之日起继续计算。
            对当场作出的行政处罚决定、行政机关不予公开政府信息等情形不服的，应当先申请行政复议（复议前置，行政复议法 第二十三条）。
          </>
        }
        data-testid="apply-deadline-hint"
      />
      <Form<ApplyForm>
        form={form}
        layout="vertical"
        initialValues={{ applicantType: 'person', pledge: false }}
        onFinish={(v) => submit.mutate(v)}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        scrollToFirstError={false}
        requiredMark
      >
        <Card size="small" title="申请人" style={{ marginBottom: 12 }}>
          <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
            <Radio.Group
              options={[
                { value: 'person', label: '自然人' },
                { value: 'organization', label: '法人或其他组织' },
              ]}
              onChange={() => form.setFields([{ name: 'applicantIdNumber', errors: [] }])}
            />
          </Form.Item>
          <Form.Item name="applicantName" label={isPerson ? '申请人姓名' : '单位名称'} rules={[{ required: true, whitespace: true, message: isPerson ? '请填写申请人姓名' : '请填写单位名称' }, { min: 2, message: '至少2个字' }, { max: 100, message: '不超过100个字' }]}>
            <Input autoComplete={isPerson ? 'name' : 'organization'} maxLength={100} />
          </Form.Item>
          <Form.Item
            name="applicantIdNumber"
            label={isPerson ? '身份证号' : '统一社会信用代码'}
            rules={[
              { required: true, whitespace: true, message: isPerson ? '请填写身份证号' : '请填写统一社会信用代码' },
              {
                validator: (_, v: string | undefined) => {
                  const s = (v ?? '').trim().toUpperCase();
                  if (!s) return Promise.resolve();
                  if (isPerson ? ID_NUMBER.test(s) : CREDIT_CODE.test(s)) return Promise.resolve();
                  return Promise.reject(new Error(isPerson ? '身份证号应为18位（最后一位可为X）' : '统一社会信用代码应为18位数字或大写字母'));
                },
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="applicantPhone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, { pattern: PHONE, message: '请填写11位手机号或带区号的固定电话' }]}>
            <Input inputMode="tel" autoComplete="tel" maxLength={15} />
          </Form.Item>
          <Form.Item name="applicantAddress" label="通讯地址" rules={[{ max: 200, message: '不超过200个字' }]}>
            <Input autoComplete="street-address" maxLength={200} />
          </Form.Item>
        </Card>

        <Card size="small" title="被申请人与行政行为" style={{ marginBottom: 12 }}>
          <Form.Item name="respondentName" label="被申请人" extra="作出该行政行为的行政机关全称，如：武义县市场监督管理局" rules={[{ required: true, whitespace: true, message: '请填写被申请人' }, { max: 100, message: '不超过100个字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="actType" label="行为类别" rules={[{ required: true, message: '请选择行为类别' }]}>
            <Select options={actTypeOptions} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="actNumber" label="文书编号" extra="如行政处罚决定书的文号" rules={[{ max: 100, message: '不超过100个字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="actDate" label="作出日期或知道日期" rules={[{ validator: (_, v?: Dayjs) => (v && v.isAfter(dayjs(), 'day') ? Promise.reject(new Error('日期不能晚于今天')) : Promise.resolve()) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {daysSinceAct !== null && daysSinceAct > APPLY_PERIOD_DAYS && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`距所选日期已过${daysSinceAct}日，可能超过六十日的申请期限（行政复议法 第二十条第一款）`}
              description="如有正当理由耽误期限，或行政机关未告知您申请行政复议的权利和期限，请在「事实和理由」中说明（行政复议法 第二十条第二款、第三款），仍可提交。"
            />
          )}
          <Form.Item name="actAmount" label="涉及款额（元）" rules={[{ type: 'number', min: 0, message: '款额不能为负数' }]}>
            <InputNumber style={{ width: '100%' }} min={0} max={1e12} precision={2} inputMode="decimal" placeholder="如罚款金额，没有可不填" />
          </Form.Item>
        </Card>

        <Card size="small" title="请求与理由" style={{ marginBottom: 12 }}>
          <Form.Item name="request" label="行政复议请求" extra="如：请求撤销被申请人作出的行政处罚决定" rules={[{ required: true, whitespace: true, message: '请填写行政复议请求' }, { min: 2, message: '至少2个字' }, { max: 5000, message: '不超过5000字' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="reasons" label="事实和理由" rules={[{ max: 10000, message: '不超过10000字' }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} showCount />
          </Form.Item>
          <Form.Item label={`附件（最多${MAX_FILES}个，每个不超过${MAX_FILE_MB}MB）`} extra="行政行为的决定书、身份证明、证据材料等，可拍照上传">
            <Upload
              multiple
              maxCount={MAX_FILES}
              fileList={files}
              accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.txt"
              beforeUpload={(file) => {
                if (file.size > MAX_FILE_MB * 1024 * 1024) {
                  setProblems([`附件「${file.name}」超过${MAX_FILE_MB}MB，请压缩后再上传`]);
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
            >
              <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
                选择文件
              </Button>
            </Upload>
          </Form.Item>
        </Card>

        <Form.Item name="pledge" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认所填信息真实'))) }]}>
          <Checkbox>本人承诺以上信息真实、准确</Checkbox>
        </Form.Item>
        {problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title="提交未成功" description={problems.map((p, i) => <div key={i}>{p}</div>)} data-testid="apply-error" />
        )}
        {submit.error && !problems.length && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title="提交未成功，请按提示修改标红的内容" data-testid="apply-error" />
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>
          提交申请
        </Button>
      </Form>
    </div>
  );
}
