import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { ApiError, api, setCsrfToken } from '../../api/client';
import type { Me } from '../../api/types';

export const meQueryKey = ['auth', 'me'] as const;

/** What the login page is told when it is shown instead of the page asked for. */
export interface LoginState {
  from?: string;
  notice?: string;
}

export interface Session {
  me: Me;
  /** Whether the user holds a permission; no permission asked = anyone signed in. */
  can: (permission?: string) => boolean;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <RequireAuth>');
  return s;
}

export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/auth/me', undefined, { expect401: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Renders its children only for a signed-in user; otherwise sends them to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, meta: { silent: true }, staleTime: 60_000 });

  const session = useMemo<Session | null>(() => {
    if (!me.data) return null;
    const perms = new Set(me.data.permissions);
    return {
      me: me.data,
      can: (p?: string) => !p || perms.has(p),
      logout: async () => {
        await api.post('/api/auth/logout').catch(() => undefined);
        setCsrfToken('');
        await navigate('/login', { replace: true, state: { notice: '已安全退出' } satisfies LoginState });
        queryClient.clear();
      },
    };
  }, [me.data, navigate, queryClient]);

  if (me.isPending) return <FullPageSpin />;
  if (me.isError && !session) {
    const err = me.error;
    if (err instanceof ApiError && err.status === 401) {
      const state: LoginState = { from: location.pathname + location.search, notice: err.code === 'SESSION_EXPIRED' ? err.message : undefined };
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={err.message}
        extra={<Button type="primary" onClick={() => me.refetch()}>重试</Button>}
      />
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** A page (or part of one) that needs a permission: the server refuses anyway; this says so in words. */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) return <Result status="403" title="无权访问" subTitle="您的角色没有访问此页面的权限，如需开通请联系安全管理员。" />;
  return <>{children}</>;
}
