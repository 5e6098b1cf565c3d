// A teacher assigns a module to their class with a due date and follows each student's
// progress; the students find it first on their home page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { watchedPage, realProblems, signInStaff, signInStudent, withDemo, accessProblems, answerShown, PASSWORD } from './support.mjs';

const demo = withDemo(before, after);

/// A date `days` from now, as the date input takes it.
function inDays(days) {
  return new Date(Date.now() + 7 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/// The same day as Vietnamese readers write it: 06/12/2026.
function vietnamese(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

for (const javaScriptEnabled of [false, true]) {
  test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: assign a module to a class; the students see it with its date`, async () => {
    const cls = demo.guide.classes[0];
    // Modules nobody in the class finished in the demo's history.
    const module = javaScriptEnabled ? 'stop-bullying' : 'safe-online';
    const title = javaScriptEnabled ? /bắt nạt/i : /an toàn trên mạng/i;
    const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled, viewport: { width: 360, height: 740 } });
    await signInStaff(page, demo.server.base, 'giaovien.demo', PASSWORD, { javaScriptEnabled });
    await page.getByRole('link', { name: cls.name }).click();
    await page.waitForURL(/\/classes\/\d+$/);
    await page.locator('#assign-module').waitFor();
    if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');

    // A date already past is refused, and the choice is kept.
    await page.locator('#assign-module').selectOption(module);
    await page.evaluate(() => document.querySelector('#assign-due').removeAttribute('min'));
    await page.locator('#assign-due').fill('2020-01-01');
    await page.getByRole('button', { name: 'Giao bài', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'không thể là ngày đã qua' }).waitFor();
    assert.equal(await page.locator('#assign-module').inputValue(), module);

    const due = inDays(javaScriptEnabled ? 3 : 5);
    await page.locator('#assign-due').fill(due);
    await page.getByRole('button', { name: 'Giao bài', exact: true }).click();
    // A module for 11–14-year-olds to grade 2: the teacher is told why and confirms.
    await page.getByRole('alert').filter({ hasText: 'lứa tuổi khác' }).waitFor();
    assert.match(await page.locator('.assign-form').textContent(), /Lớp 2A: học sinh \d+–\d+ tuổi/);
    await page.getByLabel('Tôi đã xem và vẫn giao bài này').check();
    await page.getByRole('button', { name: 'Giao bài', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã giao bài cho lớp' }).waitFor();
    const row = page.locator('#assignments tbody tr').filter({ hasText: title });
    await row.first().waitFor();
    assert.match(await row.first().textContent(), new RegExp(`${vietnamese(due)}.*0 / ${cls.students.length} học sinh`));
    assert.deepEqual(await accessProblems(page), [], 'class page at 360 px');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/class-assigned-${javaScriptEnabled}.png`, fullPage: true });
    // The refused date answered 422 on purpose: nothing else may have gone wrong.
    const refused = (p) => /422/.test(p) && (/\/assignments$/.test(p) || /^console: Failed to load resource/.test(p));
    assert.deepEqual(realProblems(problems, { javaScriptEnabled }).filter((p) => !refused(p)), []);
    await context.close();

    const learner = await watchedPage(demo.browser, { javaScriptEnabled, viewport: { width: 360, height: 740 } });
    await signInStudent(learner.page, demo.server.base, cls, cls.students[javaScriptEnabled ? 1 : 2]);
    const assigned = learner.page.locator('section.assigned');
    await assigned.waitFor();
    const card = assigned.locator('li').filter({ hasText: title });
    assert.match(await card.textContent(), new RegExp(`Còn ${javaScriptEnabled ? 3 : 5} ngày \\(hạn ${vietnamese(due)}\\)`));
    assert.deepEqual(await accessProblems(learner.page), [], 'learner home at 360 px');
    if (process.env.SCREENSHOTS) await learner.page.screenshot({ path: `${process.env.SCREENSHOTS}/learn-assigned-${javaScriptEnabled}.png`, fullPage: true });
    assert.deepEqual(realProblems(learner.problems, { javaScriptEnabled }), []);
    await learner.context.close();
  });
}

