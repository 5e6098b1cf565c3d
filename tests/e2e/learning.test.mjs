// A student reads every lesson of a module, fails the quiz once, passes it the second time
// and sees the module completed — with JavaScript on and off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, realProblems, signInStudent, withDemo } from './support.mjs';

const RIGHT = {
  'private-parts': ['b'], 'touch-game': ['c'], doctor: ['true'], 'say-no-to-family': ['true'],
  'what-to-do': ['say-no', 'go-away', 'tell'], 'whose-fault': ['never-child'],
};

const demo = withDemo(before, after);

async function answer(page, answers) {
  for (const [question, options] of Object.entries(answers)) {
    for (const option of options) await page.locator(`input[name="q-${question}"][value="${option}"]`).check();
  }
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await page.waitForURL(/\/quiz\/attempts\/\d+$/);
  await settle(page);
}

/// After a full page load (a form post), let the WASM finish before moving on.
async function settle(page) {
  if (await page.evaluate(() => typeof WebAssembly !== 'undefined' && !!document.querySelector('script[type=module], link[rel=modulepreload]'))) {
    await page.waitForSelector('html[data-hydrated]').catch(() => {});
  }
}

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: read every lesson, fail, retry, pass, completed`, async () => {
    const cls = demo.guide.classes[0];
    const student = cls.students[javaScriptEnabled ? 2 : 3];
    const { context, page, problems } = await watchedPage(demo.browser, { javaScriptEnabled });
    await signInStudent(page, demo.server.base, cls, student);
    if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');
    await page.goto(demo.server.base + '/modules/my-body-belongs-to-me');
    if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');
    await page.locator('.actions a.primary').click();
    await page.waitForURL('**/lessons/my-body');
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL('**/lessons/private-parts');
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL('**/lessons/no-go-tell');
    await page.locator('.pager a.primary').click();
    await page.waitForURL('**/quiz');

    // Ticks everything on the multiple-choice question: that is not right.
    await answer(page, { ...RIGHT, 'what-to-do': ['say-no', 'go-away', 'keep-quiet', 'tell'], 'private-parts': ['a'] });
    assert.match(await page.textContent('.score'), /Đúng 4 \/ 6 câu/);
    assert.match(await page.textContent('main'), /Chưa đạt lần này/);
    await page.locator('.review-question').first().waitFor();
    assert.equal(await page.locator('.review-question.wrong').count(), 2);
    await page.locator('.explanation').first().waitFor({ state: 'visible' });

    await page.getByRole('link', { name: 'Làm lại' }).click();
    await page.waitForURL('**/quiz');
    await answer(page, RIGHT);
    assert.match(await page.textContent('.score'), /Đúng 6 \/ 6 câu \(100%\)/);
    assert.match(await page.textContent('main'), /Đã hoàn thành/);

    await page.getByRole('link', { name: 'Về bài học' }).click();
    await page.waitForURL('**/modules/my-body-belongs-to-me');
    await page.waitForSelector('.progress.done');
    assert.match(await page.textContent('.progress'), /Đã hoàn thành/);
    assert.match(await page.textContent('.progress'), /100%/);
    assert.deepEqual(realProblems(problems, { javaScriptEnabled }), []);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/completed-${javaScriptEnabled}.png`, fullPage: true });
    await context.close();
  });
}
