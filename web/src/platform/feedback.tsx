import { useEffect } from 'react';
import { App } from 'antd';
import { ApiError } from '../api/client';

/**
 * antd's message/notification/modal as used outside components (the query cache's error handler, the
 * idle-timeout watcher). They come from <App> so they follow the ConfigProvider's locale and theme.
 */
let holder: ReturnType<typeof App.useApp> | null = null;

export function FeedbackBridge() {
  const app = App.useApp();
  useEffect(() => {
    holder = app;
  }, [app]);
  return null;
}

export const feedback = {
  get message() {
    return holder?.message;
  },
  get notification() {
    return holder?.notification;
  },
  get modal() {
    return holder?.modal;
  },
};

/** Shows a failure in Chinese. A lost session (401) is not shown here: the app goes to the login page instead. */
export function reportError(err: unknown) {
  if (err instanceof ApiError && err.status === 401) return;
  const text = err instanceof ApiError ? err.message : err instanceof Error && err.message ? `操作失败：${err.message}` : '操作失败，请稍后再试';
  holder?.message.error(text);
}
