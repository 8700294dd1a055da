import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, type ButtonProps } from 'antd';
import { isConflict, showFieldErrors } from '../../platform/form-errors';

/** A 社区矫正 step or record: a button opening a form; bad input shows under its field, a 409 reloads. */
export function ActionModal<V extends object>({ label, title, hint, initialValues, send, children, width = 560, ...button }: {
  label: string;
  title?: string;
  hint?: ReactNode;
  initialValues?: Partial<V>;
  send: (values: V) => Promise<unknown>;
  children?: ReactNode;
  width?: number;
} & Omit<ButtonProps, 'onClick' | 'title' | 'children' | 'onSubmit'>) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: send,
    onError: (err) => {
      showFieldErrors(form, err);
      if (isConflict(err)) qc.invalidateQueries({ queryKey: ['corrections'] });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['corrections'] });
      setOpen(false);
    },
  });
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>{label}</Button>
      <Modal open={open} title={title ?? label} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden width={width} okText="确定">
        {hint && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={hint} />}
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => run.mutate(v)} preserve={false}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
