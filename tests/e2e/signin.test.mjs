// The three ways in: a student in a lab (class code → name → two pictures), a teacher with a
// password, a parent with the family code. Each with JavaScript on and off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, realProblems, signInStaff, withDemo, PICTURE_NAMES, PASSWORD } from './support.mjs';



const demo = withDemo(before, after);

for (const javaScriptEnabled of [true, false]) {
  const mode = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

  test(`${mode}: a student signs in with the class code, their name and two pictures`, async () => {
    const cls = demo.guide.classes[0];
    const student = cls.students[javaScriptEnabled ? 0 : 1];
    const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled });
    await page.goto(demo.server.base + '/');
    if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');
    await page.locator('.site-nav a[href="/sign-in"]').click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Mã lớp').fill(cls.code.toLowerCase());
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.waitForURL(/sign-in\/class\?code=/);
    await page.getByRole('link', { name: student.name, exact: true }).click();
    await page.waitForURL(/sign-in\/class\/[\w-]+\/\d+$/);
    assert.match(await page.textContent('h1'), new RegExp(student.name));
    for (const picture of student.secret.split('+')) {
      await page.getByText(PICTURE_NAMES[picture], { exact: true }).click();
    }
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/learn');
    assert.equal((await page.textContent('main h1')).trim(), `Chào ${student.name}`);
    await page.getByRole('heading', { name: 'Dành cho em' }).waitFor();
    const signOut = page.locator('.site-header .sign-out button.big');
    await signOut.waitFor();
    const box = await signOut.boundingBox();
    assert.ok(box.height >= 44, `sign-out is ${box.height}px tall`);
    await signOut.click();
    await page.waitForURL('**/sign-in?signed-out=1');
    const cookies = await context.cookies();
    assert.ok(!cookies.some((c) => c.name === 'ss_session'), 'nothing left on the lab computer');
    assert.deepEqual(realProblems(problems, { javaScriptEnabled }), []);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/signed-out-${javaScriptEnabled}.png` });
    await context.close();
  });

  test(`${mode}: a teacher signs in with a password and sees their class`, async () => {
    const cls = demo.guide.classes[0];
    const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled });
    await signInStaff(page, demo.server.base, 'giaovien.demo', PASSWORD, { javaScriptEnabled });
    await page.getByRole('link', { name: cls.name }).click();
    await page.waitForURL(/\/classes\/\d+$/);
    assert.match(await page.textContent('.class-code'), new RegExp(cls.code));
    await page.locator('section.class .roster-table tbody tr').first().waitFor();
    assert.equal(await page.locator('section.class .roster-table tbody tr').count(), cls.students.length);
    // The class's young students have picture secrets, drawn from the page's symbols: the
    // first one shown draws two pictures (a reference to a missing symbol has no size).
    assert.equal(await page.locator('section.class .roster-table .secret use').count(), 2 * cls.students.length);
    await page.locator('section.class .roster-table details.reveal summary').first().click();
    const drawn = (uses) => uses.map((u) => Math.round(u.getBBox().width));
    const first = await page.$$eval('section.class .roster-table details.reveal[open] .secret use', drawn);
    assert.equal(first.length, 2);
    assert.ok(first.every((w) => w > 20), `the pictures are drawn: widths ${first}`);
    await page.getByRole('link', { name: 'In thẻ đăng nhập' }).click();
    await page.waitForURL(/\/cards$/);
    await page.locator('.sign-in-card').first().waitFor();
    assert.equal(await page.locator('.sign-in-card').count(), cls.students.length);
    const cards = await page.$$eval('.sign-in-card .secret use', drawn);
    assert.equal(cards.length, 2 * cls.students.length);
    assert.ok(cards.every((w) => w > 20), `every card's pictures are drawn: widths ${cards}`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/cards-${javaScriptEnabled}.png`, fullPage: true });
    assert.deepEqual(realProblems(problems, { javaScriptEnabled }), []);
    await context.close();
  });
}

test('a parent signs up with the family code, on a phone', async () => {
  const { context, page, problems } = await watchedPage(demo.browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(demo.server.base + '/sign-in');
  await page.waitForSelector('html[data-hydrated]');
  await page.getByRole('link', { name: /mã gia đình/ }).click();
  await page.waitForURL('**/sign-up/family');
  await page.getByLabel('Mã gia đình').fill(demo.guide.familyCode);
  await page.getByLabel('Họ và tên của anh/chị').fill('Lò Thị Mẹ');
  await page.getByLabel('Số điện thoại').fill('0977 111 222');
  await page.getByLabel('Chọn mật khẩu').fill('123456789012345');
  await page.getByLabel(/Tôi đã đọc và đồng ý/).check();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.waitForSelector('.notice.error');
  assert.match(await page.textContent('.notice.error'), /quá dễ đoán/);
  assert.equal(await page.getByLabel('Họ và tên của anh/chị').inputValue(), 'Lò Thị Mẹ', 'nothing typed is lost');
  await page.getByLabel('Chọn mật khẩu').fill('suối Nậm Na chảy qua bản tôi');
  await page.getByLabel(/Tôi đã đọc và đồng ý/).check();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.waitForURL('**/learn');
  assert.equal((await page.textContent('main h1')).trim(), 'Chào Lò Thị Mẹ');
  assert.match(await page.textContent('main'), /Con của anh\/chị đang học/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scroll (${width}px)`);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/parent-account.png`, fullPage: true });
  // The 422 of the refused password is the expected answer, not a fault.
  assert.deepEqual(problems.filter((p) => !/^HTTP 422: .*\/sign-up\/family$/.test(p) && !/status of 422/.test(p)), []);
  await context.close();
});
