import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PageContainer } from '../../platform/components/page-container';
import { feedback, reportError } from '../../platform/feedback';
import { showFieldErrors } from '../../platform/form-errors';
import { useOptions, type CaseDetail } from './api';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 登记应诉案件 on receipt of the 起诉状副本: the 15-day 答辩 period starts the day after (行政诉讼法 第六十七条). */
export default function CaseRegister() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const options = useOptions();
  const [form] = Form.useForm();
  const [reviewQ, setReviewQ] = useState('');
  const reviews = useQuery({
    queryKey: ['litigation', 'review-cases', reviewQ],
    queryFn: () => api.get<{ id: string; caseNumber: string | null; applicantName: string; respondentName: string; stateLabel: string }[]>('/api/litigation/review-cases', { q: reviewQ }),
    meta: { silent: true },
  });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<CaseDetail>('/api/litigation/cases', body),
    onSuccess: (d) => {
      feedback.message?.success('已登记，答辩期限已开始计算');
      qc.invalidateQueries({ queryKey: ['litigation'] });
      navigate(`/litigation/cases/${d.case.id}`);
    },
    meta: { silent: true },
    onError: (err) => {
      // Field errors go under their fields (the server's own text names fields by their code).
      if (showFieldErrors(form, err)) feedback.message?.error('填写有误，请按表单中标红的提示修改');
      else reportError(err);
    },
  });
  const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');
  const o = options.data;

  return (
    <PageContainer title="登记应诉案件">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="被告应当在收到起诉状副本之日起十五日内提交答辩状和证据（行政诉讼法第六十七条）；期间末日为法定休假日的顺延。" />
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ plaintiffType: 'person', plaintiffCount: 1, procedure: 'ordinary', actType: 'penalty' }}
          onFinish={(v) =>
            save.mutate({
              ...v,
              receivedDate: day(v.receivedDate),
              filedDate: day(v.filedDate),
              reviewCaseId: v.reviewCaseId || null,
            })
          }
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="caseNumber" label="案号" rules={[{ required: true, message: '请填写案号' }]} extra="如（2025）浙0723行初12号">
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="courtName" label="受理法院" rules={[{ required: true, message: '请选择或填写法院' }]}>
                <AutoComplete options={o?.courts.map((c) => ({ value: c.name }))} placeholder="武义县人民法院" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="defendantName" label="被告行政机关" rules={[{ required: true, message: '请选择或填写被告' }]}>
                <AutoComplete options={o?.defendants.map((c) => ({ value: c.name }))} filterOption={(input, opt) => String(opt?.value ?? '').includes(input)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="plaintiffType" label="原告类型">
                <Radio.Group options={o?.plaintiffTypes} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="plaintiffName" label="原告" rules={[{ required: true, message: '请填写原告' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="plaintiffCount" label="原告人数">
                <InputNumber min={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="plaintiffIdNumber" label="身份证号 / 统一社会信用代码" extra="加密保存，列表只显示掩码">
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="plaintiffPhone" label="联系电话">
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="actType" label="行为类别" rules={[{ required: true }]}>
                <Select options={o?.actTypes} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请填写案由' }]}>
                <Input placeholder="土地行政处罚" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="receivedDate" label="收到起诉状副本日期" rules={[{ required: true, message: '请选择收到起诉状副本的日期' }]} extra="答辩期自收到之次日起算">
                <DatePicker style={{ width: '100%' }} disabledDate={future} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="filedDate" label="法院立案日期" extra="审限自立案之日起计算（第八十一条、第八十三条）"
                dependencies={['receivedDate']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v?: Dayjs) => {
                      const r = getFieldValue('receivedDate') as Dayjs | undefined;
                      return !v || !r || !v.isAfter(r, 'day') ? Promise.resolve() : Promise.reject(new Error('法院立案日期不应晚于收到起诉状副本日期'));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={future} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="procedure" label="审理程序">
                <Radio.Group options={o?.procedures} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="reviewCaseId" label="关联行政复议案件" extra="复议与诉讼针对同一行为时关联（行政复议法第二十九条）">
                <Select
                  allowClear
                  showSearch
                  filterOption={false}
                  onSearch={setReviewQ}
                  placeholder="输入复议收件编号或申请人查找"
                  notFoundContent="未找到可关联的行政复议案件（或无权查看行政复议案件）"
                  options={reviews.data?.map((r) => ({ value: r.id, label: `${r.caseNumber ?? '（未编号）'} ${r.applicantName} 诉 ${r.respondentName}（${r.stateLabel}）` }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="claims" label="诉讼请求">
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            登记
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
