import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, login, startServer, btn, phoneContext, desktopContext, watchErrors, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


const phone = () => phoneContext(browser);
const desktop = () => desktopContext(browser);


describe('公共服务门户（无需登录）', () => {
  it('公众在线申请行政复议，凭查询码查询进度，复议科在案件列表中看到该申请 (行政复议法 第二十条、第三十条)', async () => {
    const applicant = `公众测试${String(Date.now()).slice(-6)}`;
    let context: BrowserContext = await phone();
    let page = await context.newPage();
    const errors = watchErrors(page);

    // 登录页有入口
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '公共服务（无需登录）' }).click();
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('portal-header').getByText('武义县司法局 · 公共服务').waitFor();
    await page.getByRole('link', { name: '行政复议进度查询' }).waitFor();
    await page.screenshot({ path: '/tmp/portal-landing.png' });

    await page.getByRole('link', { name: '行政复议申请' }).click();
    await page.waitForURL(/\/portal\/admin-review\/apply$/);
    expect(await page.getByTestId('apply-deadline-hint').textContent()).toContain('行政复议法 第二十条');

    // 未填写就提交：中文提示，不发送
    await page.getByRole('button', { name: btn('提交申请') }).click();
    await page.getByText('请填写申请人姓名').waitFor();
    await page.getByText('请填写行政复议请求').waitFor();

    // 身份证号格式不对：提示在该字段
    await page.getByLabel('身份证号').fill('12345');
    await page.getByText('身份证号应为18位（最后一位可为X）').waitFor();

    await page.getByLabel('申请人姓名').fill(applicant);
    await page.getByLabel('身份证号').fill('330723199001011234');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('通讯地址').fill('浙江省金华市武义县壶山街道某路1号');
    await page.getByLabel('被申请人').fill('武义县市场监督管理局');
    await page.getByLabel('行为类别').click();
    await page.locator('.ant-select-item-option[title="行政处罚"]').click();
    await page.getByLabel('文书编号').fill('武市监罚〔2026〕88号');
    await page.getByLabel('涉及款额（元）').fill('2000');
    await page.getByLabel('行政复议请求').fill('请求撤销被申请人作出的罚款2000元的行政处罚决定');
    await page.getByLabel('事实和理由').fill('被申请人抽样检验程序不合法，认定事实不清。');
    await page.locator('input[type=file]').setInputFiles({ name: '处罚决定书.txt', mimeType: 'text/plain', buffer: Buffer.from('武市监罚〔2026〕88号 行政处罚决定书') });
    await page.getByText('处罚决定书.txt').waitFor();
    await page.getByText('本人承诺以上信息真实、准确').click();
    await expect.poll(() => page.getByText('请确认所填信息真实').count()).toBe(0);
    await page.screenshot({ path: '/tmp/portal-apply.png', fullPage: true });

    await page.getByRole('button', { name: btn('提交申请') }).click();
    const codeEl = page.getByTestId('tracking-code');
    await codeEl.waitFor({ timeout: 30_000 });
    const code = (await codeEl.textContent())?.match(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)?.[0];
    expect(code).toBeTruthy();
    await page.getByText('请妥善保存查询码').waitFor();
    await page.screenshot({ path: '/tmp/portal-result.png', fullPage: true });

    // 查询进度：只有进度，没有个人信息
    await page.getByRole('button', { name: '查询办理进度' }).click();
    await page.waitForURL(new RegExp(`/portal/admin-review/track/${code}$`));
    const result = page.getByTestId('track-result');
    await result.getByText('收到行政复议申请').waitFor();
    await result.getByText('待受理审查').first().waitFor();
    expect(await result.textContent()).not.toContain(applicant);
    await page.screenshot({ path: '/tmp/portal-track.png', fullPage: true });

    // 查询码不存在：中文提示，不跳转登录页
    await page.getByLabel('查询码').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: btn('查询') }).click();
    await page.getByTestId('track-not-found').getByText('未查到该查询码').waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal/admin-review/track/AAAA-BBBB-CCCC');
    await page.screenshot({ path: '/tmp/portal-track-not-found.png' });
    expect(errors).toEqual([]);
    await context.close();

    // 复议科在案件列表中按申请人查到该网上申请
    context = await desktop();
    page = await context.newPage();
    await login(page, server.url, 'fuyi');
    await page.getByRole('menuitem', { name: '复议案件' }).click();
    await page.getByPlaceholder('编号、申请人、被申请人').fill(applicant);
    await page.getByRole('button', { name: btn('查询') }).click();
    const row = page.locator('tr', { hasText: applicant });
    await row.waitFor();
    expect(await row.textContent()).toContain('武义县市场监督管理局');
    await context.close();
  });

  it('局长在「指标」页看到行政复议纠错率，点开查看分子分母背后的案件 (DOMAIN §9)', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, server.url, 'director');

    await page.getByRole('menuitem', { name: '指标' }).click();
    await page.waitForURL(/\/indicators$/);
    const card = page.getByTestId('indicator-adminReview.correctionRate');
    await card.waitFor();
    expect(await card.textContent()).toContain('行政复议纠错率');
    expect(await card.getByTestId('indicator-display').textContent()).toMatch(/^\d+\.\d%$/);
    await page.getByTestId('indicator-group-admin-review').getByRole('heading', { name: '行政复议' }).waitFor();
    await page.screenshot({ path: '/tmp/indicators.png', fullPage: true });

    await card.click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.getByText(/计算口径/).first().waitFor();
    const numeratorLinks = drawer.locator('a[href^="/admin-review/cases/"]');
    await numeratorLinks.first().waitFor();
    await drawer.getByRole('tab', { name: /^分母/ }).click();
    const denominatorLinks = drawer.getByRole('tabpanel', { name: /^分母/ }).locator('a[href^="/admin-review/cases/"]');
    await denominatorLinks.first().waitFor();
    await page.screenshot({ path: '/tmp/indicators-drawer.png' });

    // Each record opens its case.
    await denominatorLinks.first().click();
    await page.waitForURL(/\/admin-review\/cases\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
