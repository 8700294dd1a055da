import { AppError } from '../errors';

/**
 * A fixed-window limit per key (the client IP) for the public, login-free endpoints (portal applications,
 * 文件码 look-ups). `message` is what the public sees on HTTP 429. `FAZHI_PUBLIC_RATE_LIMIT=0` turns the
 * limits off for load benchmarks on a private machine.
 */
export function rateLimiter(max: number, windowMs: number, message = '请求过于频繁，请稍后再试') {
  const hits = new Map<string, { start: number; n: number }>();
  const enabled = process.env.FAZHI_PUBLIC_RATE_LIMIT !== '0';
  return (key: string) => {
    if (!enabled) return;
    const now = Date.now();
    const h = hits.get(key);
    if (!h || now - h.start > windowMs) {
      hits.set(key, { start: now, n: 1 });
      if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.start > windowMs) hits.delete(k);
      return;
    }
    if (++h.n > max) throw new AppError('RATE_LIMITED', message, 429, { retryAfterSeconds: Math.ceil((h.start + windowMs - now) / 1000) });
  };
}
