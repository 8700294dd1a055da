import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { btn, desktopContext, launchBrowser, login, logout, startServer, watchErrors, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks an option of an antd Select opened from its form label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('法院委派诉前调解（特邀调解规定；人民调解法 第二十八条、第二十九条）', () => {
  it('法院委派 → 司法所调委会受理、分派、调解成功出具调解协议书 → 法院看到结果', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const stamp = String(Date.now()).slice(-6);
    const applicant = `朱原告${stamp}`;
    const courtCaseNumber = `（2026）浙0723民诉前调${stamp}号`;

    // The court's liaison refers a dispute to 王宅镇人民调解委员会.
    await login(page, server.url, 'fayuan');
    await page.goto(`${server.url}/mediation/court`);
    await page.getByRole('button', { name: /委\s?派\s?调\s?解$/ }).click();
    await page.getByLabel('诉前调解案号').fill(courtCaseNumber);
    await choose(page, '调解组织', '王宅镇人民调解委员会');
    await choose(page, '纠纷类型', '合同纠纷');
    await page.getByLabel('原告（申请人）').fill(applicant);
    await page.getByLabel('被告（对方当事人）').fill('武义宏达装饰有限公司');
    await page.getByLabel('纠纷简要情况').fill('装修工程款结算争议');
    await page.getByRole('dialog').getByRole('button', { name: btn('委派') }).click();
    await expect.poll(async () => (await page.getByTestId('referral-state').first().textContent())?.trim(), { timeout: 60_000 }).toBe('已登记（待受理）');
    await page.getByText('诉前调解期限').first().waitFor();
    await page.screenshot({ path: '/tmp/mediation-court-referred.png' });
    await page.keyboard.press('Escape');
    await logout(page);

    // The 司法所's mediation officer accepts, dispatches and records the settlement.
    await login(page, server.url, 'wangzhai');
    await page.goto(`${server.url}/mediation/cases`);
    await page.getByPlaceholder('编号、当事人、纠纷简况、诉前调解案号').fill(applicant);
    await page.getByPlaceholder('编号、当事人、纠纷简况、诉前调解案号').press('Enter');
    await page.locator('tr', { hasText: applicant }).getByRole('link').first().click();
    await page.waitForURL(/\/mediation\/cases\/[0-9a-f-]{36}$/);
    const act = async (label: string, fill?: () => Promise<void>) => {
      await page.getByRole('button', { name: btn(label) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await fill?.();
      await dialog.getByRole('button', { name: btn('提交') }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await act('受理');
    await page.getByText('调解期限（超时预警）').first().waitFor();
    await act('分派调解', async () => {
      await page.getByLabel('调解员', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    });
    await page.getByRole('button', { name: btn('调解成功') }).waitFor();
    await page.getByRole('button', { name: btn('调解成功') }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, '协议形式（人民调解法第二十八条）', '书面调解协议');
    await dialog.getByLabel('协议内容').fill('被申请人于本月底前支付装修工程款三万元，双方再无其他纠葛。');
    await dialog.getByRole('button', { name: btn('提交') }).click();
    await page.getByRole('button', { name: btn('确认') }).click();
    const doc = page.getByTestId('instrument').first();
    await doc.waitFor();
    // 人民调解法 第二十九条: the written agreement, numbered in the committee's name.
    expect(await doc.textContent()).toMatch(/人民调解协议书 （\d{4}）王宅镇调字第\d+号/);
    await page.screenshot({ path: '/tmp/mediation-settled.png', fullPage: true });
    await logout(page);

    // The court sees the result and can download the 调解协议书.
    await login(page, server.url, 'fayuan');
    await page.goto(`${server.url}/mediation/court`);
    await page.getByText(courtCaseNumber, { exact: true }).first().click();
    await expect.poll(async () => (await page.getByTestId('referral-outcome').first().textContent())?.trim(), { timeout: 60_000 }).toBe('调解成功');
    const link = page.getByRole('link', { name: /人民调解协议书/ });
    const res = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    await page.screenshot({ path: '/tmp/mediation-court-result.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('网上申请人民调解（无需登录）', () => {
  it('群众在门户提交调解申请，凭查询码查询进度，页面不显示个人信息 (人民调解法 第十七条：当事人可以申请调解)', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: /网上申请人民调解/ }).first().click();
    await page.waitForURL(/\/portal\/mediation\/apply$/);
    await choose(page, '纠纷发生地（乡镇、街道）', '王宅');
    await choose(page, '纠纷类型', '邻里纠纷');
    await page.getByLabel('您的姓名').fill('俞美玲');
    await page.getByLabel('手机号码').fill('13700001234');
    await page.getByLabel('对方当事人').fill('邻居王某');
    await page.getByLabel('纠纷简要情况和您的请求').fill('邻居在公共通道堆放杂物，多次沟通无果，请求调解。');
    await page.getByRole('button', { name: btn('提交申请') }).click();
    const code = (await page.getByTestId('tracking-code').first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.locator('body').textContent()).toContain('王宅镇人民调解委员会');
    await page.getByPlaceholder('请输入查询码').fill(code);
    await page.getByPlaceholder('请输入查询码').press('Enter');
    await page.getByText('已登记（待受理）').waitFor();
    const tracked = await page.locator('.ant-descriptions').last().textContent();
    expect(tracked).not.toContain('13700001234');
    await page.screenshot({ path: '/tmp/mediation-portal.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
