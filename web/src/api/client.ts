/**
 * The one way the SPA talks to the server: same-origin cookies, the session's CSRF token on every
 * state-changing request, and the server's `{ code, message, details }` refusals turned into ApiError
 * (whose Chinese message is what the user sees).
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an answer, not a lost session (the login form). */
  expect401?: boolean;
}

let csrfToken = '';
let lastServerContact = Date.now();
let unauthorizedHandler: (err: ApiError) => void = () => {};

/** The token comes from `/api/auth/login` and `/api/auth/me`; the server rejects writes without it (403 CSRF_FAILED). */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called on every 401 from the server (session expired or ended): the app sends the user to the login page. */
export function onUnauthorized(handler: (err: ApiError) => void) {
  unauthorizedHandler = handler;
}

/** When the server last saw a request from this tab: its idle clock restarts on every request. */
export const lastServerContactAt = () => lastServerContact;

const statusMessages: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '无权执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  413: '上传的文件过大',
  423: '账号已锁定',
  429: '操作过于频繁，请稍后再试',
};

export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path + queryString(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  lastServerContact = Date.now();

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const e = (data && typeof data === 'object' ? data : {}) as { code?: string; message?: string; details?: unknown };
    const err = new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? statusMessages[res.status] ?? `服务器错误（${res.status}），请稍后再试`, e.details);
    if (res.status === 401 && !opts.expect401) unauthorizedHandler(err);
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
