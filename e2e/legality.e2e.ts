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
    // Accepted today: under 5 working days, the reason must be recorded (国办发〔2018〕115号).
    await modal.getByText('审查不足5个工作日，请写明提前出具意见的理由').waitFor();
    await modal.getByLabel('提前出具意见的理由').fill('急需：镇党委会议明日研究');
    await modal.getByRole('button', { name: btn('确定') }).click();
    await page.getByText('已出具审查意见').first().waitFor();
    expect(await page.getByTestId('review-opinion').textContent()).toContain('急需：镇党委会议明日研究');
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

  it('局长起草登记 → 征求意见 → 合法性审核 → 集体审议 → 公布（文件码）→ 修改（公开页显示历史版本）→ 备案 → 清理废止，公开查询显示“已废止” (DOMAIN.md §3；法规规章备案审查条例 第四条)', async () => {
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

    // 修改: the amended text becomes 第2版; the public page lists 第1版 under 历史版本.
    await page.getByRole('button', { name: btn('修改') }).click();
    await modal.getByLabel('修改决定的发文字号').fill('武政办发〔2026〕100号');
    await modal.getByLabel('修改后的全文').fill('第一条 为加强管理，制定本办法。\n第二条 本办法自修改之日起施行。');
    await ok();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('第2版').first().waitFor();
    const pub = await context.newPage();
    await pub.goto(`${server.url}/portal/documents/${code}`);
    await pub.getByText('历史版本').waitFor();
    await pub.getByText(/第1版 武政办发〔2026〕99号/).waitFor();
    expect(await pub.getByText('第二条 本办法自修改之日起施行。').count()).toBeGreaterThan(0);
    await pub.screenshot({ path: '/tmp/legality-portal-amended.png', fullPage: true });
    await pub.close();

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

  it('县级流程：教育局送审 → 审查中心受理、征求法律顾问意见、逐条出具意见 → 教育局看到意见 (DOMAIN.md §3；国办发〔2018〕115号)', async () => {
    const dept = await desktop();
    const page = await dept.newPage();
    const errors = watchErrors(page);
    const title = `校舍维修工程施工合同${String(Date.now()).slice(-6)}`;
    const modal = page.locator('.ant-modal');
    const ok = () => modal.getByRole('button', { name: btn('确定') }).click();

    await login(page, server.url, 'jiaoyu');
    await page.goto(`${server.url}/legality/reviews`);
    await page.getByRole('button', { name: '送审登记' }).click();
    await page.getByText('县级流程：送审至合法性审查中心').waitFor();
    expect(await page.getByLabel('承办机构').count()).toBe(0);
    await page.getByLabel('审查对象').click();
    await page.locator('.ant-select-item-option[title="行政合同/协议"]').click();
    await page.getByLabel('送审事项名称').fill(title);
    await page.getByRole('button', { name: btn('送审') }).click();
    await page.waitForURL(/\/legality\/reviews\/[0-9a-f-]{36}$/);
    const url = page.url();
    await page.getByText('待审查中心受理').first().waitFor();
    expect(await page.getByRole('button', { name: '材料齐全，受理审查' }).count()).toBe(0);

    const center = await desktop();
    const cp = await center.newPage();
    const cErrors = watchErrors(cp);
    const cm = cp.locator('.ant-modal');
    const cok = () => cm.getByRole('button', { name: btn('确定') }).click();
    await login(cp, server.url, 'hefaxing');
    await cp.goto(url);
    await cp.getByRole('button', { name: '材料齐全，受理审查' }).click();
    await cok();
    await cp.getByText('审查中').first().waitFor();
    await cp.getByRole('button', { name: '征求法律顾问/公职律师意见' }).click();
    await cm.getByLabel('法律顾问/公职律师', { exact: true }).fill('浙江丽武律师事务所 俞建国律师');
    await cm.getByLabel('咨询的问题').fill('违约金比例是否过高？');
    await cm.getByLabel('专家意见').fill('建议违约金降至合同价款10%以内。');
    await cok();
    await cp.getByTestId('review-consultations').getByText('违约金比例是否过高？').waitFor();

    await cp.getByRole('button', { name: '出具审查意见' }).click();
    await cm.getByLabel('审查意见', { exact: true }).click();
    await cp.locator('.ant-select-item-option[title="修改后合法"]').click();
    await cm.getByRole('button', { name: '添加一条意见' }).click();
    await cm.getByLabel('第1条意见的条款').fill('第八条');
    await cm.getByLabel('第1条意见', { exact: true }).fill('违约金降至合同价款10%以内');
    await cm.getByLabel('第1条理由').fill('《中华人民共和国民法典》第五百八十五条');
    await cm.getByLabel('提前出具意见的理由').fill('急需：项目下周开工');
    await cok();
    await cp.getByTestId('review-clauses').getByText('第八条').waitFor();
    await cp.screenshot({ path: '/tmp/legality-county-review.png', fullPage: true });

    await page.reload();
    await page.getByTestId('review-opinion').getByText('修改后合法').waitFor();
    await page.getByTestId('review-clauses').getByText('《中华人民共和国民法典》第五百八十五条').waitFor();
    await page.getByRole('button', { name: '反馈采纳情况' }).waitFor();
    await page.goto(`${server.url}/legality/reviews`);
    await page.getByRole('row', { name: new RegExp(title) }).waitFor();
    // The department's list holds only its own submissions.
    const rows = await page.locator('.ant-table-row').allTextContents();
    expect(rows.every((r) => r.includes('武义县教育局'))).toBe(true);

    expect(errors).toEqual([]);
    expect(cErrors).toEqual([]);
    await dept.close();
    await center.close();
  });

  it('会议纪要批量登记：有误的行标出问题且一行不存，改正后一次保存', async () => {
    const context = await desktop();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const stamp = String(Date.now()).slice(-6);
    await login(page, server.url, 'hefaxing');
    await page.goto(`${server.url}/legality/reviews`);
    await page.getByRole('button', { name: '会议纪要批量登记' }).click();
    await page.waitForURL(/\/legality\/reviews\/batch$/);
    await page.getByLabel('第1行名称').fill(`县政府常务会议纪要（第${stamp}-1期）`);
    await page.getByLabel('第1行送审单位').fill('武义县人民政府办公室');
    await page.getByLabel('第2行名称').fill(`县政府常务会议纪要（第${stamp}-2期）`);
    await page.getByLabel('第2行送审单位').fill('武义县人民政府办公室');
    await page.getByLabel('第2行审查意见').click();
    await page.locator('.ant-select-item-option[title="不合法"]').click();
    await page.getByRole('button', { name: /保存全部/ }).click();
    await page.getByTestId('row-error').getByText('修改后合法或不合法的意见须写明理由').waitFor();
    await page.screenshot({ path: '/tmp/legality-batch-errors.png', fullPage: true });
    await page.getByLabel('第2行理由').fill('纪要第二项减免税费缺少法律依据');
    await page.getByRole('button', { name: /保存全部/ }).click();
    await page.getByText('已登记 2 件审查记录').waitFor();

    await page.goto(`${server.url}/legality/reviews`);
    await page.getByLabel('关键词').fill(stamp);
    await page.getByRole('button', { name: btn('查询') }).click();
    await page.getByRole('row', { name: new RegExp(`第${stamp}-2期`) }).getByText('不合法').waitFor();
    const href = await page.getByRole('link', { name: /导出Excel/ }).getAttribute('href');
    expect(href).toContain('/api/ledger/export/legality-reviews');
    expect(href).toContain(`q=${stamp}`);
    const xlsx = await page.request.get(`${server.url}${href}`);
    expect(xlsx.status()).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  });
});
