import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
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

/** The same request the dashboards make; the period is fixed so the test does not depend on today's year. */
async function headAppearanceRate(page: Page): Promise<Indicator> {
  const res = await page.request.get(`${server.url}/api/indicators?org=330723&from=2026-01-01&to=2026-12-31&keys=litigation.headAppearanceRate`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { indicators: Indicator[] }).indicators[0];
}


/** Types a date into an antd DatePicker as 'YYYY-MM-DD'; Tab commits it (Enter would submit the form). */
async function pickDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  expect(await input.inputValue()).toBe(date);
}

describe('行政应诉网页流程（真实服务器 + Chromium）', () => {
  it('应诉登记 → 答辩期限顺延至节后 (行政诉讼法 第六十七条、第一百零一条) → 负责人出庭 (第三条第三款) → 一审判决驳回 → 被告机关可见 → 出庭率分子增加', async () => {
    const errors: string[] = [];
    /** Each user in a browser context of their own (as on their own computer). */
    const signIn = async (username: string) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, server.url, username);
      return page;
    };
    const caseNumber = `（2026）浙0723行初${9000 + (Date.now() % 1000)}号`;

    let page = await signIn('director');
    const before = await headAppearanceRate(page);
    await page.context().close();

    // 登记: 起诉状副本 received 2026-09-16; the 15th day is 2026-10-01 (国庆), so the period ends on the
    // first working day after the holiday, 2026-10-08 (民事诉讼法 第八十五条 via 行政诉讼法 第一百零一条).
    page = await signIn('yingsu');
    await page.getByRole('menuitem', { name: '登记应诉案件' }).click();
    await page.getByRole('heading', { name: '登记应诉案件' }).waitFor();
    await page.getByLabel('案号').fill(caseNumber);
    await page.getByLabel('受理法院').fill('武义县人民法院');
    await page.getByLabel('被告行政机关').fill('武义县自然资源和规划局');
    await page.getByLabel('原告', { exact: true }).fill('端到端测试原告');
    await page.getByLabel('案由').fill('土地行政处罚');
    await pickDate(page.getByLabel('收到起诉状副本日期'), '2026-09-16');
    await page.getByLabel('诉讼请求').fill('请求撤销被告作出的土地行政处罚决定');
    await page.getByRole('button', { name: btn('登记') }).click();
    await page.waitForURL(/\/litigation\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('一审审理中').first().waitFor();

    const deadlines = page.locator('.ant-card', { has: page.getByText('期限', { exact: true }) });
    const defence = deadlines.locator('.ant-space', { hasText: '提交答辩状及证据' }).first();
    await expect.poll(() => defence.textContent()).toContain('截止 2026-10-08');
    expect(await defence.textContent()).toContain('行政诉讼法 第六十七条');
    expect(await defence.textContent()).toContain('2026-09-16 起 15日');

    // 开庭 with the 负责人 appearing (行政诉讼法 第三条第三款).
    await page.getByRole('button', { name: '登记开庭' }).click();
    const hearing = page.locator('.ant-modal', { hasText: '登记开庭' });
    await pickDate(hearing.getByLabel('开庭日期'), '2026-10-20');
    await hearing.getByLabel('出庭负责人姓名').fill('端木局');
    await hearing.getByLabel('出庭负责人职务').fill('副局长');
    await hearing.getByLabel('出庭工作人员').fill('潘建军（法制员）');
    await hearing.getByRole('button', { name: btn('确定') }).click();
    await hearing.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '端木局（副局长）' }).waitFor();

    // 一审判决驳回诉讼请求 (第六十九条): the appeal period (15 days from service, 第八十五条) starts.
    await page.getByRole('button', { name: '一审裁判送达' }).click();
    const judgment = page.locator('.ant-modal', { hasText: '一审裁判送达' });
    await pickDate(judgment.getByLabel('裁判日期'), '2026-11-10');
    await pickDate(judgment.getByLabel('送达日期（上诉期自送达之日起算）'), '2026-11-12');
    await judgment.getByLabel('裁判结果').click();
    await page.locator('.ant-select-item-option[title="判决驳回诉讼请求"]').click();
    await judgment.getByRole('button', { name: btn('确定') }).click();
    await judgment.waitFor({ state: 'hidden' });
    await page.getByText('一审已裁判（上诉期内）').first().waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('判决驳回诉讼请求（2026-11-10）');
    const appeal = deadlines.locator('.ant-space', { hasText: '上诉期（判决，15日）' }).first();
    expect(await appeal.textContent()).toContain('截止 2026-11-27');
    await page.context().close();

    // The 被告 organ's 法制员 sees the suit against their own organ.
    page = await signIn('zrzy');
    await page.getByRole('menuitem', { name: '应诉案件', exact: true }).click();
    await page.getByPlaceholder('案号、原告、被告、案由').fill(caseNumber);
    await page.getByPlaceholder('案号、原告、被告、案由').press('Enter');
    await page.getByRole('link', { name: caseNumber }).click();
    await page.getByText('端到端测试原告').first().waitFor();
    expect(await page.locator('.ant-descriptions').textContent()).toContain('武义县自然资源和规划局');
    await page.context().close();

    // 负责人出庭应诉率: one more case heard with the 负责人 in court.
    page = await signIn('director');
    const after = await headAppearanceRate(page);
    expect(after.numerator).toBe(before.numerator + 1);
    expect(after.denominator).toBe((before.denominator ?? 0) + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
