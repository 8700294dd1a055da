/**
 * 法治政府建设年度报告 in the browser: the 科室 generates a draft, edits it (figures stay live, with their
 * definition on hover), saves a version, routes it 分管领导 → 主要负责人, publishes it and downloads the 公文 .docx;
 * the public then reads it on the portal.
 */
import fs from 'node:fs';
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

/** Confirms the Popconfirm opened by the last click. */
const confirm = async (page: Page, ok = '确定') => {
  const pop = page.locator('.ant-popover:visible, .ant-popconfirm:visible').last();
  await pop.getByRole('button', { name: btn(ok) }).click();
};

/** Replaces the text of every 〔待补充〕 paragraph through the block editor. */
async function fillPlaceholders(page: Page) {
  for (let i = 0; i < 5; i++) {
    const block = page.locator('.fz-block', { hasText: '〔待补充〕' }).first();
    if (!(await block.count())) return;
    await block.getByRole('button', { name: '编辑段落' }).click();
    await page.getByLabel('段落内容').fill(`经专题研究，第${i + 1}项内容已补写完毕，相关工作按计划推进。`);
    await page.getByRole('button', { name: btn('确定') }).click();
  }
}

async function openReport(page: Page, title: string) {
  await page.goto(`${server.url}/annual-report/reports`);
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/annual-report\/reports\/[0-9a-f-]{36}$/);
}

describe('年度报告：生成、编辑、审批、下载', () => {
  it('科室生成草稿并编辑保存，分管领导、主要负责人审批后公开，下载公文版，公众可查阅 (督察工作规定 第二十四条、第二十五条)', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const year = new Date().getFullYear() - 2;
    const title = `武义县司法局${year}年法治政府建设年度报告`;

    // ── 科室: generate ──
    await login(page, server.url, 'baogao');
    await page.goto(`${server.url}/annual-report/reports`);
    await page.getByRole('button', { name: /生成年度报告/ }).click();
    const dialog = page.getByRole('dialog', { name: '生成法治政府建设年度报告' });
    await dialog.locator('input').first().fill(String(year));
    await dialog.getByRole('button', { name: btn('生成草稿') }).click();
    await page.waitForURL(/\/annual-report\/reports\/[0-9a-f-]{36}$/);
    await page.getByText(title).first().waitFor();
    for (const key of ['achievements', 'shortcomings', 'responsibility', 'plans', 'other']) await page.locator(`[data-section="${key}"]`).waitFor();
    expect(await page.locator('[data-section]').allTextContents().then((t) => t.map((x) => x.slice(0, 2)))).toEqual(['一、', '二、', '三、', '四、', '五、']);

    // A figure shows its definition on hover.
    const figure = page.locator('[data-figure="adminReview.correctionRate"]').first();
    await figure.hover();
    await page.getByText('(撤销+部分撤销+责令重作+变更+确认违法+确认无效+责令履行) / 审结').waitFor();
    await page.screenshot({ path: '/tmp/annual-report-editor.png', fullPage: false });

    // ── edit: fill in what the 报告素材 did not cover, insert a figure token, save a version ──
    await fillPlaceholders(page);
    const last = page.locator('[data-section="other"] .fz-block').first();
    await last.getByRole('button', { name: '编辑段落' }).click();
    await page.getByLabel('段落内容').fill('全年行政复议审结案件');
    await page.locator('.ant-select', { hasText: '插入指标数据' }).click();
    await page.keyboard.type('行政复议审结数');
    await page.locator('.ant-select-item-option', { hasText: '行政复议审结数' }).first().click();
    await page.getByRole('button', { name: btn('插入') }).click();
    expect(await page.getByLabel('段落内容').inputValue()).toBe('全年行政复议审结案件{{adminReview.concluded}}');
    await page.getByRole('button', { name: btn('确定') }).click();
    await page.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText('已保存为第2版').waitFor();
    await page.locator('[data-section="other"] [data-figure="adminReview.concluded"]').waitFor();

    // ── submit for approval ──
    await page.getByRole('button', { name: btn('提交分管领导审核') }).click();
    await confirm(page);
    await page.getByText('当前状态：分管领导审核').waitFor();
    await logout(page);

    // ── 分管领导 ──
    await login(page, server.url, 'fenguan');
    await openReport(page, title);
    await page.getByRole('button', { name: btn('分管领导审核通过') }).click();
    await confirm(page);
    await page.getByText('当前状态：主要负责人审批').waitFor();
    await logout(page);

    // ── 主要负责人: approve and publish ──
    await login(page, server.url, 'director');
    await openReport(page, title);
    await page.getByRole('button', { name: btn('主要负责人审批同意') }).click();
    await confirm(page);
    await page.getByText('当前状态：已审定').waitFor();
    await page.getByRole('button', { name: btn('向社会公开') }).click();
    await confirm(page);
    await page.getByText('当前状态：已公开').waitFor();

    // ── download the 公文 .docx ──
    await page.getByRole('button', { name: /下载/ }).hover();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '公文版（Word）' }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}.docx`);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);

    // ── the public reads it on the portal ──
    const pub = await (await desktopContext(browser)).newPage();
    await pub.goto(`${server.url}/portal/annual-reports`);
    await pub.getByRole('link', { name: title }).click();
    await pub.getByText(`一、${year}年度推进法治政府建设的主要举措和成效`).waitFor();
    await pub.getByText('全年行政复议审结案件').waitFor();
    await context.close();
  });
});
