import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { btn, DEMO_PASSWORD, desktopContext, launchBrowser, login, logout, phoneContext, startServer, watchErrors, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A valid 18-digit 身份证号 (GB 11643 check digit), different on every run. */
function idNumber() {
  const body = '330723' + '1987' + '0614' + String(Date.now() % 1000).padStart(3, '0');
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[[...body].reduce((a, c, i) => a + Number(c) * w[i], 0) % 11];
}

/** antd DatePicker: type the date into its input and confirm. */
async function pickDate(page: Page, label: string | RegExp, date: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const dialog = (page: Page) => page.getByRole('dialog').last();

async function confirmDialog(page: Page) {
  const d = dialog(page);
  await d.getByRole('button', { name: btn('确定') }).click();
  await d.waitFor({ state: 'hidden' });
}

describe('社区矫正：接收 → 宣告 → 月度考核 → 警告 → 解矫', () => {
  it('司法所接收并宣告、考核、提出警告；县社区矫正机构批准警告并期满解除，出具文书 (社区矫正法 第二十一条、第二十八条、第四十四条)', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const name = `端到端${String(Date.now()).slice(-4)}`;
    const id = idNumber();

    // ── 壶山司法所: 接收 ──
    await login(page, server.url, 'jz_hushan');
    await page.getByRole('menuitem', { name: '矫正对象' }).click();
    await page.waitForURL(/\/corrections\/subjects$/);
    await page.getByRole('button', { name: /接收社区矫正对象/ }).click();
    await page.waitForURL(/\/corrections\/subjects\/new$/);
    // Dates first: Enter in a date input submits the form, which is harmless while the rest is empty.
    await pickDate(page, '判决（裁定、决定）生效日期', '2025-11-03');
    const range = page.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('2025-11-03');
    await range.first().press('Enter');
    await range.last().fill('2026-11-02');
    await range.last().press('Enter');
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('身份证号码').fill(id);
    await page.getByLabel('联系电话').fill('13811112222');
    await page.getByLabel('居住地址').fill('武义县壶山街道解放街18号');
    await page.getByLabel('罪名').fill('危险驾驶罪');
    await page.getByLabel('刑期').fill('拘役二个月，缓刑一年');
    await page.getByLabel('决定机关').fill('武义县人民法院');
    await page.getByRole('button', { name: btn('接收') }).click();
    await page.waitForURL(/\/corrections\/subjects\/[0-9a-f-]{36}$/);
    await page.getByText('已接收待报到').waitFor();
    // 报到 is due 10 days after the judgment took effect: 2025-11-13.
    await page.getByText('2025-11-13').first().waitFor();
    // Lists and the file show the 身份证号 masked.
    expect(await page.getByText(id).count()).toBe(0);
    await page.getByText(`${id.slice(0, 4)}**********${id.slice(-4)}`).waitFor();

    // ── 报到, 入矫宣告 ──
    await page.getByRole('button', { name: btn('报到') }).click();
    await confirmDialog(page);
    await page.getByText('已报到待宣告').waitFor();
    await page.getByRole('button', { name: btn('入矫宣告') }).click();
    await dialog(page).getByLabel(/矫正小组成员/).fill('何伟东、村干部王某、家属李某');
    await dialog(page).getByLabel('矫正方案').fill('每月到司法所报告一次，每月参加公益活动8小时。');
    await confirmDialog(page);
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByText('社区矫正宣告书').waitFor();

    // ── 月度考核 ──
    await page.getByRole('tab', { name: /监管与考核/ }).click();
    await page.getByRole('button', { name: btn('月度考核') }).click();
    await confirmDialog(page);
    await page.getByRole('cell', { name: /：好$/ }).waitFor();

    // ── 提出警告 (the 司法所 proposes; it cannot decide) ──
    await page.getByRole('tab', { name: /奖惩/ }).click();
    await page.getByRole('button', { name: btn('提出奖惩建议') }).click();
    await dialog(page).getByLabel('措施').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^警告/ }).click();
    await dialog(page).getByLabel('事实和理由').fill('未经批准离开所居住的县');
    await confirmDialog(page);
    await page.getByText('待审批').waitFor();
    expect(await page.getByRole('button', { name: btn('批准') }).count()).toBe(0);
    const detailUrl = page.url();
    await page.screenshot({ path: '/tmp/corrections-detail-office.png', fullPage: true });
    await logout(page);

    // ── 县社区矫正机构: 批准警告 (警告决定书), 期满解除 (宣告书、证明书) ──
    await login(page, server.url, 'jiaozheng');
    await page.goto(detailUrl);
    await page.getByRole('tab', { name: /奖惩/ }).click();
    await page.getByRole('button', { name: btn('批准') }).click();
    await confirmDialog(page);
    await page.getByText('已决定').waitFor();
    await page.getByRole('button', { name: btn('期满解除矫正') }).click();
    await confirmDialog(page);
    await page.getByText('已解除矫正').first().waitFor();
    await page.getByRole('tab', { name: /文书/ }).click();
    await page.getByText('警告决定书').waitFor();
    await page.getByText('解除社区矫正证明书').waitFor();
    const number = await page.getByRole('cell', { name: /^武矫矫警〔\d{4}〕\d+号$/ }).textContent();
    expect(number).toMatch(/^武矫矫警〔\d{4}〕\d+号$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('row', { name: /解除社区矫正证明书/ }).getByText('下载 .docx').click()]);
    expect(download.suggestedFilename()).toMatch(/解除社区矫正证明书\.docx$/);
    await page.screenshot({ path: '/tmp/corrections-detail-released.png', fullPage: true });

    // The 在册 register and the alarms page open for the county.
    await page.getByRole('menuitem', { name: '预警与审批' }).click();
    await page.getByText(/脱管、漏管预警/).waitFor();
    await page.getByRole('menuitem', { name: '在册统计' }).click();
    await page.getByText('在册人数').waitFor();
    await page.screenshot({ path: '/tmp/corrections-register.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('复议、调解等其他业务人员看不到社区矫正菜单和档案', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await login(page, server.url, 'hushan');
    expect(await page.getByRole('menuitem', { name: '矫正对象' }).count()).toBe(0);
    const res = await page.request.get(`${server.url}/api/corrections/subjects`);
    expect(res.status()).toBe(403);
    await context.close();
  });

  it('矫正对象用手机拍照定位签到 (社区矫正法 第二十九条 信息化核查)', async () => {
    const context = await phoneContext(browser);
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 28.8931, longitude: 119.8158, accuracy: 15 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The phone page lives outside the office layout; without a session it asks for the login and comes back.
    await page.goto(`${server.url}/portal/corrections/checkin`);
    await page.getByText('请先用司法所为您开通的账号登录').waitFor();
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.getByPlaceholder('用户名').fill('jzdx');
    await page.getByPlaceholder('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: btn('登录') }).click();
    await page.waitForURL(/\/portal\/corrections\/checkin$/);
    await page.getByText('社区矫正签到').first().waitFor();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(200)]) });
    await page.getByAltText('签到照片').waitFor();
    await page.getByRole('button', { name: /获取当前位置/ }).click();
    await page.getByRole('button', { name: /已定位/ }).waitFor();
    await page.getByRole('button', { name: btn('签到') }).click();
    // Stored: the form clears its photo, and today's check-in is listed with the position.
    await page.getByAltText('签到照片').waitFor({ state: 'detached' });
    await page.getByText('今日已签到').waitFor();
    await page.getByText('28.8931, 119.8158').first().waitFor();
    await page.screenshot({ path: '/tmp/corrections-checkin.png', fullPage: true });
    // The subject reaches nothing else.
    expect((await page.request.get(`${server.url}/api/corrections/subjects`)).status()).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  });
});
