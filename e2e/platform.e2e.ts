import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, login, logout, repoRoot, startServer, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;
/** The account the administrator creates in one test and signs in with in a later one. */
const created = { username: '', password: '' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

describe('平台网页（真实服务器 + Chromium）', () => {
  it('密码错误时显示中文提示“用户名或密码错误”，且不进入系统', async () => {
    const { context, page, errors } = await freshPage();
    await page.goto(`${server.url}/`);
    // Not signed in: the SPA sends the visitor to the login page.
    await page.waitForURL('**/login');
    await page.getByPlaceholder('用户名').fill('admin');
    await page.getByPlaceholder('密码').fill('Wrong@12345');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('系统管理员新建用户 → 审计管理员在审计日志中看到该用户的 user.create 记录', async () => {
    // A new name for each attempt: a retried attempt must not collide with the account an earlier one made.
    const username = (created.username = `e2e${Date.now().toString(36)}`);
    const { context, page, errors } = await freshPage();

    await login(page, server.url, 'admin');
    await expect.poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true);
    // 三员分立 in the menu: the system administrator has no 审计日志.
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('用户名').fill(username);
    await drawer.getByLabel('姓名').fill('测试用户');
    await drawer.getByLabel('所属机构').click();
    await page.keyboard.type('壶山司法所');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '壶山司法所' }).first().click();
    await drawer.getByLabel('职务').fill('科员');
    // A fresh number each run (phone numbers are unique among accounts).
    const phone = `138${String(Date.now()).slice(-8)}`;
    await drawer.getByLabel('手机号').fill(phone);
    await drawer.getByLabel('角色').click();
    // Every line adds roles: filter the list rather than hope the option is in the rendered window.
    await page.keyboard.type('业务人员');
    await page.locator('.ant-select-item-option', { hasText: '业务人员' }).first().click();
    await page.keyboard.press('Escape');
    // The drawer proposes a random initial password that satisfies the policy.
    created.password = await drawer.getByLabel('初始密码').inputValue();
    expect(created.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12,}$/);
    await drawer.getByRole('button', { name: '保存' }).click();
    // Saved: the drawer closes (the 用户已创建 toast lasts 3 s, too short to rely on under load). Otherwise the
    // poll reports what the page says instead (a field's message or the server's refusal).
    await expect
      .poll(async () => ((await drawer.count()) === 0 ? 'saved' : (await page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents()).join(' ') || 'open'), { timeout: 60_000 })
      .toBe('saved');

    // The demo county has accounts for every line: find the new one with the list's search box.
    await page.getByPlaceholder('用户名、姓名或手机号').fill(username);
    await page.getByPlaceholder('用户名、姓名或手机号').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: username });
    await row.waitFor();
    expect(await row.textContent()).toContain('壶山司法所');
    // The phone number is stored encrypted and only ever shown masked.
    expect(await row.textContent()).toContain(`138****${phone.slice(-4)}`);
    await logout(page);

    await login(page, server.url, 'auditor');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByPlaceholder('关键字（摘要、操作人）').fill(username);
    await page.getByRole('button', { name: '查询' }).click();
    const entry = page.locator('.ant-table-row', { hasText: 'user.create' }).filter({ hasText: username });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('系统管理员');
    // The entry expands to what was recorded — never the password hash.
    await entry.locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('.ant-table-expanded-row').first();
    await detail.getByText('哈希（SM3）').waitFor();
    expect(await detail.textContent()).toContain(username);
    expect(await detail.textContent()).not.toMatch(/passwordHash|argon2/);

    await page.getByRole('button', { name: '校验哈希链' }).click();
    const verdict = page.locator('.ant-modal-confirm');
    await verdict.waitFor();
    expect(await verdict.locator('.ant-modal-confirm-title').textContent()).toBe('哈希链完整');
    expect(await verdict.textContent()).toMatch(/共校验 \d+ 条审计记录，未发现篡改/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('新账号首次登录须修改密码；会话失效后回到登录页并提示，重新登录后回到原页面', async () => {
    expect(created.username, 'runs after the user-creation test').not.toBe('');
    // The administrator sets a new initial password first (which also requires a change at next login), so a
    // retried attempt starts from the same state as the first.
    created.password = `Init#${Date.now().toString(36)}Ab1`;
    const admin = await browser.newContext();
    const signIn = await admin.request.post(`${server.url}/api/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const found = (await (await admin.request.get(`${server.url}/api/users?q=${created.username}`)).json()) as { items: { id: string; username: string }[] };
    const user = found.items.find((u) => u.username === created.username)!;
    const reset = await admin.request.post(`${server.url}/api/users/${user.id}/reset-password`, { data: { password: created.password }, headers: { 'x-csrf-token': csrfToken } });
    expect(reset.status(), await reset.text()).toBe(200);
    await admin.close();

    const { context, page, errors } = await freshPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder('用户名').fill(created.username);
    await page.getByPlaceholder('密码').fill(created.password);
    await page.getByRole('button', { name: '登录' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '首次登录，请修改密码' });
    await dialog.waitFor();
    // Forced: the dialog has no close or cancel.
    expect(await dialog.locator('.ant-modal-close').count()).toBe(0);
    await dialog.getByLabel('原密码').fill(created.password);
    await dialog.getByLabel('新密码', { exact: true }).fill('Changed#2024ok');
    await dialog.getByLabel('确认新密码').fill('Changed#2024ok');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('测试用户');

    // The server ends the session (here: the cookie is gone); the next request answers 401. First let the
    // workbench finish loading: a request of its own still in flight would answer 401 before the click.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    const notice = page.getByTestId('login-notice');
    await expect.poll(async () => ((await notice.count()) ? await notice.textContent() : `无提示，当前页面 ${page.url()}`), { timeout: 60_000 }).toContain('登录状态已失效，请重新登录');
    await page.getByPlaceholder('用户名').fill(created.username);
    await page.getByPlaceholder('密码').fill('Changed#2024ok');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '组织机构' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/orgs');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('局长的工作台：待办卡片与列表，截图存为 docs/screenshot.png', async () => {
    const { context, page, errors } = await freshPage();
    await login(page, server.url, 'director');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await expect.poll(() => page.getByTestId('card-red').textContent()).toMatch(/红灯.*\d/);
    // A business role sees no administration menus.
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    // Each 待办 carries its light; hovering it shows the deadline and the article it comes from.
    const lights = page.locator('.ant-table-row [data-light]');
    if ((await lights.count()) > 0) {
      await lights.first().hover();
      const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
      await tip.waitFor();
      expect(await tip.textContent()).toMatch(/依据：.*第.+条/);
      await page.mouse.move(1, 1);
      await tip.waitFor({ state: 'hidden' });
    }
    const file = path.join(repoRoot, 'docs', 'screenshot.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await context.close();
  });
});
