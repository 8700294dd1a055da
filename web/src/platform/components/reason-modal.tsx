import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, type ButtonProps } from 'antd';

/**
 * Nothing is deleted in Fazhi: it is voided (作废/撤销/注销) with a reason, which the audit log keeps.
 * This is the one confirmation dialog for that: a warning, a required reason, a danger button.
 */
export function ReasonButton({
  title,
  warning,
  okText = '确认',
  onConfirm,
  children,
  ...button
}: {
  title: string;
  warning?: ReactNode;
  okText?: string;
  onConfirm: (reason: string) => Promise<unknown>;
  children: ReactNode;
} & Omit<ButtonProps, 'onClick' | 'title'>) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      form.resetFields();
    } catch {
      // The failure is already shown (query cache); the dialog stays open to correct and retry.
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal
        title={title}
        open={open}
        okText={okText}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { min: 2, message: '原因至少2个字' }, { max: 500, message: '原因不超过500字' }]}>
            <Input.TextArea rows={3} placeholder="将记入审计日志" maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
