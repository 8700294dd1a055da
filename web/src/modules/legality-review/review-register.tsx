import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { OrgTreeSelect } from '../../platform/components/org-tree';
import { showFieldErrors } from '../../platform/form-errors';
import { useSession } from '../../platform/auth/session';
import { options, PERM, useMeta, type ReviewDetail } from './api';

interface RegisterForm {
  objectType: string;
  title: string;
  submitterName?: string;
  reviewOrg?: string;
  submittedDate?: Dayjs;
  summary?: string;
}

/**
 * 送审登记. Township flow: the 司法所 registers a 承办机构's matter (镇党政综合办 then checks completeness).
 * County flow: a department (部门) sends its own matter to the 司法局 合法性审查中心; a 规范性文件 at its
 * 合法性审核 stage is sent from the document's page (?documentId=…).
 */
export default function ReviewRegister() {
  const meta = useMeta();
  const { can } = useSession();
  const [params] = useSearchParams();
  const documentId = params.get('documentId') ?? undefined;
  // A department (no review role) sends its own matter to the 中心; so does a document sent from its page.
  const department = !can(PERM.review) && !can(PERM.check) && !can(PERM.docManage);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<RegisterForm>();
  const submit = useMutation({
    mutationFn: (v: RegisterForm) =>
      api.post<ReviewDetail>('/api/legality/reviews', { objectType: v.objectType, title: v.title.trim(), submitterName: v.submitterName?.trim() || undefined, reviewOrg: v.reviewOrg || undefined, documentId, submittedDate: v.submittedDate?.format('YYYY-MM-DD'), summary: v.summary || undefined }),
    onError: (err) => showFieldErrors(form, err),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['legality'] });
      navigate(`/legality/reviews/${r.id}`);
    },
  });
  return (
    <PageContainer title="合法性审查送审登记">
      <Card style={{ maxWidth: 760 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={department || documentId
            ? `县级流程：送审至${meta.data?.reviewCenter?.name ?? '司法局合法性审查中心'}，由中心审核材料是否齐全并受理审查；审查期限一般不少于5个工作日、最长不超过15个工作日（国办发〔2018〕115号），补充材料的时间不计入。`
            : '送审后由党政综合办审核材料是否齐全；材料齐全的转司法所审查，审查期限一般不少于5个工作日、最长不超过15个工作日（国办发〔2018〕115号），补充材料的时间不计入。'} />
        <Form<RegisterForm> form={form} layout="vertical"
          initialValues={{ submittedDate: dayjs(), ...(documentId ? { objectType: 'normativeDocument', title: params.get('title') ?? '', reviewOrg: meta.data?.reviewCenter?.id } : {}) }}
          onFinish={(v) => submit.mutate(v)}>
          <Form.Item name="objectType" label="审查对象" rules={[{ required: true, message: '请选择审查对象类型' }]}>
            <Select options={meta.data ? options(meta.data.objectTypes) : []} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="title" label="送审事项名称" rules={[{ required: true, whitespace: true, message: '请填写送审事项名称' }, { min: 2, message: '至少2个字' }]}>
            <Input maxLength={200} />
          </Form.Item>
          {department ? null : (
            <>
              <Form.Item name="submitterName" label="承办机构" extra={documentId ? '不填则为文件的制定机关' : undefined} rules={documentId ? [] : [{ required: true, whitespace: true, message: '请填写承办机构' }, { min: 2, message: '至少2个字' }]}>
                <Input maxLength={100} placeholder="如：壶山街道经济发展办" />
              </Form.Item>
              <Form.Item name="reviewOrg" label="审查机构" extra="不选则为本单位">
                <OrgTreeSelect allowClear placeholder="本单位" />
              </Form.Item>
            </>
          )}
          <Form.Item name="submittedDate" label="送审日期" rules={[{ required: true, message: '请选择送审日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="summary" label="事项概要">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            送审
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
