// Children's data in a real browser: a parent reads what is stored about them and their child
// and downloads it; a school manager deletes a student who left, confirming first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { watchedPage, realProblems, signInStaff, withDemo, PASSWORD } from './support.mjs';

const demo = withDemo(before, after);

test('a parent sees and downloads everything stored about them and their child', async () => {
  const { context, page, problems } = await watchedPage(demo.browser, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
  await page.goto(demo.server.base + '/sign-in');
  await page.locator('#parent-phone').fill(demo.guide.parentPhone);
  await page.locator('#parent-password').fill(PASSWORD);
  await page.locator('#parent-password').press('Enter');
  await page.waitForURL('**/learn');
  await page.goto(demo.server.base + '/account');
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.waitForURL('**/account/data');
  const text = await page.textContent('main');
  assert.match(text, /Lò Văn Bố/);
  assert.match(text, /Bài đã đọc/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải về (JSON)' }).click(),
  ]);
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.person.phone, demo.guide.parentPhone.replace(/\s/g, ''));
  assert.ok(data.children.length >= 1 && data.children[0].attempts.length >= 1, 'the child and their learning');
  // The notice is one link away, from every page's footer.
  await page.getByRole('link', { name: 'Thông báo về dữ liệu cá nhân' }).click();
  await page.waitForURL('**/privacy');
  assert.match(await page.textContent('main'), /91\/2025\/QH15/);
  assert.deepEqual(realProblems(problems, { javaScriptEnabled: true }), []);
  await context.close();
});

test('a school manager deletes a student who left, after confirming', async () => {
  const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled: false });
  await signInStaff(page, demo.server.base, 'hieutruong.demo', PASSWORD, { javaScriptEnabled: false, landing: /\/(classes|learn|coverage)/ });
  await page.goto(demo.server.base + '/classes/1');
  const row = page.locator('.roster-table tbody tr').filter({ hasText: 'Hoàng Văn Nam' });
  await row.locator('summary', { hasText: 'Xoá học sinh đã chuyển đi' }).click();
  await row.getByLabel(/Xoá vĩnh viễn Hoàng Văn Nam/).check();
  await row.getByRole('button', { name: 'Xoá', exact: true }).click();
  await page.waitForURL(/\/classes\/1\?deleted=1$/);
  assert.match(await page.textContent('[role=status]'), /Đã xoá học sinh/);
  assert.equal(await page.locator('.roster-table tbody tr').filter({ hasText: 'Hoàng Văn Nam' }).count(), 0);
  assert.deepEqual(realProblems(problems, { javaScriptEnabled: false }), []);
  await context.close();
});
