import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'Demo@12345';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestServer {
  url: string;
  dataDir: string;
  log: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds web/dist when it is missing or older than web/ (the same check `npm start` makes). */
export function ensureWebBuilt() {
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

/**
 * The real server, as `npm start` runs it, on a free port with a fresh data dir: embedded PGlite,
 * migrated and seeded with the demo county (demo password `Demo@12345`). Always PGlite, even when the
 * surrounding test run has DATABASE_URL set.
 *
 * Inside a test file this returns the run's shared server (e2e/global-setup.ts) and `stop` leaves it
 * running; FAZHI_E2E_URL=http://127.0.0.1:3000 drives an already running server instead.
 */
export async function startServer(): Promise<TestServer> {
  const shared = process.env.FAZHI_E2E_URL || sharedServerUrl();
  if (shared) return { url: shared.replace(/\/$/, ''), dataDir: '', log: () => '', stop: async () => {} };
  return spawnServer();
}

function sharedServerUrl(): string | undefined {
  try {
    return inject('fazhiServerUrl');
  } catch {
    return undefined; // not inside a vitest worker (global setup, scripts)
  }
}

async function spawnServer(): Promise<TestServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, DEMO_PASSWORD, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  delete env.FAZHI_KEY_FILE;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  // A fresh data dir migrates and seeds every line's demo year first (about a minute on an idle 2-core machine).
  const deadline = Date.now() + 480_000;
  let up = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') {
        up = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (!up) {
    await stop();
    throw new Error(`server did not become healthy at ${url}\n${output}`);
  }
  return { url, dataDir, log: () => output, stop };
}

/** Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`); never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  // On a loaded 2-core CI machine a first lazy chunk or a PGlite query can take longer than Playwright's 30 s
  // default; waits get 60 s (each test still has its own limit in vitest.e2e.config.ts).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(60_000);
    return context;
  };
  return browser;
}

/** Signs in through the login form and waits until the signed-in layout shows the user's name. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 60_000 });
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

/**
 * A button by its text. antd puts a space between two CJK characters (查 询): both spellings match. And when
 * a button's loading ends within a few frames (a refusal answered in 50 ms), antd 6 can leave the spinner's
 * leave-motion unfinished: invisible (width 0, opacity 0) and no longer loading, but its aria-label
 * "loading" stays in the button's accessible name — so a leading "loading" is allowed too.
 */
export const btn = (text: string) => new RegExp(`^\\s*(loading\\s*)?${[...text].join('\\s?')}\\s*$`);

/** A phone-sized browser, as most members of the public use; and the office desktop. */
export const phoneContext = (browser: Browser) =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
export const desktopContext = (browser: Browser) => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

/** Collects uncaught page errors, for asserting a page ran clean. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
