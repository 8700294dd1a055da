import type { createBrowserRouter } from 'react-router';
import { onUnauthorized } from '../../api/client';
import { queryClient } from '../../api/query';
import type { LoginState } from './session';

let redirecting = false;

/** After a successful login, a later 401 means the new session was lost too. */
export function resetUnauthorized() {
  redirecting = false;
}

/**
 * Any 401 from the server after sign-in (idle timeout, password reset by an administrator, account
 * disabled) sends the user to the login page with the server's reason, and back to this page afterwards.
 */
export function installUnauthorizedRedirect(router: ReturnType<typeof createBrowserRouter>) {
  onUnauthorized(async (err) => {
    const { pathname, search } = router.state.location;
    // The public portal never needs a login: a 401 there is the page's own business.
    if (redirecting || pathname === '/login' || pathname.startsWith('/portal')) return;
    redirecting = true;
    const state: LoginState = { from: pathname + search, notice: err.code === 'SESSION_EXPIRED' ? err.message : '登录状态已失效，请重新登录' };
    await router.navigate('/login', { replace: true, state });
    queryClient.clear();
  });
}
