import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { showFieldErrors, isConflict } from '../form-errors';

export type ActionModalProps<V extends object> = {
  label: string;
  title?: string;
  hint?: ReactNode;
  initialValues?: Partial<V>;
  send: (values: V) => Promise<unknown>;
  children?: ReactNode;
  width?: number;
  /** A form the caller also reads (e.g. to watch a field); by default the dialog owns one. */
  form?: FormInstance<V>;
} & Omit<ButtonProps, 'onClick' | 'title' | 'children' | 'onSubmit' | 'form'>;

/**
 * One step of a case or register: a button opening a form in a dialog; 确定 sends it, bad input shows under
 * its field, and success or a stale version (409) reloads the queries under `queryKey` (the line's data).
 * A line binds its key once: `export const ActionModal = lineActionModal('legality')`.
 */
export function ActionModal<V extends object>({
  queryKey, label, title, hint, initialValues, send, children, width = 560, form: external, ...button
}: ActionModalProps<V> & { queryKey: string }) {
  const [open, setOpen] = useState(false);
  const [own] = Form.useForm<V>();
  const form = external ?? own;
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: send,
    onError: (err) => {
      showFieldErrors(form, err);
      if (isConflict(err)) qc.invalidateQueries({ queryKey: [queryKey] });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: [queryKey] });
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

/** The dialog bound to one line's query key. */
export function lineActionModal(queryKey: string) {
  return function LineActionModal<V extends object>(props: ActionModalProps<V>) {
    return <ActionModal<V> queryKey={queryKey} {...props} />;
  };
}
