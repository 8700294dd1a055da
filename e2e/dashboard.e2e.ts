import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { desktopContext, launchBrowser, login, startServer, watchErrors, type TestServer } from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Clicks a bar of an ECharts bar chart where a user would: the chart instance hangs on its element
 * (dashboard/chart.tsx), which converts the middle of the bar to pixels; the mouse clicks the canvas there.
 */
async function clickBar(page: Page, testId: string, index: number) {
  const el = page.getByTestId(testId);
  await el.waitFor();
  const at = await el.evaluate((node, i) => {
    const chart = (node as HTMLElement & { chart: { getOption(): { series: { data: unknown[] }[] }; convertToPixel(finder: object, value: unknown[]): number[] } }).chart;
    const value = Number(chart.getOption().series[0].data[i]);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [value / 2, i]);
    // Bring that point (not just the chart) to the middle of the viewport, clear of the sticky header.
    const mark = document.createElement('span');
    mark.style.cssText = `position:absolute;left:${x}px;top:${y}px;width:1px;height:1px;pointer-events:none`;
    node.style.position = 'relative';
    node.appendChild(mark);
    mark.scrollIntoView({ block: 'center' });
    mark.remove();
    return [x, y];
  }, index);
  const box = (await el.boundingBox())!;
  await page.mouse.click(box.x + at[0], box.y + at[1]);
}

describe('领导驾驶舱', () => {
  it('局长打开驾驶舱：关键指标带同比；点击排名中的一根柱子，看到其背后的案件并能打开案件', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, server.url, 'director');
    await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await page.waitForURL(/\/dashboard$/);
    const card = page.getByTestId('dash-figure-adminReview.accepted');
    await card.waitFor();
    expect(await card.getByTestId('indicator-change').textContent()).toMatch(/上年同期 \d+，同比/);
    await page.getByTestId('township-map').locator('canvas').waitFor();
    await page.getByTestId('overdue-chart').or(page.getByText('没有超期事项')).first().waitFor();

    // Rank the county's own orgs by 行政复议受理数: the 司法局 (its 复议科) holds the cases.
    await page.getByLabel('排名指标').click();
    await page.keyboard.type('行政复议受理数');
    await page.locator('.ant-select-item-option').filter({ hasText: /^行政复议受理数$/ }).click();
    await page.getByText('按下级机构').click();
    const ranking = page.getByTestId('ranking-chart');
    await ranking.locator('canvas').waitFor();
    const first = await ranking.evaluate((node) => {
      const chart = (node as HTMLElement & { chart: { getOption(): { yAxis: { data: string[] }[]; series: { data: unknown[] }[] } } }).chart;
      const o = chart.getOption();
      return { name: o.yAxis[0].data[0], value: Number(o.series[0].data[0]) };
    });
    expect(first.name).toBe('武义县司法局');
    expect(first.value).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    await clickBar(page, 'ranking-chart', 0);
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.getByText('行政复议受理数（武义县司法局）').first().waitFor();
    await drawer.getByText(`共 ${first.value} 条`).or(drawer.locator('tbody tr').nth(first.value - 1)).first().waitFor();
    const rows = drawer.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(first.value, 20));
    const link = rows.first().getByRole('link');
    const title = (await link.textContent())!.trim();
    expect(title).toMatch(/复/);
    await page.screenshot({ path: '/tmp/dashboard-records.png' });
    await link.click();
    await page.waitForURL(/\/admin-review\/cases\/[0-9a-f-]{36}$/);
    await page.getByText(title.split(' ')[0]).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('考核页：落后单位在前，未达标目标可交办整改', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await login(page, server.url, 'kaohe');
    await page.goto(`${server.url}/indicators/assessment`);
    const items = page.getByTestId('assessment-items');
    await items.locator('tbody tr').first().waitFor();
    // Last year's targets: the demo opened 整改 for last year's shortfalls.
    await page.getByLabel('考核年度').click();
    await page.getByLabel('考核年度').fill(String(new Date().getFullYear() - 1));
    await page.keyboard.press('Enter');
    await page.getByText('未达标').first().waitFor();
    await page.getByRole('tab', { name: '整改事项' }).click();
    await page.getByText(/已销号|整改中|逾期/).first().waitFor();
    await context.close();
  });
});
