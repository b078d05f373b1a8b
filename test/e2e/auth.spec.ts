// Accounts as a new user meets them on the demo school: each role signs in and sees exactly its screens, wrong
// passwords and the lock-out, the idle lock keeping the screen as it was, the administrator's accounts screen,
// the audit log of the sign-ins, and a governor kept away from every pupil name.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { rpc, signIn, signInWith, type E2eRole } from './session';

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
});
test.afterAll(async () => {
  await page.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' }).getByRole('link');
const OFFICE_NAV = [
  'Home',
  'Take a register',
  'Unexplained absence',
  'Office grid',
  'Register checks',
  'Leave of absence',
  'Part-time and flexi',
  'Pupils',
  'Import pupils',
  'Dashboard',
  'Pupils by band',
  'Penalty notices',
  'Statutory follow-up',
];
/** The lead and head also see the governor report (after the dashboard), letters, the casework due list and the
 * self-audit. */
const LEAD_NAV = [
  ...OFFICE_NAV.slice(0, OFFICE_NAV.indexOf('Dashboard') + 1),
  'Governor reports',
  ...OFFICE_NAV.slice(OFFICE_NAV.indexOf('Dashboard') + 1),
  'Letters',
  'Attendance policy',
  'Casework due',
  'Self-audit',
  'Calendar',
];
const EXPECTED_NAV: Record<E2eRole, string[]> = {
  office: [...OFFICE_NAV, 'Calendar'],
  lead: LEAD_NAV,
  head: [...LEAD_NAV, 'Settings', 'Users', 'Audit log'],
  admin: ['Home', 'Calendar', 'Settings', 'Users', 'Audit log', 'Backups'],
  governor: ['Home', 'Dashboard', 'Governor reports'],
};
let aPupil = { surname: '', upn: '' };

test('the sign-in screen lists the demo accounts; a wrong password and an unknown name get the same message', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeFocused();
  const demo = page.getByRole('table', { name: 'Demo accounts' });
  for (const u of ['office', 'lead', 'head', 'admin', 'governor']) {
    await expect(demo).toContainText(`${u}-demo-2026`);
  }
  await expectAccessible(page, 'sign in');
  await page.getByLabel('Username').fill('office');
  await page.getByLabel('Password').fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The username or password is not right.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Username').fill('nobody.at.all');
  await page.getByLabel('Password').fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The username or password is not right.');
  await expectAccessible(page, 'sign in wrong password');
});

for (const role of ['office', 'lead', 'head', 'admin', 'governor'] as E2eRole[]) {
  test(`the ${role} account sees exactly its screens`, async () => {
    await signIn(page, role, '/');
    await expect(nav()).toHaveText(EXPECTED_NAV[role]);
    // The lead, the head and a governor land on the dashboard; the office and the administrator on their home page.
    if (['lead', 'head', 'governor'].includes(role)) {
      await expect(page.getByRole('heading', { name: 'Attendance dashboard' })).toBeVisible();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    }
    await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
    if (role === 'office') {
      const r = await rpc(page, 'pupils.list', {});
      const first = (r.value as { pupils: { surname: string; upn: string }[] }).pupils[0];
      aPupil = { surname: first.surname, upn: first.upn };
      expect(aPupil.surname).not.toBe('');
    }
    if (role === 'admin') {
      await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
      expect(await rpc(page, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      await expectAccessible(page, 'admin home');
    }
    if (role === 'governor') {
      await expectAccessible(page, 'governor home');
    }
  });
}

test('a governor cannot open the pupils page or reach a pupil through the rpc; no name appears', async () => {
  await signIn(page, 'governor', '/#/pupils');
  await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
  await expectAccessible(page, 'forbidden for governor');
  for (const path of ['/#/pupils', '/#/register', '/#/followup', '/#/grid', '/#/', '/#/calendar']) {
    await page.goto(path);
    await expect(page.locator('main#main')).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain(aPupil.upn);
    expect(text.split(/[^A-Za-z'-]+/), path).not.toContain(aPupil.surname);
  }
  expect(await rpc(page, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  expect(await rpc(page, 'followup.list', { date: '2026-12-01' })).toMatchObject({
    ok: false,
    error: { kind: 'forbidden' },
  });
});

test('five wrong passwords lock the name, with growing waits between tries; the administrator unlocks it', async () => {
  await signIn(page, 'admin', '/');
  await rpc(page, 'auth.signOut', {});
  await page.reload();
  let failures = 0;
  while (failures < 5) {
    await page.getByLabel('Username').fill('lead');
    await page.getByLabel('Password').fill(`wrong guess ${failures}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/not right|wait \d+ second/);
    const text = await alert.innerText();
    const wait = /wait (\d+) second/.exec(text);
    if (wait) {
      await page.waitForTimeout(Number(wait[1]) * 1000 + 200);
      continue;
    }
    failures++;
  }
  await expect(page.getByRole('alert')).toContainText(
    /Too many failed sign-ins: this username is locked until \d\d:\d\d/,
  );
  await page.getByLabel('Username').fill('lead');
  await page.getByLabel('Password').fill('lead-demo-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('locked until');

  await signIn(page, 'admin', '/#/users');
  const row = page.getByRole('row', { name: /Mrs J\. Okafor/ });
  await expect(row).toContainText('Locked out until');
  await row.getByRole('button', { name: 'Unlock Mrs J. Okafor' }).click();
  await expect(row).toContainText('Active');
  await signIn(page, 'lead', '/');
  await expect(nav()).toHaveText(EXPECTED_NAV.lead);
});

test('the administrator creates an account and resets its password; the next sign-in must choose a new one', async () => {
  await signIn(page, 'admin', '/#/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Mr S. Tern');
  await page.getByLabel('Username').fill('s.tern');
  await page.getByLabel('First password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('give the account at least one role')).toBeVisible();
  await page.getByRole('checkbox', { name: /^Attendance lead/ }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('a password needs at least 10 characters');
  await page.getByLabel('First password').fill('tern first 2026');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Mr S. Tern can now sign in as s.tern')).toBeVisible();
  const row = page.getByRole('row', { name: /Mr S\. Tern/ });
  await expect(row).toContainText('Attendance lead');
  await expectAccessible(page, 'users screen');

  await row.getByRole('button', { name: 'Reset password of Mr S. Tern' }).click();
  const dialog = page.getByRole('dialog', { name: "Reset Mr S. Tern's password" });
  await dialog.getByLabel('New password').fill('tern reset 2026');
  await expectAccessible(page, 'reset password dialog');
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('new password due');

  await rpc(page, 'auth.signOut', {});
  await page.reload();
  await page.getByLabel('Username').fill('s.tern');
  await page.getByLabel('Password').fill('tern first 2026'); // the first password no longer works
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The username or password is not right.');
  await page.getByLabel('Password').fill('tern reset 2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page, 'choose a new password');
  await page.getByLabel('Current password').fill('tern reset 2026');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('terns fly far 2026');
  await page.getByLabel('New password again').fill('terns fly far 2026');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(nav()).toHaveText(EXPECTED_NAV.lead);
});

test('a user changes their own password from the account menu', async () => {
  await signIn(page, 'office', '/');
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Change password…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await dialog.getByLabel('Current password').fill('office-demo-2026');
  await dialog.getByRole('textbox', { name: 'New password', exact: true }).fill('office new 2026');
  await dialog.getByLabel('New password again').fill('office new 2026');
  await expectAccessible(page, 'change password dialog');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toContainText('Your password is changed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await signInWith(page, 'office', 'office new 2026');
  await expect(nav()).toHaveText(EXPECTED_NAV.office);
  // back to the demo password, so the demo accounts on the sign-in screen stay true
  expect(
    await rpc(page, 'auth.changePassword', { current: 'office new 2026', next: 'office-demo-2026' }),
  ).toMatchObject({ ok: true });
});

test('the audit log shows the sign-ins and failed sign-ins, filtered and in pages', async () => {
  await signIn(page, 'head', '/#/audit');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(/^Entries 1–50 of \d+$/)).toBeVisible();
  await page.getByLabel('Action').selectOption('auth.signIn');
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table).toContainText('Mrs P. Quill (office)');
  await expect(table).toContainText('Dr G. Ferris (governor)');
  await page.getByLabel('Action').selectOption('auth.signInFailed');
  // A name that is no account is never logged as typed (it may be a password typed in the wrong box).
  await expect(table).toContainText('(a username that is no account)');
  await expect(table).not.toContainText('nobody.at.all');
  await page.getByLabel('Action').selectOption('auth.lockedOut');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Action').selectOption('');
  await page.getByLabel('Who').fill('Quill');
  await expect(table).not.toContainText('Ferris');
  await expectAccessible(page, 'audit log');
  await page.getByLabel('Who').fill('');
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText(/^Entries 51–\d+ of \d+$/)).toBeVisible();
});

test('the screen locks after the idle time and keeps what was on it; only the password opens it again', async ({
  browser,
}) => {
  const p = await (await browser.newContext()).newPage();
  await p.clock.install();
  await signIn(p, 'office', '/#/pupils');
  await p.getByLabel('Search name or UPN').fill('zz');
  await p.clock.fastForward('09:00'); // under the 10 minutes
  await expect(p.getByLabel('Search name or UPN')).toBeVisible();
  await p.clock.fastForward('10:30');
  await expect(p.getByRole('heading', { name: 'The screen is locked' })).toBeVisible();
  await expect(p.getByLabel('Search name or UPN')).toBeHidden();
  await expectAccessible(p, 'lock screen');
  // the core refuses the locked session too, not just the screen
  expect(await rpc(p, 'pupils.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  await p.getByLabel('Password').fill('wrong password');
  await p.keyboard.press('Enter');
  await expect(p.getByRole('alert')).toHaveText('The username or password is not right.');
  await p.getByLabel('Password').fill('office-demo-2026');
  await p.keyboard.press('Enter');
  await expect(p.getByLabel('Search name or UPN')).toHaveValue('zz');
  await expect(p.getByRole('heading', { name: 'The screen is locked' })).toBeHidden();
  await p.close();
});
