// Every page type of SafeSteps, visited as the person who sees it:
// - within the size budget (first visit: HTML + CSS ≤ 30 KB gzip, everything ≤ 150 KB gzip,
//   the WASM ≤ 100 KB gzip; a repeat visit downloads only the HTML),
// - whole without JavaScript,
// - with no WCAG 2.1 A or AA violation (axe-core) in Vietnamese and English, at 360 px and 1366 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { watchedPage, realProblems, signInStudent, signInStaff, withDemo, PASSWORD, answerShown, axeViolations, accessProblems } from './support.mjs';

const KB = 1024;
const BUDGET = { htmlCss: 30 * KB, all: 150 * KB, wasm: 100 * KB };
const demo = withDemo(before, after);

/// Page types: [name, who, path]. Filled in `before` (some paths need ids made by the walk).
const pages = [];
/// Signed-in browser states by who: cookies only.
const states = { anonymous: { cookies: [], origins: [] } };

before(async () => {
  await demo.ready;
  const base = demo.server.base;
  const cls = demo.guide.classes[0];
  const withPin = demo.guide.classes.flatMap((c) => c.students.map((s) => ({ c, s }))).find(({ s }) => !s.secret.includes('+'));

  // A student passes a quiz: the result page.
  const student = await watchedPage(demo.browser);
  await signInStudent(student.page, base, cls, cls.students.at(-1));
  await student.page.goto(`${base}/modules/my-body-belongs-to-me/quiz`);
  await answerShown(student.page, 'my-body-belongs-to-me');
  await student.page.locator('.quiz-form button[type=submit]').click();
  await student.page.waitForURL(/\/quiz\/attempts\/\d+$/);
  const result = new URL(student.page.url()).pathname;
  states.student = await student.context.storageState();
  await student.context.close();

  // A teacher completes a staff module: the certificate page.
  const teacher = await watchedPage(demo.browser);
  await signInStaff(teacher.page, base, 'giaovien.demo', PASSWORD, { javaScriptEnabled: false });
  const classPath = new URL(await teacher.page.locator('main a[href^="/classes/"]').first().evaluate((a) => a.href)).pathname;
  const staffModule = 'disclosure-and-reporting';
  await teacher.page.goto(`${base}/modules/${staffModule}`);
  for (const href of await teacher.page.$$eval('.lesson-list a', (as) => as.map((a) => a.href))) await teacher.page.goto(href);
  await teacher.page.goto(`${base}/modules/${staffModule}/quiz`);
  await answerShown(teacher.page, staffModule);
  await teacher.page.locator('.quiz-form button[type=submit]').click();
  await teacher.page.waitForURL(/\/quiz\/attempts\/\d+$/);
  // The certificate is one click from the result, and printed with who issues it and where
  // anyone can check it.
  await teacher.page.getByRole('link', { name: 'Xem giấy chứng nhận' }).click();
  await teacher.page.waitForURL(/\/certificates\/[A-Z0-9-]+$/);
  const certificate = new URL(teacher.page.url()).pathname;
  assert.match(await teacher.page.textContent('.certificate-issuer'), /Đơn vị cấp: Tỉnh Lai Châu/);
  assert.match(await teacher.page.textContent('.certificate-holder'), /Giáo viên · Trường Tiểu học Mẫu Một/);
  const code = certificate.split('/').pop().replace(/-/g, '');
  assert.equal((await teacher.page.textContent('.certificate-check .url')).trim(), `${base}/certificates/${code.slice(0, 5)}-${code.slice(5)}`);
  states.teacher = await teacher.context.storageState();
  await teacher.context.close();

  for (const [who, username] of [['manager', 'hieutruong.demo'], ['unitManager', 'xa.demo']]) {
    const staff = await watchedPage(demo.browser);
    await signInStaff(staff.page, base, username, PASSWORD, { javaScriptEnabled: false, landing: /\/(classes|learn|coverage)/ });
    states[who] = await staff.context.storageState();
    await staff.context.close();
  }
  const unitManager = await watchedPage(demo.browser, { storageState: states.unitManager, javaScriptEnabled: false });
  await unitManager.page.goto(`${base}/coverage`);
  const coveragePrint = new URL(await unitManager.page.locator('a[href*="/print"]').first().evaluate((a) => a.href));
  await unitManager.page.goto(`${base}/people`);
  const personPath = new URL(await unitManager.page.getByRole('link', { name: 'Cán bộ Bảo vệ trẻ em Mẫu' }).evaluate((a) => a.href)).pathname;
  await unitManager.context.close();
  const parent = await watchedPage(demo.browser);
  await parent.page.goto(`${base}/sign-in`);
  await parent.page.locator('#parent-phone').fill(demo.guide.parentPhone);
  await parent.page.locator('#parent-password').fill(PASSWORD);
  await parent.page.locator('#parent-password').press('Enter');
  await parent.page.waitForURL('**/learn');
  states.parent = await parent.context.storageState();
  await parent.context.close();

  const studentId = async (c, s) => {
    const { context, page } = await watchedPage(demo.browser, { javaScriptEnabled: false });
    await page.goto(`${base}/sign-in/class?code=${c.code}`);
    const href = await page.getByRole('link', { name: s.name, exact: true }).evaluate((a) => a.href);
    await context.close();
    return new URL(href).pathname;
  };

  pages.push(
    ['home', 'anonymous', '/'],
    ['catalogue', 'anonymous', '/modules?for=parent'],
    ['module', 'anonymous', '/modules/my-body-belongs-to-me'],
    ['lesson', 'anonymous', '/modules/my-body-belongs-to-me/lessons/private-parts'],
    ['quiz, signed out', 'anonymous', '/modules/my-body-belongs-to-me/quiz'],
    ['sign-in', 'anonymous', '/sign-in'],
    ['class names', 'anonymous', `/sign-in/class?code=${cls.code}`],
    ['pictures', 'anonymous', await studentId(cls, cls.students.find((s) => s.secret.includes('+')))],
    ['PIN', 'anonymous', await studentId(withPin.c, withPin.s)],
    ['family sign-up', 'anonymous', '/sign-up/family'],
    ['certificate', 'anonymous', certificate],
    ['not found', 'anonymous', '/no-such-page'],
    ['learner home', 'student', '/learn'],
    ['quiz', 'student', '/modules/secrets-and-telling/quiz'],
    ['result', 'student', result],
    ['account', 'student', '/account'],
    ['parent home', 'parent', '/learn'],
    ['password', 'parent', '/account/password'],
    ['classes', 'teacher', '/classes'],
    ['class', 'teacher', classPath],
    ['sign-in cards', 'teacher', `${classPath}/cards`],
    ['roster upload', 'manager', '/roster'],
    ['people and families', 'manager', '/people'],
    ['family letters', 'manager', '/families/letters'],
    ['class letters', 'teacher', `${classPath}/letters`],
    ['password reset', 'anonymous', '/sign-in/reset'],
    ['coverage', 'unitManager', '/coverage'],
    ['coverage print', 'unitManager', coveragePrint.pathname + coveragePrint.search],
    ['school coverage', 'manager', '/coverage'],
    ['official counts upload', 'unitManager', '/counts'],
    ['privacy notice', 'anonymous', '/privacy'],
    ['my data', 'parent', '/account/data'],
    ['class, as its school manager', 'manager', classPath],
    ['module with prerequisites', 'teacher', '/modules/child-friendly-care'],
    ['student record', 'teacher', `${classPath}/students/${(await studentId(cls, cls.students.find((s) => s.name === 'Lường Thị Dung'))).split('/').pop()}`],
    ['school view', 'manager', '/school'],
    ['staff upload', 'unitManager', '/staff'],
    ['one person', 'unitManager', personPath],
  );
});

