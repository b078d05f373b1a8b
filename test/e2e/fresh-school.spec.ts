// A new school from its first start, as the office would meet it: setup, a pupils import with one bad row
// (refused with its line, nothing imported), the fix, finding a pupil, then the morning register taken with the
// keyboard only, an amendment with its reason, and the calling list resolving an N.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInWith } from './session';

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
});
test.afterAll(async () => {
  await page.close();
});

const fixture = (name: string) => path.resolve('test/fixtures', name);

test('first run: the administrator account is created first, then the administrator sets up the school', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Create the administrator account' })).toBeVisible();
  await expectAccessible(page, 'first administrator');
  await page.getByLabel('Your name').fill('Kim Admin');
  await page.getByLabel('Position').fill('School business manager');
  await page.getByLabel('Username').fill('kim.admin');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('kestrel admin 2026');
  await page.getByLabel('Password again').fill('kestrel admin 2062');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByText('the two passwords are not the same')).toBeVisible();
  await page.getByLabel('Password again').fill('kestrel admin 2026');
  await page.getByRole('button', { name: 'Create the account' }).click();

  await expect(page.getByRole('heading', { name: 'Set up your school' })).toBeVisible();
  await expectAccessible(page, 'setup');
  await page.getByLabel('School name').fill('Kestrel Primary School');
  await page.getByLabel('URN (6 digits)').fill('12345');
  await page.getByLabel('Register stays open for (minutes, at most 30)').fill('45');
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByText('URN must be 6 digits')).toBeVisible();
  await expect(page.getByText('a register may stay open at most 30 minutes')).toBeVisible();
  await page.getByLabel('URN (6 digits)').fill('123456');
  await page.getByLabel('Register stays open for (minutes, at most 30)').fill('30');
  await page.getByLabel('Senior attendance champion').fill('Mrs A. Champion');
  await page.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Kestrel Primary School');
  // the administrator has no pupil data: no registers or pupils in the navigation
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pupils', exact: true }),
  ).toHaveCount(0);
  await expectAccessible(page, 'admin home');
});

test('the administrator creates the office account; its first sign-in chooses a new password and lands on Home', async () => {
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Mrs O. Fisk');
  await page.getByLabel('Position', { exact: true }).fill('Office manager');
  await page.getByLabel('Username').fill('o.fisk');
  await page.getByLabel('First password').fill('first day 2026');
  await page.getByRole('checkbox', { name: /^Office/ }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Mrs O. Fisk can now sign in as o.fisk')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Accounts' })).toContainText('Active, new password due');
  await expectAccessible(page, 'users');
  await signInWith(page, 'o.fisk', 'first day 2026');
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Current password').fill('first day 2026');
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('my own office phrase');
  await page.getByLabel('New password again').fill('my own office phrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Kestrel Primary School');
  await expectAccessible(page, 'home');
});

test('a pupils file with one bad row is refused with its line number and nothing is imported; the fixed file imports', async () => {
  await page.getByRole('link', { name: 'Import pupils' }).click();
  await page.getByLabel('Choose a CSV file').setInputFiles(fixture('pupils-bad.csv'));
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await expect(problems).toContainText(
    'line 5: Leo Dixon: UPN B801200026003 has a wrong check letter (expected K)',
  );
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await expectAccessible(page, 'import with errors');
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await expect(page.getByText('0 pupils')).toBeVisible();

  await page.getByRole('link', { name: 'Import pupils' }).click();
  await page.getByLabel('Choose a CSV file').setInputFiles(fixture('pupils-good.csv'));
  await expect(page.getByText('Ready: 30 pupils, 30 new')).toBeVisible();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('30 added, 0 updated, 0 unchanged.')).toBeVisible();
  await expectAccessible(page, 'import done');
});

test('the office finds a pupil and opens the pupil page', async () => {
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await expect(page.getByText('30 pupils')).toBeVisible();
  await page.getByLabel('Search name or UPN').fill('dix');
  await expect(page.getByText('1 pupil', { exact: true })).toBeVisible();
  await expectAccessible(page, 'pupils');
  await page.getByRole('link', { name: 'Dixon, Leo' }).click();
  await expect(page.getByRole('heading', { name: 'Leo Dixon' })).toBeVisible();
  await expect(page.getByText('K801200026003')).toBeVisible();
  await expect(page.getByText('SEN support').first()).toBeVisible();
  await expect(page.getByLabel('Contact 1 phone')).toHaveValue('07700 900103');
  await expectAccessible(page, 'pupil page');
});

test('the calendar shows the year with bank holidays and closures', async () => {
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('table', { name: 'December 2026' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'December 2026' }).locator('td[title="25/12/2026: Christmas Day"]'),
  ).toHaveClass(/day-bank_holiday/);
  await expectAccessible(page, 'calendar');
});

