import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { btn, launchBrowser, login, startServer, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const chinaDay = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

/** The 行政检查记录 template downloaded through the user's session, its example row replaced by `rows`. */
async function filledTemplate(page: Page, rows: (string | null)[][]) {
  const res = await page.request.get(`${server.url}/api/ledger/templates/enforcement-inspections`);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.spliceRows(2, 1);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('行政执法监督网页流程（真实服务器 + Chromium）', () => {
  it('导入检查记录 → 筛查出多头检查线索 → 确认 → 出具监督通知书 → 综合执法局上传佐证完成整改 (DOMAIN.md §4；行政执法监督条例)', async () => {
    const errors: string[] = [];
    const signIn = async (username: string) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, server.url, username);
      return page;
    };
    const n = String(Date.now() % 1_000_000).padStart(6, '0');
    const enterprise = `端到端测试${n}五金有限公司`;
    const credit = `91330723MA2F${n}`;
    const item = `合并对${enterprise}的检查事项，实行综合查一次`;

    // 执法监督科 imports the inspection records two agencies sent: 市场监管局 yesterday, 综合执法局 today.
    let page = await signIn('zfjd');
    await page.getByRole('menuitem', { name: '行政检查监督' }).click();
    await page.getByRole('heading', { name: '行政检查监督' }).waitFor();
    const file = await filledTemplate(page, [
      ['武义县市场监督管理局', credit, enterprise, chinaDay(-1), '特种设备', '是', '未发现问题'],
      ['武义县综合行政执法局', credit, enterprise, chinaDay(0), '市容环境', '是', '未发现问题'],
    ]);
    await page.getByRole('button', { name: /导入检查记录/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '检查记录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByText('导入成功').waitFor({ timeout: 60_000 });
    await page.locator('.ant-modal-footer').getByRole('button', { name: btn('关闭') }).click();

    await page.getByRole('button', { name: /筛查线索/ }).click();
    await page.getByText(/筛查完成/).waitFor({ timeout: 60_000 });
    const row = page.getByTestId('clue-row').filter({ hasText: enterprise });
    await row.waitFor();
    expect(await row.textContent()).toContain('多头检查');
    expect(await row.textContent()).toContain('待核实');
    await page.screenshot({ path: '/tmp/enforcement-clues.png' });

    await row.getByRole('button', { name: btn('确认') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: btn('确认') }).click();
    await row.getByText('已确认').waitFor();

    await row.getByRole('button', { name: '出具监督通知书' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '出具监督文书' });
    await modal.waitFor();
    expect(await modal.getByLabel('监督事项').inputValue()).toBe('涉企多头检查');
    await modal.getByLabel('整改要求').fill(item);
    await page.screenshot({ path: '/tmp/enforcement-notice.png' });
    await modal.getByRole('button', { name: btn('出具') }).click();
    await page.getByText(/已出具，文号 .+〔\d{4}〕\d+号/).waitFor();

    await page.getByRole('menuitem', { name: '监督与整改' }).click();
    const docRow = page.getByTestId('doc-row').filter({ hasText: '涉企多头检查' }).first();
    await docRow.waitFor();
    expect(await docRow.textContent()).toContain('0/1');
    const docx = await page.request.get(`${server.url}${await docRow.getByRole('link', { name: '下载' }).getAttribute('href')}`);
    expect(docx.status()).toBe(200);
    await page.context().close();

    // 综合行政执法局's 法制员 sees the item, uploads evidence and closes it.
    page = await signIn('zhzfj');
    await page.getByRole('menuitem', { name: '监督与整改' }).click();
    const rect = page.getByTestId('rect-row').filter({ hasText: item });
    await rect.waitFor();
    await rect.getByRole('button', { name: btn('完成整改') }).click();
    const close = page.locator('.ant-modal').filter({ hasText: '完成整改' });
    await close.getByLabel('整改情况').fill('已制定年度检查计划，相关检查纳入综合查一次');
    await close.locator('input[type=file]').setInputFiles({ name: '整改报告.txt', mimeType: 'text/plain', buffer: Buffer.from('整改报告：已完成') });
    await close.getByTestId('evidence-name').getByText('整改报告.txt').waitFor();
    await close.getByRole('button', { name: btn('提交') }).click();
    await page.getByText('已提交整改完成情况').waitFor();
    await page.getByText('已整改', { exact: true }).first().click();
    const done = page.getByTestId('rect-row').filter({ hasText: item });
    await done.getByText('已整改').waitFor();
    await done.getByRole('link', { name: '整改报告.txt' }).waitFor();
    await page.screenshot({ path: '/tmp/enforcement-closed.png' });

    // The agency sees only its own clues.
    const clues = await page.request.get(`${server.url}/api/enforcement/clues?pageSize=200`);
    const zhzfId = ((await clues.json()) as { items: { orgId: string }[] }).items.map((c) => c.orgId);
    expect(new Set(zhzfId).size).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('执法监督科查看执法案件预警、案卷评查结果、执法主体持证率（演示数据）(行政处罚法 第六十条；DOMAIN.md §4)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, server.url, 'zfjd');
    await page.getByRole('menuitem', { name: '执法案件' }).click();
    await page.getByText(/共 \d+ 件/).waitFor();
    await page.getByRole('combobox').nth(1).click();
    await page.getByTitle('超期作出处罚决定').click();
    await page.getByRole('button', { name: btn('查询') }).click();
    await page.locator('.ant-table-row').first().getByText('超期作出处罚决定').waitFor();
    await page.screenshot({ path: '/tmp/enforcement-cases.png' });
    await page.getByRole('menuitem', { name: '案卷评查' }).click();
    await page.getByText('按机关汇总').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: '/tmp/enforcement-reviews.png' });
    await page.getByRole('menuitem', { name: '执法主体与人员' }).click();
    await page.getByText('武义县市场监督管理局').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(20);
    await page.screenshot({ path: '/tmp/enforcement-registry.png' });

    // 执法主体 maintained in the browser: one more 职权事项 and the 资格清理 result.
    const row = page.locator('.ant-table-row', { hasText: '武义县市场监督管理局' }).first();
    const powers = Number(await row.locator('td').nth(2).textContent());
    await row.getByRole('button', { name: btn('维护') }).click();
    const modal = page.locator('.ant-modal', { hasText: '维护执法主体' });
    const text = modal.getByLabel('职权清单');
    await text.fill(`${await text.inputValue()}\n对未按规定公示食品经营许可信息的行政处罚`.trim());
    await modal.getByLabel('资格清理结果').click();
    await page.locator('.ant-select-item-option[title="合格"]').click();
    // The dialog starts from what is stored, 清理日期 included (the demo agencies were cleared this year).
    const clearedOn = await modal.getByLabel('清理日期').inputValue();
    expect(clearedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await modal.getByRole('button', { name: btn('确定') }).click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(async () => Number(await row.locator('td').nth(2).textContent())).toBe(powers + 1);
    expect(await row.locator('td').nth(1).textContent()).toContain('合格');
    // Saving without touching the date kept it.
    await row.getByRole('button', { name: btn('维护') }).click();
    expect(await modal.getByLabel('清理日期').inputValue()).toBe(clearedOn);
    await modal.getByRole('button', { name: btn('取消') }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