/// Opens `path` in a new context (an empty cache) as `who`.
async function open(who, path, options = {}) {
  const watched = await watchedPage(demo.browser, { storageState: states[who], ...options });
  const response = await watched.page.goto(demo.server.base + path);
  return { ...watched, response };
}

test('every page type: within the size budget, and a repeat visit downloads only the HTML', async () => {
  const rows = [];
  let wasm = 0;
  for (const [name, who, path] of pages) {
    const { context, page, problems } = await watchedPage(demo.browser, { storageState: states[who] });
    const loaded = [];
    page.on('response', async (response) => {
      if (response.status() >= 300 && response.status() < 400) return;
      loaded.push(response.body().then((body) => ({ url: response.url(), type: response.request().resourceType(), gzip: gzipSync(body, { level: 9 }).length })).catch(() => null));
    });
    await page.goto(demo.server.base + path);
    await page.waitForSelector('html[data-hydrated]');
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(loaded)).filter(Boolean);
    const htmlCss = files.filter((f) => f.type === 'document' || f.type === 'stylesheet').reduce((n, f) => n + f.gzip, 0);
    const all = files.reduce((n, f) => n + f.gzip, 0);
    wasm = Math.max(wasm, ...files.filter((f) => f.url.endsWith('.wasm')).map((f) => f.gzip));
    rows.push({ name, htmlCss, all, files: files.length });
    assert.ok(htmlCss <= BUDGET.htmlCss, `${name}: HTML + CSS is ${htmlCss} B gzip (budget ${BUDGET.htmlCss})`);
    assert.ok(all <= BUDGET.all, `${name}: the first visit loads ${all} B gzip (budget ${BUDGET.all})`);

    // Another page, then this one again (going to the same address would be a reload):
    // only the HTML comes over the network; the rest is cached.
    await page.goto(demo.server.base + (path === '/' ? '/modules' : '/'));
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Bytes that came over the network, per request (0 for what the cache served).
    const requests = new Map();
    cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, `${e.type} ${e.response.url}`));
    const fetched = [];
    cdp.on('Network.loadingFinished', (e) => {
      if (e.encodedDataLength > 0) fetched.push(`${requests.get(e.requestId)} (${e.encodedDataLength} B)`);
    });
    await page.goto(demo.server.base + path);
    await page.waitForSelector('html[data-hydrated]');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched.filter((f) => !f.startsWith('Document ')), [], `${name}: a repeat visit downloads only the HTML`);
    assert.deepEqual(realProblems(problems).filter((p) => !(name === 'not found' && /404/.test(p))), [], name);
    await context.close();
  }
  assert.ok(wasm > 0, 'the WASM was loaded');
  assert.ok(wasm <= BUDGET.wasm, `the WASM is ${wasm} B gzip (budget ${BUDGET.wasm})`);
  console.log(`WASM ${wasm} B gzip\n` + rows.map((r) => `${r.name.padEnd(18)} HTML+CSS ${String(r.htmlCss).padStart(6)} B  all ${String(r.all).padStart(7)} B gzip (${r.files} files)`).join('\n'));
});