test('the morning register of 30 pupils with 3 absences and 1 late is taken with at most 34 keystrokes, no mouse', async () => {
  await page.goto('/#/register/2%20Kestrel/AM');
  const grid = page.getByRole('grid', { name: 'Register 2 Kestrel AM' });
  await expect(grid.getByRole('row')).toHaveCount(31);
  await expect(grid.getByRole('row').nth(1)).toBeFocused();
  let keys = 0;
  const press = async (k: string) => {
    await page.keyboard.press(k);
    keys++;
  };
  for (let i = 0; i < 30; i++) {
    if (i === 4) {
      await press('n');
    } else if (i === 9) {
      await press('i');
    } else if (i === 15) {
      await press('o');
    } else if (i === 20) {
      await press('l');
      await press('8');
      await press('Enter');
    } else {
      await press('/');
    }
  }
  await press('Control+s');
  await expect(page.getByText('Saved: 30 new, 0 amended.')).toBeVisible();
  expect(keys).toBeLessThanOrEqual(34);
  const marks = await grid.locator('tbody tr td:nth-child(2) .mark').allTextContents();
  expect(marks.filter((m) => m === '/')).toHaveLength(26);
  expect([marks[4], marks[9], marks[15], marks[20]]).toEqual(['N', 'I', 'O', 'L']);
  await expect(grid.getByRole('row').nth(21)).toContainText('8');
  await expectAccessible(page, 'register');
  await page.goto('/#/');
  await expect(page.getByRole('list', { name: 'Registers not yet taken' })).not.toContainText('2 Kestrel AM');
});

test('a change after the register is saved is an amendment that asks for a reason and shows in the history', async () => {
  await page.goto('/#/register/2%20Kestrel/AM');
  const grid = page.getByRole('grid', { name: 'Register 2 Kestrel AM' });
  await expect(grid.getByRole('row').nth(1)).toBeFocused();
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('m'); // the 10th pupil (Fisher): I → M
  await expect(page.getByLabel(/Reason for amending 1 saved mark/)).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('changing I to M is an amendment: give a reason')).toBeVisible();
  await page.getByLabel(/Reason for amending 1 saved mark/).fill('Mother rang: dental appointment');
  await page.getByRole('button', { name: 'Save register (Ctrl+S)' }).click();
  await expect(page.getByText('Saved: 0 new, 1 amended.')).toBeVisible();
  await expect(grid.getByRole('row').nth(10)).toContainText('amended');
});

test('the calling list shows the N with contacts and resolves it in one step', async () => {
  await page.getByRole('link', { name: 'Unexplained absence' }).click();
  const card = page.getByRole('region', { name: /Carter/ }); // the 5th pupil, marked N; she has a social worker
  await expect(card).toContainText('07700 900102');
  await expect(card).toContainText('This pupil has a social worker');
  await card.getByRole('button', { name: 'Record social worker told' }).click();
  await expect(card).toContainText('Social worker told');
  await card.getByLabel('Outcome').fill('No answer, left voicemail');
  await card.getByRole('button', { name: 'Log attempt' }).click();
  await expect(card.getByRole('list', { name: 'Attempts' })).toContainText('No answer, left voicemail');
  await expectAccessible(page, 'calling list');
  await card.getByLabel('Reason for the change').fill('Father rang at 10:05: sickness bug');
  await card.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('No unexplained absence (N) on 01/12/2026.')).toBeVisible();
});

test('the amendment is one click away on the pupil page, with the original code, reason, name and position', async () => {
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await page.getByLabel('Search name or UPN').fill('fisher');
  await page.getByRole('link', { name: /^Fisher,/ }).click();
  const figures = page.getByRole('region', { name: 'This school year so far' });
  await expect(figures).toContainText('Possible sessions');
  await expect(figures).toContainText('Authorised absence');
  await page.getByRole('button', { name: 'Amendment history' }).click();
  const table = page.getByRole('table', { name: 'Amendments' });
  await expect(table).toContainText('01/12/2026 AM');
  await expect(table).toContainText('Mother rang: dental appointment');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('I');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('M');
  await expectAccessible(page, 'pupil page with history');
});

test('in the office grid a block is selected with the keyboard and a trip is previewed, then confirmed', async () => {
  await page.getByRole('link', { name: 'Office grid' }).click();
  const grid = page.getByRole('grid', { name: 'Marks by pupil and session' });
  await expect(grid.getByRole('row')).toHaveCount(31);
  await grid.focus();
  // columns: Mon 30 Nov AM, PM, Tue 1 Dec AM, PM, Wed 2 Dec AM, PM, Thu 3 Dec AM …: go to Thu AM, select 2 pupils × 2 sessions
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('v');
  const panel = page.getByRole('region', { name: 'Change the selected marks' });
  await panel.getByLabel(/^Detail/).fill('Science museum trip');
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel).toContainText(
    '4 marks will change (0 of them amendments of saved marks), 03/12/2026 to 03/12/2026.',
  );
  await expectAccessible(page, 'grid with preview');
  await panel.getByRole('button', { name: 'Confirm 4 changes' }).click();
  await expect(page.getByText(/4 marks added and 0 amended/)).toBeVisible();
  const firstRow = grid.getByRole('row').nth(1);
  await expect(firstRow.getByRole('gridcell').nth(6)).toHaveText('V');
  await expect(firstRow.getByRole('gridcell').nth(7)).toHaveText('V');
});

test('register checks list the marks the MIS does not have yet and export them', async () => {
  await page.getByRole('link', { name: 'Register checks' }).click();
  await expect(page.getByRole('heading', { name: /Not yet in the MIS \(3[0-9]\)/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for the MIS' }).click();
  expect((await download).suggestedFilename()).toBe('marks-for-mis-2026-12-01.csv');
  await expect(page.getByRole('heading', { name: 'Not yet in the MIS (0)' })).toBeVisible();
  await expectAccessible(page, 'register checks');
});
