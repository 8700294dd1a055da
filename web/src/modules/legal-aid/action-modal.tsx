import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { showFieldErrors, isConflict } from '../../platform/form-errors';
import { KEY } from './api';

/**
 * One step of a case or register: a button opening a form in a dialog; 确定 sends it, bad input shows under
 * its field, a stale version (409) reloads the line's data.
 */
export function ActionModal<V extends object>({
  label, title, hint, initialValues, send, children, width = 560, form: external, ...button
}: {
  label: string;
  title?: string;
  hint?: ReactNode;
  initialValues?: Partial<V>;
  send: (values: V) => Promise<unknown>;
  children?: ReactNode;
  width?: number;
  form?: FormInstance<V>;
} & Omit<ButtonProps, 'onClick' | 'title' | 'children' | 'onSubmit' | 'form'>) {
  const [open, setOpen] = useState(false);
  const [own] = Form.useForm<V>();
  const form = external ?? own;
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: send,
    onError: (err) => {
      showFieldErrors(form, err);
      if (isConflict(err)) qc.invalidateQueries({ queryKey: [KEY] });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: [KEY] });
      setOpen(false);
    },
  });
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal open={open} title={title ?? label} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden width={width} okText="确定">
        {hint && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={hint} />}
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => run.mutate(v)} preserve={false}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
