// A commune's manager sets up a new child-protection officer from a file, on a phone: the
// first password shown once, the officer's first sign-in, and, when the officer leaves, the
// account deactivated from their page — all by links from the manager's header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, realProblems, signInStaff, withDemo, accessProblems, PASSWORD } from './support.mjs';

const demo = withDemo(before, after);

test('a manager imports a staff account, the new officer signs in, and the manager deactivates them', async () => {
  const base = demo.server.base;
  const phone = { viewport: { width: 360, height: 740 } };
  const manager = await watchedPage(demo.browser, phone);
  await signInStaff(manager.page, base, 'xa.demo', PASSWORD, { landing: /\/(coverage|people|learn)/ });

  // From the header: the account page lists the manager's tools.
  await manager.page.getByText('Menu').click();
  await manager.page.locator('.site-nav a.who').click();
  await manager.page.waitForURL('**/account');
  await manager.page.getByRole('link', { name: 'Nhập tài khoản cán bộ' }).click();
  await manager.page.waitForURL('**/staff');
  assert.deepEqual(await accessProblems(manager.page), []);

  const file = 'unit_code,role,username,name\nLC-C01,protection-officer,ctv.e2e.xa2,Lò Thị Xuân\n';
  await manager.page.locator('#staff-file').setInputFiles({ name: 'can-bo.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await manager.page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await manager.page.getByRole('status').filter({ hasText: 'thêm 1 tài khoản' }).waitFor();
  const row = manager.page.locator('table tr').filter({ hasText: 'ctv.e2e.xa2' });
  const password = (await row.locator('td.code').nth(1).textContent()).trim();
  assert.ok(password.length >= 15, password);

  // The officer's first sign-in asks for their own password.
  const officer = await watchedPage(demo.browser, phone);
  await signInStaff(officer.page, base, 'ctv.e2e.xa2', password, { landing: /\/account\/password/ });
  await officer.page.locator('#current-password').fill(password);
  await officer.page.locator('#new-password').fill('nắng sớm trên nương chè xanh');
  await officer.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await officer.page.waitForURL(/\/account/);

  // The officer left: the manager finds them on the people page and deactivates the account.
  await manager.page.getByText('Menu').click();
  await manager.page.locator('.site-nav').getByRole('link', { name: 'Tài khoản và gia đình' }).click();
  await manager.page.waitForURL('**/people');
  await manager.page.getByRole('link', { name: 'Lò Thị Xuân' }).click();
  await manager.page.waitForURL(/\/people\/\d+$/);
  assert.deepEqual(await accessProblems(manager.page), []);
  await manager.page.locator('details.confirm summary').click();
  await manager.page.locator('#deactivate').check();
  await manager.page.getByRole('button', { name: 'Ngừng tài khoản' }).last().click();
  await manager.page.getByRole('status').filter({ hasText: 'Đã ngừng tài khoản' }).waitFor();

  // Their session ended with it, and the password no longer signs in.
  await officer.page.goto(base + '/account');
  assert.match(officer.page.url(), /\/sign-in/);
  await officer.page.getByLabel('Tên đăng nhập').fill('ctv.e2e.xa2');
  await officer.page.locator('#staff-password').fill('nắng sớm trên nương chè xanh');
  await officer.page.locator('#staff-password').press('Enter');
  await officer.page.getByRole('alert').waitFor();
  assert.match(officer.page.url(), /\/sign-in/);

  assert.deepEqual(realProblems(manager.problems), []);
  // The refused sign-in answered 401 on purpose: nothing else may have gone wrong.
  const refused = (p) => /401/.test(p) && (/\/sign-in$/.test(p) || /^console: Failed to load resource/.test(p));
  assert.deepEqual(realProblems(officer.problems).filter((p) => !refused(p)), []);
  await manager.context.close();
  await officer.context.close();
});
