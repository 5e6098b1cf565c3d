// The home page in a real browser: Vietnamese first, hydration, the language switch with and
// without JavaScript, and a layout that fits a phone and a lab PC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchedPage, realProblems } from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('hydrates, and the language switch renders the page in the chosen language', async () => {
  const { context, page, problems } = await watchedPage(browser);
  await page.goto(server.base + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.textContent('h1'), /an toàn/);
  assert.match(await page.textContent('.help-banner'), /111/);

  await page.waitForSelector('html[data-hydrated]', { timeout: 15_000 });
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.textContent('h1'), 'Every child has the right to be safe');
  assert.match(await page.textContent('.help-banner'), /Need help\?.*111.*free, 24\/7/s);
  assert.equal(await page.getAttribute('button[value="en"]', 'aria-pressed'), 'true');
  assert.equal(await page.title(), 'SafeSteps — child-safety training');

  // The choice is remembered: the server renders the next page in English.
  await page.reload();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.waitForSelector('html[data-hydrated]');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL('**/sign-in');
  assert.equal(await page.textContent('h1'), 'Sign in');

  assert.deepEqual(problems, []);
  await context.close();
});

test('works with JavaScript off: the switch posts and comes back', async () => {
  const { context, page, problems } = await watchedPage(browser, { javaScriptEnabled: false });
  await page.goto(server.base + '/sign-in');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.textContent('h1'), 'Đăng nhập');
  await Promise.all([page.waitForURL('**/sign-in'), page.getByRole('button', { name: 'English' }).click()]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Sign in');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.equal(await page.textContent('h1'), 'Đăng nhập');
  assert.deepEqual(realProblems(problems, { javaScriptEnabled: false }), []);
  await context.close();
});

for (const [name, viewport] of [['a 360 px phone', { width: 360, height: 740 }], ['a 1366×768 lab PC', { width: 1366, height: 768 }]]) {
  test(`fits ${name} with no sideways scrolling and big touch targets`, async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport });
    await page.goto(server.base + '/');
    await page.waitForSelector('html[data-hydrated]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    // Touch targets on screen (the phone's closed menu hides its own).
    const small = async () => page.$$eval('button, summary, .site-nav a, .hotline, a.button', (els) =>
      els.map((e) => [e.textContent.trim(), e.getBoundingClientRect().height]).filter(([, h]) => h > 0 && h < 44));
    assert.deepEqual(await small(), [], 'touch targets under 44 px');
    // The header is one compact row; on a phone the links, language and sign-in are behind
    // the menu button and open under it.
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 64, `the header is ${header.height}px tall`);
    const signIn = page.locator('.site-nav a[href="/sign-in"]');
    const menu = page.locator('summary.menu-button');
    if (viewport.width < 700) {
      assert.ok(!(await signIn.isVisible()), 'the links wait behind the menu');
      await menu.click();
      await signIn.waitFor();
      assert.ok(await page.getByRole('button', { name: 'English' }).isVisible(), 'the language is in the menu');
      assert.deepEqual(await small(), [], 'touch targets under 44 px in the open menu');
      const overflowOpen = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflowOpen <= 0, `the open menu is ${overflowOpen}px wider than the screen`);
    } else {
      assert.ok(!(await menu.isVisible()), 'no menu button on a wide screen');
      assert.ok(await signIn.isVisible() && await page.getByRole('button', { name: 'English' }).isVisible());
    }
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/home-${viewport.width}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an English-speaking browser gets English first', async () => {
  const { context, page, problems } = await watchedPage(browser, { locale: 'en-GB' });
  await page.goto(server.base + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Every child has the right to be safe');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: the skip link comes first and focus is visible', async () => {
  const { context, page } = await watchedPage(browser);
  await page.goto(server.base + '/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    cls: document.activeElement.className,
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  assert.equal(focused.cls, 'skip-link');
  assert.notEqual(focused.outline, 'none');
  await context.close();
});
