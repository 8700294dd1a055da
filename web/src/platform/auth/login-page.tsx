import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, api, setCsrfToken } from '../../api/client';
import type { LoginResult } from '../../api/types';
import { ChangePasswordModal } from './change-password';
import { resetUnauthorized } from './unauthorized';
import type { LoginState } from './session';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as LoginState;
  const [notice, setNotice] = useState(state.notice);
  const [mustChange, setMustChange] = useState(false);
  const target = state.from && state.from !== '/login' ? state.from : '/';

  const login = useMutation({
    mutationFn: (v: Values) => api.post<LoginResult>('/api/auth/login', v, { expect401: true }),
    meta: { silent: true },
    onMutate: () => setNotice(undefined),
    onSuccess: async (res) => {
      setCsrfToken(res.csrfToken);
      resetUnauthorized();
      // Nothing cached for the previous account may leak into this one.
      queryClient.clear();
      if (res.mustChangePassword) setMustChange(true);
      else await navigate(target, { replace: true });
    },
  });
  const error = login.error instanceof ApiError ? login.error : login.error ? new ApiError(0, 'UNKNOWN', '登录失败，请稍后再试') : null;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #0f2b5b 0%, #1d4ed8 55%, #3b82f6 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 12px 40px rgba(0,0,0,.25)' }} styles={{ body: { padding: '32px 32px 16px' } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px', letterSpacing: 4 }}>
            法治
          </Typography.Title>
          <Typography.Text type="secondary">县区司法局与司法所业务平台</Typography.Text>
        </div>
        {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Values> layout="vertical" size="large" onFinish={(v) => login.mutate(v)} requiredMark={false} autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          连续输错密码将锁定账号；超过30分钟未操作需重新登录。
        </Typography.Paragraph>
        <div style={{ textAlign: 'center', marginBottom: 8, fontSize: 13 }}>
          <Link to="/portal">公共服务（无需登录）</Link>
        </div>
      </Card>
      <ChangePasswordModal open={mustChange} forced onChanged={() => navigate(target, { replace: true })} />
    </div>
  );
}
