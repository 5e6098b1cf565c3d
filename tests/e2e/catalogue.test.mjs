// Browsing from the catalogue to a lesson, in Vietnamese and in English, hydrated and not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchedPage, realProblems } from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const paths = [
  { locale: 'vi-VN', filter: 'Học sinh 6–10 tuổi', module: 'Cơ thể em là của em', lesson: 'Cơ thể em thật tuyệt', next: 'Vùng riêng tư', place: 'Bài 2 / 3' },
  { locale: 'en-GB', filter: 'Students aged 6–10', module: 'My body belongs to me', lesson: 'My amazing body', next: 'Private parts', place: 'Lesson 2 of 3' },
];

for (const javaScriptEnabled of [true, false]) {
  for (const p of paths) {
    test(`${p.locale}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: catalogue → module → lessons → quiz`, async () => {
      const { context, page, problems } = await watchedPage(browser, { locale: p.locale, javaScriptEnabled });
      await page.goto(server.base + '/');
      if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');
      await page.locator('.site-nav a[href="/modules"]').click();
      await page.waitForURL('**/modules');
      await page.getByRole('link', { name: p.filter }).click();
      await page.waitForURL('**/modules?for=student-6-10');
      await page.getByRole('link', { name: p.module }).click();
      await page.waitForURL('**/modules/my-body-belongs-to-me');
      assert.equal(await page.textContent('h1'), p.module);
      await page.locator('.lesson-list a').first().click();
      await page.waitForURL('**/lessons/my-body');
      assert.equal(await page.textContent('h1'), p.lesson);
      await page.getByRole('link', { name: new RegExp(p.next) }).click();
      await page.waitForURL('**/lessons/private-parts');
      assert.match(await page.textContent('.lesson-place'), new RegExp(p.place));
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL('**/lessons/no-go-tell');
      await page.locator('.pager a.primary').click();
      await page.waitForURL('**/quiz');
      assert.equal(await page.locator('fieldset.question').count(), 6);
      assert.deepEqual(realProblems(problems, { javaScriptEnabled }), []);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/quiz-${p.locale}-${javaScriptEnabled}.png`, fullPage: true });
      await context.close();
    });
  }
}

test('a lesson on a phone: readable, call-outs styled, no sideways scrolling', async () => {
  const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 } });
  await page.goto(server.base + '/modules/stop-bullying/lessons/what-is-bullying');
  await page.waitForSelector('html[data-hydrated]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/lesson-360.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
