import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { api, lastServerContactAt } from '../../api/client';
import { feedback } from '../feedback';

const WARN_BEFORE_MS = 60_000;
const NOTICE_KEY = 'idle-timeout';

/**
 * The server ends a session after `minutes` without a request (等保 idle timeout). This tab knows when it
 * last reached the server, so it warns a minute before and, once the time is up, asks the server — whose
 * 401 (SESSION_EXPIRED) sends the user to the login page with the server's own message.
 */
export function IdleWatcher({ minutes }: { minutes: number }) {
  const warned = useRef(false);
  useEffect(() => {
    const limit = minutes * 60_000;
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastServerContactAt();
      if (idle >= limit + 1_000) {
        feedback.notification?.destroy(NOTICE_KEY);
        warned.current = false;
        void api.get('/api/auth/me').catch(() => undefined);
      } else if (idle >= limit - WARN_BEFORE_MS && !warned.current) {
        warned.current = true;
        feedback.notification?.warning({
          key: NOTICE_KEY,
          title: '会话即将超时',
          description: `您已近${minutes}分钟未操作，1分钟后将自动退出登录。`,
          duration: 0,
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                feedback.notification?.destroy(NOTICE_KEY);
                warned.current = false;
                void api.get('/api/auth/me').catch(() => undefined);
              }}
            >
              继续使用
            </Button>
          ),
        });
      } else if (idle < limit - WARN_BEFORE_MS && warned.current) {
        warned.current = false;
        feedback.notification?.destroy(NOTICE_KEY);
      }
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [minutes]);
  return null;
}