test('every page type works with JavaScript off', async () => {
  for (const [name, who, path] of pages) {
    const { context, page, problems, response } = await open(who, path, { javaScriptEnabled: false });
    assert.equal(response.status(), name === 'not found' ? 404 : 200, name);
    assert.equal(await page.locator('main h1').count(), 1, `${name}: one heading`);
    assert.match(await page.textContent('.help-banner'), /111/, `${name}: the 111 line`);
    const real = realProblems(problems, { javaScriptEnabled: false }).filter((p) => !(name === 'not found' && /404/.test(p)));
    assert.deepEqual(real, [], name);
    await context.close();
  }
});

for (const locale of ['vi-VN', 'en-GB']) {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 768 }]) {
    test(`accessibility (axe, WCAG 2.1 A and AA): every page type, ${locale}, ${viewport.width} px`, async () => {
      const found = [];
      for (const [name, who, path] of pages) {
        const { context, page } = await open(who, path, { locale, viewport });
        await page.waitForSelector('html[data-hydrated]');
        for (const v of await axeViolations(page)) found.push(`${name} (${path}): ${v}`);
        for (const p of await accessProblems(page)) found.push(`${name} (${path}): ${p}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) found.push(`${name}: ${overflow} px wider than the screen`);
        await context.close();
      }
      assert.deepEqual(found, []);
    });
  }
}
