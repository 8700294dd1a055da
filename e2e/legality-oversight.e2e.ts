import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { btn, desktopContext, launchBrowser, login, startServer, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each user in a browser context of their own (as on their own computer). */
async function signIn(username: string): Promise<Page> {
  const context = await desktopContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, server.url, username);
  return page;
}

/** Types a date into an antd DatePicker as 'YYYY-MM-DD'; Tab commits it (Enter would submit the form). */
async function pickDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  expect(await input.inputValue()).toBe(date);
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (date: string, n: number) => new Date(Date.parse(date + 'T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);
const modalOf = (page: Page) => page.locator('.ant-modal');
const confirm = (page: Page) => modalOf(page).getByRole('button', { name: btn('确定') }).click();

describe('备案审查网页流程', () => {
  it('部门报送备案 → 司法局看到逾期标记，审查不合法并出具纠错通知书 → 部门反馈已纠正 (公布后30日内报送备案：省规定)', async () => {
    const title = `关于印发武义县端到端测试管理办法${String(Date.now()).slice(-6)}的通知`;
    const published = daysBefore(chinaToday(), 60);

    // 市场监管局 报送员 files a document published 60 days ago: late.
    const filer = await signIn('scjgba');
    await filer.goto(`${server.url}/legality/filings`);
    await filer.getByRole('button', { name: '报送备案' }).click();
    const fm = modalOf(filer);
    await fm.getByLabel('文件名称').fill(title);
    await fm.getByLabel('发文字号').fill('武市监规〔2026〕99号');
    await pickDate(fm.getByLabel('公布日期'), published);
    await confirm(filer);
    await filer.waitForURL(/\/legality\/filings\/[0-9a-f-]{36}$/);
    const url = filer.url();
    await filer.getByText(/逾期报送备案：应于 \d{4}-\d{2}-\d{2} 前报送/).waitFor();
    await filer.screenshot({ path: '/tmp/legality-filing-late.png', fullPage: true });

    // The 司法局's 规范性文件管理员 finds it flagged late in the list and reviews it.
    const bureau = await signIn('qingli');
    await bureau.goto(`${server.url}/legality/filings`);
    await bureau.getByPlaceholder('文件名称、文号、报送机关').fill(title);
    await bureau.getByRole('button', { name: btn('查询') }).click();
    const row = bureau.locator('tr', { hasText: title });
    await row.getByText(/^逾期\d+日$/).waitFor();
    await row.getByRole('link', { name: title }).click();
    await bureau.waitForURL(url);
    await bureau.getByRole('button', { name: btn('审查') }).click();
    const bm = modalOf(bureau);
    await bm.getByText('不合法', { exact: true }).click();
    await confirm(bureau);
    await bm.getByText('请写明不合法或不适当的理由和依据').waitFor();
    // Corrected in the same dialog after the refusal.
    await bm.getByLabel('理由和依据（不合法、不适当的必填）').fill('第五条设定行政处罚，规范性文件不得设定行政处罚。');
    await confirm(bureau);
    await bm.waitFor({ state: 'hidden' });
    const notice = bureau.getByRole('link', { name: /武司备纠〔\d{4}〕\d+号/ });
    await notice.waitFor();
    const docx = await bureau.request.get(`${server.url}${await notice.getAttribute('href')}`);
    expect(docx.status()).toBe(200);
    await bureau.getByText('纠错中').first().waitFor();
    await bureau.screenshot({ path: '/tmp/legality-filing-correcting.png', fullPage: true });

    // The department answers: 已纠正.
    await filer.reload();
    await filer.getByRole('button', { name: '反馈纠正情况' }).click();
    await fm.getByLabel('纠正情况说明').fill('已删除第五条，修改后重新公布');
    await confirm(filer);
    await fm.waitFor({ state: 'hidden' });
    await filer.getByText('纠错办结').first().waitFor();
    await filer.getByText('已纠正').first().waitFor();
    // The filer sees only its own org's filings.
    await filer.goto(`${server.url}/legality/filings`);
    await filer.locator('tbody tr.ant-table-row').first().waitFor();
    const filers = await filer.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(new Set(filers.map((s) => s.trim()))).toEqual(new Set(['武义县市场监督管理局']));
    await filer.screenshot({ path: '/tmp/legality-filing-list.png', fullPage: true });

    await filer.context().close();
    await bureau.context().close();
    expect(errors).toEqual([]);
  });
});

describe('清理网页流程', () => {
  it('局长新建清理任务、选入文件并分配 → 审查人员登记“废止” → 清理结果列表显示该文件', async () => {
    const name = `端到端清理任务${String(Date.now()).slice(-6)}`;
    const director = await signIn('director');
    await director.goto(`${server.url}/legality/cleanup`);
    await director.getByRole('button', { name: '新建清理任务' }).click();
    const dm = modalOf(director);
    await dm.getByLabel('清理名称').fill(name);
    await confirm(director);
    await director.waitForURL(/\/legality\/cleanup\/[0-9a-f-]{36}$/);
    const url = director.url();
    await director.getByRole('button', { name: '选入文件' }).click();
    await confirm(director);
    await dm.waitFor({ state: 'hidden' });
    const results = director.locator('.ant-card', { hasText: '清理文件及结果' });
    const first = results.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    const docTitle = (await first.locator('td a').first().textContent())!.trim();
    await first.locator('input[type="checkbox"]').check();
    await director.getByRole('button', { name: '分配审查人员（1）' }).click();
    await dm.getByLabel('审查人员').click();
    await director.locator('.ant-select-item-option[title="吴晓芳（合法性审查中心）"]').click();
    await confirm(director);
    await dm.waitFor({ state: 'hidden' });
    await director.locator('tr', { hasText: docTitle }).getByText('吴晓芳').waitFor();

    const reviewer = await signIn('qingli');
    await reviewer.goto(url);
    await reviewer.getByText('分配给我的').click();
    const mine = reviewer.locator('tr', { hasText: docTitle });
    await mine.getByRole('button', { name: '登记结果' }).click();
    const rm = modalOf(reviewer);
    await rm.getByText('废止', { exact: true }).click();
    await rm.getByLabel('理由').fill('上位法已修改，文件内容与之不一致');
    await confirm(reviewer);
    await rm.waitFor({ state: 'hidden' });
    await mine.locator('.ant-tag', { hasText: '废止' }).waitFor();

    // The 清理结果 list (filtered to 废止) shows it; progress counts it.
    await director.reload();
    await director.getByLabel('清理结果筛选').click();
    await director.locator('.ant-select-item-option[title="废止"]').click();
    await director.locator('tr', { hasText: docTitle }).locator('.ant-tag', { hasText: '废止' }).waitFor();
    await director.getByText('1/1').first().waitFor();
    await director.screenshot({ path: '/tmp/legality-cleanup-results.png', fullPage: true });

    await director.context().close();
    await reviewer.context().close();
    expect(errors).toEqual([]);
  });
});

describe('重大行政决策网页', () => {
  it('公众在门户查看年度目录；登记公众参与时征求意见不足30日且未说明理由被拒绝 (重大行政决策程序暂行条例 第三条第三款、第十五条)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const pub = await context.newPage();
    pub.on('pageerror', (e) => errors.push(e.message));
    await pub.goto(`${server.url}/portal`);
    await pub.getByRole('link', { name: '重大行政决策目录' }).click();
    await pub.waitForURL(/\/portal\/major-decisions$/);
    const item = pub.getByTestId('decision-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('承办单位');
    await pub.screenshot({ path: '/tmp/legality-portal-decisions.png', fullPage: true });
    await context.close();

    const staff = await signIn('qingli');
    await staff.goto(`${server.url}/legality/major-decisions`);
    await staff.getByRole('button', { name: '列入目录' }).click();
    const sm = modalOf(staff);
    const title = `武义县端到端决策事项${String(Date.now()).slice(-6)}`;
    await sm.getByLabel('决策事项').fill(title);
    await sm.getByLabel('承办单位').fill('武义县民政局');
    await pickDate(sm.getByLabel('计划完成时间'), `${chinaToday().slice(0, 4)}-12-28`);
    await confirm(staff);
    await staff.waitForURL(/\/legality\/major-decisions\/[0-9a-f-]{36}$/);
    await staff.getByRole('button', { name: '登记公众参与' }).click();
    const end = daysBefore(chinaToday(), 2);
    const start = daysBefore(end, 20);
    const range = sm.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill(start);
    await range.nth(1).fill(end);
    await range.nth(1).press('Tab');
    await confirm(staff);
    await staff.getByText(/公开征求意见期限为20日，少于30日/).waitFor();
    // The reason, in the same dialog: the dates stay as entered.
    await sm.getByLabel('情况说明').fill('情况紧急，需在汛期前实施，已在公告中说明');
    await confirm(staff);
    await sm.waitFor({ state: 'hidden' });
    await staff.getByText(`征求意见 ${start} 至 ${end}`).waitFor();
    await staff.getByRole('button', { name: '登记专家论证' }).waitFor();
    await staff.screenshot({ path: '/tmp/legality-decision-steps.png', fullPage: true });
    await staff.context().close();
    expect(errors).toEqual([]);
  });
});
