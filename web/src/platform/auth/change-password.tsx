import { Alert, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { feedback } from '../feedback';
import { meQueryKey } from './session';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码. `forced`: the account must change its password before doing anything else (first login,
 * or after an administrator reset it) — the dialog cannot be dismissed.
 */
export function ChangePasswordModal({ open, forced, onClose, onChanged }: { open: boolean; forced?: boolean; onClose?: () => void; onChanged?: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (v: Values) => api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      feedback.message?.success('密码已修改');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      onChanged?.();
      onClose?.();
    },
  });

  return (
    <Modal
      title={forced ? '首次登录，请修改密码' : '修改密码'}
      open={open}
      okText="确认修改"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : () => { form.resetFields(); onClose?.(); }}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title="为保障账号安全，首次登录或密码被重置后必须修改密码。" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} autoComplete="off">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少8位，且包含大写字母、小写字母、数字、符号中的至少3类；不能包含用户名。"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '新密码至少8位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
