// A commune manager opens their coverage dashboard, drills down to a school, downloads the
// CSV and the XLSX, and takes the A4 print view; with JavaScript on and off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { watchedPage, realProblems, signInStaff, withDemo, accessProblems, axeViolations, PASSWORD } from './support.mjs';

const demo = withDemo(before, after);

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: a commune manager's dashboard, a school, the exports and the print view`, async () => {
    const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled, acceptDownloads: true, viewport: { width: 1366, height: 900 } });
    await signInStaff(page, demo.server.base, 'xa.demo', PASSWORD, { javaScriptEnabled, landing: '**/coverage' });
    assert.match(await page.locator('h1').textContent(), /Độ bao phủ · Xã Mẫu Hai/);
    assert.equal(await page.locator('.target-card').count(), 6, 'a card per target');
    // The health station's worker finished: the health target is met, 1 of 1 station.
    const health = page.locator('.target-card').filter({ hasText: 'trạm y tế' });
    assert.match(await health.textContent(), /100,0%\s*Đạt/);
    assert.match(await health.textContent(), /1 trên 1 cơ sở đạt/);
    // Every card has its chart, with a title for screen readers, or says there is no trend yet;
    // the same numbers are in a table.
    const charts = await page.locator('svg.trend-chart title').count();
    const none = await page.locator('.target-card').filter({ hasText: 'Chưa có ai đạt nên chưa có biểu đồ' }).count();
    assert.ok(charts >= 1 && charts + none === 6, `${charts} charts, ${none} without`);
    assert.ok(await page.locator('table#health-trend').count() === 1);
    // The rule of the bands and of hidden small counts is written on the page.
    await page.getByText('Mốc so sánh').waitFor();
    await page.getByText('dưới 5', { exact: false }).first().waitFor();
    assert.deepEqual(await accessProblems(page), []);
    // axe runs inside the page, so only with JavaScript on.
    if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/coverage-commune-${javaScriptEnabled}.png`, fullPage: true });

    // Sort the health stations by coverage, then drill down to the school.
    await page.locator('table#students-units th a').filter({ hasText: 'Tỷ lệ (%)' }).click();
    await page.waitForURL(/\?sort=students-units:5/);
    await page.locator('table#students-units').getByRole('link', { name: 'Trường PTDTBT Tiểu học Mẫu Hai' }).click();
    await page.waitForURL(/\/coverage\/\d+$/);
    assert.match(await page.locator('h1').textContent(), /Trường PTDTBT Tiểu học Mẫu Hai/);
    await page.locator('nav.breadcrumb').getByRole('link', { name: 'Xã Mẫu Hai' }).waitFor();

    // The CSV and the XLSX of this school, named after it and the year.
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), `coverage-LC-C01-TH1-${year}.csv`);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\ufeff'), 'a BOM for Excel');
    assert.match(text, /Trường PTDTBT Tiểu học Mẫu Hai/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (XLSX)' }).click()]);
    assert.equal(xlsx.suggestedFilename(), `coverage-LC-C01-TH1-${year}.xlsx`);
    assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK', 'a zip (XLSX) file');

    // The print view: A4, no site header, every table open, the counts' sources.
    await page.getByRole('link', { name: 'Bản in' }).click();
    await page.waitForURL(/\/coverage\/\d+\/print\?year=\d+$/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site-header').isVisible(), false);
    assert.equal(await page.locator('.coverage-tools').count(), 0, 'no buttons on paper');
    assert.ok(await page.locator('table.report-table').count() >= 10);
    if (javaScriptEnabled) {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.ok(pdf.length > 10_000, 'the print view makes a PDF');
    }
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/coverage-print-${javaScriptEnabled}.png`, fullPage: true });
    assert.deepEqual(realProblems(problems, { javaScriptEnabled }), []);
    await context.close();
  });
}

test('a phone-sized dashboard: cards in one column, tables scroll in their own box', async () => {
  const { context, page, problems } = await watchedPage(demo.browser, { viewport: { width: 360, height: 740 } });
  await signInStaff(page, demo.server.base, 'tinh.demo', PASSWORD, { landing: '**/coverage' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  assert.deepEqual(await accessProblems(page), []);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/coverage-province-360.png`, fullPage: true });
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});
