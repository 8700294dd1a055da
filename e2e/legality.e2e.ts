import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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


describe('规范性文件公开查询（无需登录）', () => {
  it('公众搜索“行政处罚”，打开结果看到效力状态；扫码打开已废止文件看到“已废止” (规范性文件有效期、清理：省规定)', async () => {
    const context = await phone();
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: '规范性文件查询' }).click();
    await page.waitForURL(/\/portal\/documents$/);
    await page.getByLabel('查询关键词').fill('行政处罚');
    await page.getByRole('button', { name: btn('查询') }).click();
    await page.waitForURL(/\/portal\/documents\?q=/);
    const first = page.getByTestId('doc-result').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('行政处罚');
    expect(['现行有效', '已失效', '已废止', '已修改']).toContain((await first.getByTestId('doc-status').textContent())?.trim());
    await page.screenshot({ path: '/tmp/legality-portal-search.png' });

    const title = (await first.getByRole('link').textContent())!.trim();
    await first.getByRole('link').click();
    await page.waitForURL(/\/portal\/documents\/[A-Z0-9-]+$/);
    expect((await page.getByTestId('doc-title').textContent())?.trim()).toBe(title);
    expect(['现行有效', '已失效', '已废止', '已修改']).toContain((await page.getByTestId('doc-status').textContent())?.trim());
    await page.getByText('统一登记号').waitFor();
    const qr = await page.request.get(`${server.url}${await page.locator('img[alt*="二维码"]').getAttribute('src')}`);
    expect(qr.headers()['content-type']).toBe('image/png');
    await page.screenshot({ path: '/tmp/legality-portal-doc.png', fullPage: true });

    // A 废止 document (the demo county's 2024 清理 repealed some): its QR page says 已废止.
    let repealed: string | undefined;
    for (let p = 1; p <= 10 && !repealed; p++) {
      const res = await page.request.get(`${server.url}/api/public/documents?page=${p}&pageSize=50`);
      const body = (await res.json()) as { items: { code: string; status: string }[] };
      repealed = body.items.find((d) => d.status === 'repealed')?.code;
      if (!body.items.length) break;
    }
    expect(repealed).toBeTruthy();
    await page.goto(`${server.url}/portal/documents/${repealed}`);
    expect((await page.getByTestId('doc-status').textContent())?.trim()).toBe('已废止');
    await page.getByText('该文件已被废止，不再作为行政管理的依据。').waitFor();
    await page.screenshot({ path: '/tmp/legality-portal-repealed.png' });

    // An unknown 文件码: a Chinese not-found state, not an error page.
    await page.goto(`${server.url}/portal/documents/XX-1999-9999`);
    await page.getByTestId('doc-not-found').getByText('未查到该规范性文件').waitFor();
    await page.screenshot({ path: '/tmp/legality-portal-notfound.png' });

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('合法性审查网页流程（司法所）', () => {
  it('壶山司法所登记送审 → 受理 → 出具审查意见（修改后合法须写理由），期限亮灯并注明依据 (国办发〔2018〕115号)', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const title = `端到端送审事项${String(Date.now()).slice(-6)}`;

    await login(page, server.url, 'hushan');
    await page.getByRole('menuitem', { name: '合法性审查' }).last().click();
    await page.waitForURL(/\/legality\/reviews$/);
    await page.getByRole('button', { name: '送审登记' }).click();
    await page.waitForURL(/\/legality\/reviews\/new$/);
    await page.getByLabel('审查对象').click();
    await page.locator('.ant-select-item-option[title="行政合同/协议"]').click();
    await page.getByLabel('送审事项名称').fill(title);
    await page.getByLabel('承办机构').fill('壶山街道经济发展办');
    await page.getByRole('button', { name: btn('送审') }).click();
    await page.waitForURL(/\/legality\/reviews\/[0-9a-f-]{36}$/);
    await page.getByText('待综合办审核').first().waitFor();

    await page.getByRole('button', { name: '材料齐全，转司法所审查' }).click();
    await page.locator('.ant-modal').getByRole('button', { name: btn('确定') }).click();
    await page.getByText('审查中').first().waitFor();
    const deadline = page.getByTestId('review-deadlines');
    await deadline.waitFor();
    expect(await deadline.textContent()).toContain('国办发〔2018〕115号');
    expect(['green', 'yellow', 'red']).toContain(await deadline.locator('[data-light]').first().getAttribute('data-light'));

    await page.getByRole('button', { name: '出具审查意见' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('审查意见').click();
    await page.locator('.ant-select-item-option[title="修改后合法"]').click();
    await modal.getByRole('button', { name: btn('确定') }).click();
    await modal.getByText('修改后合法或不合法的意见须逐条写明理由').waitFor();
    await modal.getByLabel('意见和理由').fill('一、第三条违约金条款超出法定标准，应予修改。');
    await modal.getByRole('button', { name: btn('确定') }).click();
    await page.getByText('已出具审查意见').first().waitFor();
    expect(await page.getByTestId('review-opinion').textContent()).toContain('修改后合法');
    await page.screenshot({ path: '/tmp/legality-review-detail.png', fullPage: true });

    // The matter is in the list with its opinion.
    await page.goto(`${server.url}/legality/reviews`);
    await page.getByRole('row', { name: new RegExp(title) }).getByText('修改后合法').waitFor();
    await page.screenshot({ path: '/tmp/legality-review-list.png' });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('局长打开规范性文件登记簿，看到即将到期和逾期未备案', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, server.url, 'director');
    await page.goto(`${server.url}/legality/documents`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: '/tmp/legality-doc-list.png' });
    await page.locator('.ant-table-row').first().getByRole('link').click();
    await page.waitForURL(/\/legality\/documents\/[0-9a-f-]{36}$/);
    await page.getByText('文件沿革').waitFor();
    await page.screenshot({ path: '/tmp/legality-doc-detail.png', fullPage: true });
    await page.goto(`${server.url}/legality/documents`);
    await page.getByRole('tab', { name: '逾期未备案' }).click();
    await page.getByText('法规规章备案审查条例 第四条').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('局长起草登记 → 征求意见 → 合法性审核 → 集体审议 → 公布（文件码）→ 备案 → 清理废止，公开查询显示“已废止” (DOMAIN.md §3；法规规章备案审查条例 第四条)', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const title = `武义县端到端测试管理办法${String(Date.now()).slice(-6)}`;
    const modal = page.locator('.ant-modal');
    const ok = () => modal.getByRole('button', { name: btn('确定') }).click();

    await login(page, server.url, 'director');
    await page.goto(`${server.url}/legality/documents`);
    await page.getByRole('button', { name: '起草登记' }).click();
    await modal.getByLabel('文件标题').fill(title);
    await modal.getByRole('button', { name: btn('登记') }).click();
    await page.waitForURL(/\/legality\/documents\/[0-9a-f-]{36}$/);

    for (const next of ['征求意见', '合法性审核', '集体审议']) {
      await page.getByRole('button', { name: `推进至「${next}」` }).click();
      await ok();
      await modal.waitFor({ state: 'hidden' });
    }
    await page.getByRole('button', { name: btn('公布') }).click();
    await modal.getByLabel('发文字号').fill('武政办发〔2026〕99号');
    await ok();
    await page.getByText('现行版本').waitFor();
    await page.locator('a', { hasText: /^WY-\d{4}-\d{4}$/ }).waitFor();
    const code = (await page.locator('a', { hasText: /^WY-\d{4}-\d{4}$/ }).textContent())!.trim();

    await page.getByRole('button', { name: '报送备案' }).click();
    await modal.getByLabel('备案机关').fill('武义县人民政府');
    await ok();
    await page.getByText('报武义县人民政府').first().waitFor();

    await page.getByRole('button', { name: btn('清理') }).click();
    await modal.getByLabel('清理结果').click();
    await page.locator('.ant-select-item-option[title="废止"]').click();
    await ok();
    await modal.getByText('请写明理由').waitFor();
    await modal.getByLabel('理由').fill('上位法已修改');
    await ok();
    await modal.waitFor({ state: 'hidden' });
    await page.screenshot({ path: '/tmp/legality-doc-lifecycle.png', fullPage: true });

    await page.goto(`${server.url}/portal/documents/${code}`);
    expect((await page.getByTestId('doc-status').textContent())?.trim()).toBe('已废止');
    expect(errors).toEqual([]);
    await context.close();
  });
});
