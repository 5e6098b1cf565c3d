// Starts the real safesteps binary and headless Chromium for the end-to-end tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/// The demo's shared staff (and parent) password.
export const PASSWORD = 'hoa ban trắng nở trên núi';

/// Starts the server; `args` go to `safesteps serve` (e.g. `['--demo']`). `printed` is what it
/// wrote before it was ready (the demo accounts).
export async function startServer(args = []) {
  const bin = process.env.SAFESTEPS_BIN || join(root, 'target/release/safesteps');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run scripts/build first`);
  const dir = mkdtempSync(join(tmpdir(), 'safesteps-e2e-'));
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--database-url', `sqlite://${dir}/e2e.db`, ...args], {
    cwd: root,
    env: { ...process.env, RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('safesteps did not start within 30 s')), 30_000);
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/SafeSteps is running at (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); printed = seen.slice(0, m.index); ok(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`safesteps exited with ${code}`)); });
  });
  return {
    base,
    printed,
    /// The server's SQLite file, for a test that must change what no page can (a clock).
    database: join(dir, 'e2e.db'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.on('exit', ok)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/// A page that records console errors, page errors and failed or erroring requests.
/// The browser speaks Vietnamese unless `options.locale` says otherwise.
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  return { context, page, problems };
}

/// Problems that matter. A page load may abort the previous page's WASM or favicon download
/// (ERR_ABORTED), and with JavaScript off the browser refuses the module script ('csp'):
/// neither is a fault.
export function realProblems(problems, { javaScriptEnabled = true } = {}) {
  const aborted = (p) => /^failed: .*\/(pkg\/[^ ]+\.wasm|favicon\.svg) net::ERR_ABORTED$/.test(p);
  const refusedScript = (p) => !javaScriptEnabled && /^failed: .*\/pkg\/[^ ]+\.js csp$/.test(p);
  return problems.filter((p) => !aborted(p) && !refusedScript(p));
}

/// What the demo guide says: class codes with each student's secret, the new family code.
export function demoGuide(printed) {
  const classes = [];
  let familyCode = null;
  let parentPhone = null;
  for (const line of printed.split('\n')) {
    const cls = line.match(/class (\S+) — class code ([\w-]+)/);
    const family = line.match(/with the family code ([\w-]+)\./);
    const parent = line.match(/Parent — phone (\d+)/);
    if (parent) parentPhone = parent[1];
    if (cls) classes.push({ name: cls[1], code: cls[2], students: [] });
    else if (family) familyCode = family[1];
    else if (/^ {4}\S/.test(line) && classes.length && !line.includes('.demo')) {
      const m = line.trim().match(/^(.*\S)\s+(\S+)$/);
      classes.at(-1).students.push({ name: m[1], secret: m[2] });
    }
  }
  return { classes, familyCode, parentPhone };
}

export const PICTURE_NAMES = { sun: 'Mặt trời', moon: 'Mặt trăng', star: 'Ngôi sao', tree: 'Cây', flower: 'Bông hoa',
  fish: 'Con cá', cat: 'Con mèo', dog: 'Con chó', house: 'Ngôi nhà' };

/// Signs a student in the way a child does: class code, their name, two pictures (or a PIN).
export async function signInStudent(page, base, cls, student, landing = '**/learn') {
  await page.goto(base + '/sign-in');
  await page.getByLabel('Mã lớp').fill(cls.code);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.waitForURL(/sign-in\/class\?code=/);
  await page.getByRole('link', { name: student.name, exact: true }).click();
  await page.waitForURL(/sign-in\/class\/[\w-]+\/\d+$/);
  if (student.secret.includes('+')) {
    for (const picture of student.secret.split('+')) {
      await page.getByText(PICTURE_NAMES[picture], { exact: true }).click();
    }
  } else {
    await page.getByLabel(/PIN/).fill(student.secret);
  }
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(landing);
}

/// Signs a member of staff in with a password; lands on `landing`.
export async function signInStaff(page, base, username, password, { javaScriptEnabled = true, landing = '**/classes' } = {}) {
  await page.goto(base + '/sign-in');
  if (javaScriptEnabled) await page.waitForSelector('html[data-hydrated]');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('#staff-password').fill(password);
  await page.locator('#staff-password').press('Enter');
  await page.waitForURL(landing);
}

/// For a test file: the server with the demo, its guide and a browser, stopped after.
/// `demo.ready` resolves once all three are up (root-level `before` hooks of node's test
/// runner do not wait for each other: another hook that needs the demo awaits it).
export function withDemo(before, after) {
  const demo = {};
  let started;
  demo.ready = new Promise((ok) => { started = ok; });
  before(async () => {
    demo.server = await startServer(['--demo']);
    demo.guide = demoGuide(demo.server.printed);
    demo.browser = await launchBrowser();
    started();
  });
  after(async () => { await demo.browser?.close(); await demo.server?.stop(); });
  return demo;
}

/// What keeps a page from working by touch and by keyboard: form controls with no label
/// (or name), and touch targets under 44 px tall.
export async function accessProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    for (const e of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const named = e.labels?.length > 0 || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
      if (!named) problems.push(`no label: ${e.outerHTML.slice(0, 80)}`);
    }
    for (const e of document.querySelectorAll('button, a.button, select, input[type=date], input[type=text], input[type=tel], input[type=password], .option label')) {
      if (!visible(e)) continue;
      const name = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '').trim();
      if (e.matches('button, a.button') && !name) problems.push(`no name: ${e.outerHTML.slice(0, 80)}`);
      const h = e.getBoundingClientRect().height;
      if (h < 44) problems.push(`${Math.round(h)} px tall: ${name.slice(0, 40) || e.outerHTML.slice(0, 60)}`);
    }
    return problems;
  });
}

/// The right answers of a module's quiz, read from its `module.toml`: { question: [options] }.
export function quizKey(module) {
  const toml = readFileSync(join(root, 'content/modules', module, 'module.toml'), 'utf8');
  const key = {};
  for (const block of toml.split('[[quiz]]').slice(1)) {
    const id = block.match(/^id\s*=\s*"([^"]+)"/m)[1];
    key[id] = [...block.match(/^answer\s*=\s*\[([^\]]*)\]/m)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  }
  return key;
}

/// The questions the quiz page shows, in order: { id, options } (option ids as shown).
export async function shownQuestions(page) {
  return page.$$eval('.quiz-form fieldset.question', (sets) => sets.map((f) => {
    const inputs = [...f.querySelectorAll('input')];
    return { id: inputs[0].name.slice(2), type: inputs[0].type, options: inputs.map((i) => i.value) };
  }));
}

/// Ticks answers to the questions the quiz page shows, from the module's key: the first `wrong`
/// of them with a wrong option, those at the (0-based) places in `blank` not at all. Returns the
/// shown questions.
export async function answerShown(page, module, { wrong = 0, blank = [] } = {}) {
  const key = quizKey(module);
  const shown = await shownQuestions(page);
  for (const [n, q] of shown.entries()) {
    if (blank.includes(n)) continue;
    const want = n < wrong ? [q.options.find((o) => !key[q.id].includes(o))] : key[q.id];
    for (const o of want) await page.locator(`input[name="q-${q.id}"][value="${o}"]`).check();
  }
  return shown;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// The page's WCAG 2.1 A and AA violations found by axe-core, one line each (rule, where).
export async function axeViolations(page) {
  // Evaluated by the test driver, so the page's Content-Security-Policy does not apply.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}`));
}
