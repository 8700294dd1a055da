import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PageContainer } from '../../platform/components/page-container';
import { showFieldErrors } from '../../platform/form-errors';
import { api } from '../../api/client';
import { options, useMeta, type CaseDetail } from './api';

/** 窗口登记法律援助申请, or a 公检法 通知辩护 (法律援助法 第三十六条). */
export default function CaseRegister() {
  const [params] = useSearchParams();
  const notice = params.get('notice') === '1';
  const navigate = useNavigate();
  const meta = useMeta();
  const [form] = Form.useForm();
  const ground = Form.useWatch('meansGround', form);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown> & { receivedDate?: Dayjs }) =>
      api.post<CaseDetail>(notice ? '/api/legal-aid/notices' : '/api/legal-aid/cases', { ...v, receivedDate: v.receivedDate?.format('YYYY-MM-DD') }),
    onSuccess: (c) => navigate(`/legal-aid/cases/${c.id}`),
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <PageContainer title={notice ? '登记通知辩护（法律援助法 第三十六条：收到通知后3日内指派）' : '登记法律援助申请（法律援助法 第四十三条：7日内审查决定）'}>
      <Card>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ caseType: notice ? 'criminal' : 'civil', meansGround: 'income', receivedDate: dayjs(), urgent: false }} style={{ maxWidth: 880 }}>
          <Row gutter={16}>
            <Col span={8}><Form.Item name="caseType" label="案件类别" rules={[{ required: true }]}><Radio.Group options={meta.data ? options(meta.data.caseTypes) : []} optionType="button" /></Form.Item></Col>
            <Col span={8}><Form.Item name="receivedDate" label={notice ? '收到通知日期' : '收到申请日期'} rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}><Form.Item name="applicantName" label={notice ? '犯罪嫌疑人、被告人' : '申请人'} rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item></Col>
            <Col span={8}><Form.Item name="applicantIdNumber" label="身份证号" rules={notice ? [] : [{ required: true, message: '请填写身份证号' }]}><Input maxLength={18} /></Form.Item></Col>
            {!notice && <Col span={8}><Form.Item name="applicantPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}><Input maxLength={20} /></Form.Item></Col>}
          </Row>
          {notice ? (
            <Row gutter={16}>
              <Col span={12}><Form.Item name="noticeOrgName" label="通知机关" rules={[{ required: true, message: '请填写通知机关' }]}><Select showSearch options={['武义县公安局', '武义县人民检察院', '武义县人民法院'].map((v) => ({ value: v, label: v }))} /></Form.Item></Col>
              <Col span={12}><Form.Item name="noticeNumber" label="通知书文号"><Input /></Form.Item></Col>
            </Row>
          ) : (
            <Form.Item name="applicantAddress" label="住址"><Input maxLength={200} /></Form.Item>
          )}
          <Form.Item name="matter" label={notice ? '涉嫌罪名 / 案由' : '案情及申请事项'} rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          {!notice && (
            <>
              <Form.Item name="opponent" label="对方当事人"><Input maxLength={200} /></Form.Item>
              <Form.Item name="meansGround" label="经济困难情形" extra={meta.data && `经济困难标准：家庭人均月收入低于 ${meta.data.eligibility.monthlyIncomePerCapita} 元（${meta.data.eligibility.basis}，法律援助法 第三十四条）`}>
                <Select options={meta.data ? options(meta.data.meansGrounds) : []} />
              </Form.Item>
              {ground === 'income' && (
                <Row gutter={16}>
                  <Col span={8}><Form.Item name="householdSize" label="家庭人口" rules={[{ required: true, message: '请填写家庭人口' }]}><InputNumber min={1} max={30} style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={8}><Form.Item name="monthlyIncome" label="家庭月收入（元）" rules={[{ required: true, message: '请填写家庭月收入' }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
                </Row>
              )}
              <Form.Item name="urgent" valuePropName="checked"><Checkbox>情况紧急，需先行提供法律援助（法律援助法 第四十四条）</Checkbox></Form.Item>
            </>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>登记</Button>
            <Button onClick={() => navigate(-1)}>返回</Button>
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
