import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { btn, desktopContext, launchBrowser, login, phoneContext, startServer, watchErrors, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('法律援助：网上申请 → 审查给予 → 指派 → 申请人凭查询码查看', () => {
  it('公众手机申请，法律援助中心7日内决定给予、3日内指派律师，申请人看到承办律师 (法律援助法 第四十三条)', async () => {
    const name = `端到端申请人${String(Date.now()).slice(-5)}`;

    // ── the public, on a phone ──
    const phone = await phoneContext(browser);
    const p = await phone.newPage();
    const pErrors = watchErrors(p);
    await p.goto(`${server.url}/portal`);
    await p.getByText('申请法律援助', { exact: true }).click();
    await p.waitForURL(/\/portal\/legal-aid\/apply$/);
    await p.getByLabel('姓名', { exact: true }).fill(name);
    await p.getByLabel('身份证号').fill('330723198507151236');
    await p.getByLabel('联系电话').fill('13955556666');
    await p.getByLabel('案情及申请事项').fill('某建筑公司拖欠本人工资2.6万元，请求法律援助代理劳动仲裁');
    await p.getByLabel('家庭人口（人）').fill('3');
    await p.getByLabel('家庭月收入合计（元）').fill('4200');
    await p.getByText('本人承诺如实说明经济困难状况').click();
    await p.getByRole('button', { name: btn('提交申请') }).click();
    const codeEl = p.getByTestId('tracking-code');
    await codeEl.waitFor();
    const code = (await codeEl.textContent())!.replace(/[^A-Z0-9-]/g, '');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await p.screenshot({ path: '/tmp/legal-aid-portal-submitted.png' });
    await p.getByRole('button', { name: '查询办理进度' }).click();
    expect((await p.getByTestId('track-state').textContent())?.trim()).toBe('待审查');

    // ── the 法律援助中心 ──
    const desk = await desktopContext(browser);
    const d = await desk.newPage();
    const dErrors = watchErrors(d);
    await login(d, server.url, 'fayuanzx');
    await d.goto(`${server.url}/legal-aid/cases`);
    await d.getByPlaceholder('案件编号或受援人').fill(name);
    await d.getByRole('button', { name: btn('查询') }).click();
    const row = d.locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('网上申请');
    await row.getByRole('link').click();
    await d.waitForURL(/\/legal-aid\/cases\/[0-9a-f-]{36}$/);
    // The 7-day 审查 deadline with its article.
    await d.getByTestId('deadline').filter({ hasText: '法律援助法 第四十三条' }).first().waitFor();
    await d.getByText('符合').first().waitFor();
    await d.screenshot({ path: '/tmp/legal-aid-case-received.png', fullPage: true });

    await d.getByRole('button', { name: '决定给予法律援助' }).click();
    await d.locator('.ant-modal').getByRole('button', { name: btn('确定') }).click();
    await d.getByTestId('case-state').filter({ hasText: '已决定给予，待指派' }).waitFor();
    await d.getByText('给予法律援助决定书').waitFor();

    await d.getByRole('button', { name: '指派法律援助人员' }).click();
    const modal = d.locator('.ant-modal');
    await modal.getByLabel('承办律师 / 基层法律服务工作者').click();
    await modal.getByLabel('承办律师 / 基层法律服务工作者').fill('李明');
    await d.locator('.ant-select-item-option[title="李明（浙江武阳律师事务所，专职律师）"]').click();
    await modal.getByRole('button', { name: btn('确定') }).click();
    await d.getByTestId('case-state').filter({ hasText: '已指派，办理中' }).waitFor();
    await d.getByText('法律援助指派函').waitFor();
    expect(await d.getByText('浙江武阳律师事务所').first().textContent()).toContain('李明');
    await d.screenshot({ path: '/tmp/legal-aid-case-assigned.png', fullPage: true });

    // ── the applicant looks again ──
    await p.goto(`${server.url}/portal/legal-aid/track/${code}`);
    await expect.poll(async () => (await p.getByTestId('track-state').textContent())?.trim()).toBe('已指派，办理中');
    expect(await p.getByTestId('track-assignee').textContent()).toContain('李明（浙江武阳律师事务所）');
    await p.getByText('已指派法律援助人员').waitFor();
    await p.screenshot({ path: '/tmp/legal-aid-portal-assigned.png', fullPage: true });

    // ── the assigned lawyer sees it among their cases ──
    const lw = await desktopContext(browser);
    const l = await lw.newPage();
    await login(l, server.url, 'lvshi');
    await l.goto(`${server.url}/legal-aid/cases`);
    await l.locator('tr', { hasText: name }).waitFor();

    expect(pErrors).toEqual([]);
    expect(dErrors).toEqual([]);
    await Promise.all([phone.close(), desk.close(), lw.close()]);
  });

  it('服务网络一图可见：地图画出中心、工作站和15分钟服务圈', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await login(page, server.url, 'gongfu');
    await page.goto(`${server.url}/legal-aid/network`);
    await page.getByTestId('network-map').locator('canvas').first().waitFor();
    await page.getByText('公共法律服务工作站').first().waitFor();
    await page.screenshot({ path: '/tmp/legal-aid-network-map.png', fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('公证、12348咨询、律师名册、异议审查页面：列表有数据和合计、页面无报错', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await login(page, server.url, 'gongfu');
    for (const [path, title, total] of [
      ['/legal-aid/notary', '公证事项', /共 \d{3,} 件/],
      ['/legal-aid/consultations', '法律咨询（12348）', /共 \d{3,} 件/],
      ['/legal-aid/lawyers', '律师事务所与律师', /共 \d{2,} 人/],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText(total).waitFor();
    }
    await page.goto(`${server.url}/legal-aid/objections`);
    await page.locator('tr', { hasText: '本人患病失业' }).first().waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