test('a teacher assigns one module to two classes, sees the question a student missed, the cell turn to passed, and downloads the table', async () => {
  const cls = demo.guide.classes[0];
  const module = 'kind-and-safe-at-school';
  // The school's manager adds a class 2B for the same teacher (a roster upload).
  const manager = await watchedPage(demo.browser);
  await signInStaff(manager.page, demo.server.base, 'hieutruong.demo', PASSWORD, { landing: (url) => !url.pathname.startsWith('/sign-in') });
  await manager.page.goto(demo.server.base + '/classes');
  await manager.page.getByRole('link', { name: cls.name }).click();
  await manager.page.waitForURL(/\/classes\/\d+$/);
  const year = (await manager.page.locator('.class .lead').textContent()).match(/\d{4}-\d{4}/)[0];
  await manager.page.goto(demo.server.base + '/roster');
  const roster = [
    'school_code,school_year,class,role,key,name,birth_year,family,secret',
    `LC-W01-TH1,${year},2B,teacher,giaovien.demo,Giáo viên Demo,,,`,
    `LC-W01-TH1,${year},2B,student,TH1-2B-01,Lò Thị Thử,2018,,`,
  ].join('\n');
  await manager.page.locator('#roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
  await manager.page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await manager.page.getByText(/Đã nhập 2 dòng: thêm 1 lớp/).waitFor();
  await manager.context.close();

  // The teacher assigns the module to 2A and, with the same form, 2B.
  const { context, page, problems } = await watchedPage(demo.browser);
  await signInStaff(page, demo.server.base, 'giaovien.demo', PASSWORD);
  await page.getByRole('link', { name: cls.name, exact: true }).click();
  await page.waitForURL(/\/classes\/\d+$/);
  await page.waitForSelector('html[data-hydrated]');
  const classPage = page.url();
  await page.locator('#assign-module').selectOption(module);
  await page.locator('#assign-due').fill(inDays(7));
  await page.getByLabel('Lớp 2B').check();
  await page.getByRole('button', { name: 'Giao bài', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Đã giao bài cho 2 lớp' }).waitFor();

  // A student who had not tried it misses the first question, then passes.
  const student = cls.students.find((s) => s.name === 'Giàng Thị Mai');
  const learner = await watchedPage(demo.browser);
  await signInStudent(learner.page, demo.server.base, cls, student);
  for (const how of [{ wrong: 1 }, {}]) {
    await learner.page.goto(`${demo.server.base}/modules/${module}/quiz`);
    await learner.page.locator('.quiz-form .question').first().waitFor();
    await answerShown(learner.page, module, how);
    await learner.page.getByRole('button', { name: 'Nộp bài' }).click();
    await learner.page.waitForURL(/\/quiz\/attempts\/\d+$/);
  }
  assert.deepEqual(realProblems(learner.problems), []);
  await learner.context.close();

  // The teacher sees the question's share (1 of those who were asked it missed it first, none
  // still misses it) and the student's cell passed.
  await page.goto(classPage);
  await page.locator('#insight').waitFor();
  const moduleBlock = page.locator('details.insight-module').filter({ hasText: '5 học sinh đã làm bài kiểm tra' });
  await moduleBlock.waitFor();
  const top = moduleBlock.locator('tbody tr').first();
  assert.match(await top.textContent(), /1\/\d \(\d+%\).*0\/\d \(0%\)/s);
  const cell = page.locator('.progress-table tr').filter({ hasText: 'Giàng Thị Mai' });
  assert.match(await cell.textContent(), /Đã đạt/);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/class-insight.png`, fullPage: true });

  // The CSV of the same table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải bảng (CSV)' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a BOM');
  const line = text.split('\n').find((l) => l.startsWith('Giàng Thị Mai,'));
  assert.ok(line, 'her row in the file');
  assert.match(line, /Đã đạt/);
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});
