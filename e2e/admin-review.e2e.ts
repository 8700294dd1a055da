import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, startServer, btn, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Indicator { key: string; numerator: number; denominator: number | null }

async function correctionRate(page: Page): Promise<Indicator> {
  const res = await page.request.get(`${server.url}/api/indicators?org=330723&keys=adminReview.correctionRate`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { indicators: Indicator[] }).indicators[0];
}


describe('行政复议网页流程（真实服务器 + Chromium）', () => {
  it('复议科登记申请 → 受理 → 决定撤销 → 下载决定书 → 纠错率变化 (行政复议法 第六十一条、第六十四条)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await login(page, server.url, 'fuyi');
    const before = await correctionRate(page);

    // 窗口登记
    await page.getByRole('menuitem', { name: '登记申请' }).click();
    await page.getByRole('heading', { name: '登记行政复议申请（窗口登记）' }).waitFor();
    await page.getByLabel('申请人姓名/名称').fill('端到端测试申请人');
    await page.getByLabel('或填写被申请人名称').fill('武义县市场监督管理局');
    await page.getByLabel('行政复议请求').fill('请求撤销被申请人作出的行政处罚决定');
    await page.getByRole('button', { name: btn('登记') }).click();
    await page.waitForURL(/\/admin-review\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('待受理审查').first().waitFor();

    // 受理（普通程序）
    await page.getByRole('button', { name: '受理（普通程序）' }).click();
    await page.locator('.ant-modal').getByRole('button', { name: btn('确定') }).click();
    await page.getByText('审理中（普通程序）').first().waitFor();

    // 作出行政复议决定：撤销
    await page.getByRole('button', { name: '作出行政复议决定' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('决定类型').click();
    await page.locator('.ant-select-item-option[title="撤销（行政复议法 第六十四条）"]').click();
    await modal.getByLabel('经审理查明的事实').fill('被申请人抽样检验程序违法。');
    await modal.getByLabel('决定理由').fill('被申请人作出的行政处罚决定主要证据不足。');
    await modal.getByRole('button', { name: btn('确定') }).click();
    // A decision cannot be undone: the page asks once more before it is issued.
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('不能撤回').waitFor();
    await confirm.getByRole('button', { name: btn('确认') }).click();
    await page.getByText('已作出行政复议决定').first().waitFor();

    // 文书：行政复议决定书 in the government's name
    await page.getByRole('tab', { name: /文书/ }).click();
    const row = page.locator('tr', { hasText: '行政复议决定书' });
    await expect.poll(() => row.textContent()).toMatch(/武政复〔\d{4}〕\d+号/);
    expect(await row.textContent()).toContain('武义县人民政府');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /下\s?载/ }).or(row.getByRole('button', { name: /下\s?载/ })).click()]);
    expect(download.suggestedFilename()).toMatch(/^武政复〔\d{4}〕\d+号 行政复议决定书\.docx$/);

    // The indicator moved: one more 审结, one more 纠错.
    const after = await correctionRate(page);
    expect(after.numerator).toBe(before.numerator + 1);
    expect(after.denominator).toBe((before.denominator ?? 0) + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
