// A teacher assigns a module to their class with a due date and follows each student's
// progress; the students find it first on their home page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, realProblems, signInStaff, signInStudent, withDemo, accessProblems, PASSWORD } from './support.mjs';

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
