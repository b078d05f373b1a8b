// The office's first week on the demo school at the usual office screen (1366 × 768), issue 15: a half-taken
// register is not lost, registers not taken are all listed (today and past days), Ctrl+S works anywhere on the
// register, focus follows navigation, the dashboard and the pupil page fit, every route is axe-clean for every
// role, and the leave form keeps the keyboard in place.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { rpc, signIn, type E2eRole } from './session';

// The tests run in order; each signs in afresh, so one failing does not stop the others.

const TODAY = '2026-12-01';
let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
});
test.afterAll(async () => {
  await page.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
type Missing = { session: 'AM' | 'PM'; regGroup: string };

async function notTakenToday(): Promise<Missing[]> {
  const r = await rpc(page, 'registers.notTaken', { date: TODAY });
  return (r.value as { missing: Missing[] }).missing;
}

test('2: leaving a half-taken register asks first (in the app and on closing the window)', async () => {
  await signIn(page, 'office', '/');
  const m = (await notTakenToday()).find((x) => x.session === 'PM')!;
  await page.goto(`/#/register/${encodeURIComponent(m.regGroup)}/PM`);
  const grid = page.getByRole('grid', { name: `Register ${m.regGroup} PM` });
  await expect(grid).toBeVisible();
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('/');
  await page.keyboard.press('/');
  await expect(page.getByText(/^2 of \d+ marked\.$/)).toBeVisible();
  // closing the window: the browser's own prompt is asked for
  const prevented = await page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    (globalThis as unknown as { dispatchEvent: (e: Event) => void }).dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(prevented).toBe(true);
  // another screen of the app: a confirm; staying keeps the marks
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await nav().getByRole('link', { name: 'Home', exact: true }).click();
  await expect.poll(() => asked).toContain('not saved');
  await expect(grid).toBeVisible();
  await expect(page.getByText(/^2 of \d+ marked\.$/)).toBeVisible();
  // saved: nothing to ask about any more
  await page.getByRole('button', { name: /Save register/ }).click();
  await expect(page.getByText(/^Saved: 2 new/)).toBeVisible();
  asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await nav().getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
  expect(asked).toBe('');
});

test('7: Ctrl+S saves from inside the amendment reason box', async () => {
  await signIn(page, 'office', '/');
  const missing = await notTakenToday();
  const groups = (
    (await rpc(page, 'pupils.list', { onDate: TODAY })).value as {
      regGroups: string[];
    }
  ).regGroups;
  const taken = groups.find((g) => !missing.some((m) => m.session === 'AM' && m.regGroup === g))!;
  await page.goto(`/#/register/${encodeURIComponent(taken)}/AM`);
  const grid = page.getByRole('grid', { name: `Register ${taken} AM` });
  await expect(page.getByText(/Taken by/)).toBeVisible();
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('I');
  const reason = page.getByLabel('Reason for amending 1 saved mark');
  await reason.fill('Mother rang at 9:30: ill since the morning');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/^Saved: 0 new, 1 amended/)).toBeVisible();
});

test('3: every register not taken, today and past days, each opening its register', async () => {
  await signIn(page, 'office', '/');
  // A pupil moved to a new group before today: that group's past registers were never taken.
  const pupils = (await rpc(page, 'pupils.list', {})).value as { pupils: { id: number }[] };
  const moved = await rpc(page, 'pupils.update', { id: pupils.pupils[0].id, changes: { regGroup: '3 Elm' } });
  expect(moved.ok).toBe(true);
  await page.goto('/#/');
  await page.reload();
  const today = await notTakenToday();
  const card = page.locator('.fui-Card').filter({ hasText: 'Registers not yet taken today' });
  await expect(card.getByRole('listitem')).toHaveCount(today.length);
  await expect(card).toContainText(String(today.length));
  for (const m of today) {
    await expect(card.getByRole('link', { name: `${m.regGroup} ${m.session}`, exact: true })).toBeVisible();
  }
  await card.getByRole('link', { name: /earlier school days/ }).click();
  await expect(page.getByRole('heading', { name: 'Registers not taken', level: 1 })).toBeVisible();
  const past = page.getByRole('list', { name: 'Not taken on Monday 30 November 2026' });
  await expect(past.getByRole('link')).toHaveText(['3 Elm AM', '3 Elm PM']);
  await expect(page.getByRole('list', { name: 'Not taken on Tuesday 1 December 2026' })).toContainText(
    '3 Elm AM',
  );
  await expect(page.getByRole('list', { name: 'Not taken on Monday 7 September 2026' })).toBeVisible();
  await expectAccessible(page, 'registers not taken');
  await past.getByRole('link', { name: '3 Elm PM' }).click();
  await expect(page.getByRole('grid', { name: 'Register 3 Elm PM' })).toBeVisible();
  await expect(page.getByLabel('Date')).toHaveValue('30/11/2026');
  await expect(page.getByText(/Monday 30 November 2026, afternoon/)).toBeVisible();
  // the dashboard's "See which" goes to the same list
  await page.goto('/#/dashboard');
  await page.getByRole('link', { name: 'See which' }).click();
  await expect(page.getByRole('heading', { name: 'Registers not taken', level: 1 })).toBeVisible();
});

test('8: focus moves to the new screen after navigation, and a skip link jumps to the content', async () => {
  await signIn(page, 'office', '/');
  await nav().getByRole('link', { name: 'Pupils', exact: true }).click();
  // a screen that starts on its own first control keeps it (the pupil search)
  await expect(page.getByRole('heading', { name: 'Pupils', level: 1 })).toBeVisible();
  await expect(page.locator('main#main input').first()).toBeFocused();
  await nav().getByRole('link', { name: 'Unexplained absence' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // the register: one Tab from the heading reaches its first control
  await nav().getByRole('link', { name: 'Take a register' }).click();
  await expect(page.getByRole('heading', { name: 'Take a register', level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Date')).toBeFocused();
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tuesday 1 December 2026' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

async function noSidewaysScroll(): Promise<void> {
  const [scroll, client] = await page
    .locator('main#main')
    .evaluate((m) => [m.scrollWidth, m.clientWidth] as const);
  expect(scroll).toBeLessThanOrEqual(client);
  // nor does the window: the content column itself is no wider than the screen
  const [docW, winW] = await page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return [g.document.documentElement.scrollWidth, g.innerWidth] as const;
  });
  expect(docW).toBeLessThanOrEqual(winW);
}

test('13: at 1366 × 768 the dashboard fits, the comparison shows once, and the pupil page shows the whole year', async () => {
  await signIn(page, 'lead', '/#/dashboard');
  const ytd = page.getByRole('table', { name: 'Year to date against national and local figures' });
  await expect(ytd).toBeVisible({ timeout: 30_000 }); // the figures take a moment on a busy machine
  await noSidewaysScroll();
  await ytd.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screens/ux-dashboard-ytd.png' });
  const [tw, sw] = await ytd.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth] as const);
  expect(tw).toBeLessThanOrEqual(sw);
  // the national figures appear in one table; the editor opens on request
  await expect(page.getByRole('cell', { name: /^Source: / })).toHaveCount(
    await ytd.getByRole('cell', { name: /^Source: / }).count(),
  );
  await expect(page.getByRole('table', { name: 'Comparison figures' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Change the comparison figures' }).click();
  await expect(page.getByRole('table', { name: 'Comparison figures' })).toBeVisible();
  await noSidewaysScroll();
  await page.getByRole('table', { name: 'Comparison figures' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screens/ux-dashboard-comparison.png' });

  const p = (
    (await rpc(page, 'pupils.list', {})).value as { pupils: { id: number; admissionDate: string }[] }
  ).pupils[3];
  const att = (await rpc(page, 'registers.pupilAttendance', { pupilId: p.id, from: '2026-09-01', to: TODAY }))
    .value as { days: { date: string; kind: string }[] };
  const schoolDays = att.days.filter((d) => d.kind === 'school' && d.date >= p.admissionDate);
  expect(schoolDays.length).toBeGreaterThan(30);
  await page.goto(`/#/pupils/${p.id}`);
  const year = page.getByRole('table', { name: /^Marks this school year/ });
  await expect(year).toBeVisible();
  await expect(year.locator('td[data-date]')).toHaveCount(schoolDays.length);
  await expect(year.locator(`td[data-date="${schoolDays[0].date}"]`)).toBeVisible();
  await expect(year.locator(`td[data-date="${TODAY}"]`)).toBeVisible();
  await noSidewaysScroll();
  await year.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'reports/screens/ux-pupil-year.png' });
  await expectAccessible(page, 'pupil page year marks');
});

/** The screen has its figures: no count still shows the loading placeholder "…" (scanned half-loaded, a disabled
 * button or a greyed placeholder is not what the office sees). */
async function loaded(): Promise<void> {
  await expect(page.locator('main#main').getByText(/^…$|\(…\)/)).toHaveCount(0, { timeout: 30_000 });
}

for (const role of ['office', 'lead', 'head', 'admin', 'governor'] as E2eRole[]) {
  test(`14: every screen in the ${role}'s menu is axe-clean`, async () => {
    test.setTimeout(600_000);
    await signIn(page, role, '/');
    const labels = await nav().getByRole('link').allTextContents();
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      await nav().getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.locator('.fui-Spinner')).toHaveCount(0, { timeout: 30_000 });
      await loaded();
      await expectAccessible(page, `${role} ${label}`);
    }
    if (role === 'office') {
      const g = ((await rpc(page, 'pupils.list', {})).value as { regGroups: string[] }).regGroups[0];
      // the screens not in the menu (the leave form is the menu's Leave of absence, scanned above)
      for (const path of [`/#/register/${encodeURIComponent(g)}/PM`, '/#/not-taken']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('.fui-Spinner')).toHaveCount(0);
        await loaded();
        await expectAccessible(page, `${role} ${path}`);
      }
    }
  });
}

test('14: the leave tabs (no tabster guards) work by keyboard', async () => {
  await signIn(page, 'office', '/#/leave/new');
  const tabs = page.getByRole('tablist', { name: 'Leave of absence' });
  await expect(tabs.getByRole('tab', { selected: true })).toHaveText('New request');
  await expect(tabs.locator('[data-tabster-dummy]')).toHaveCount(0);
  await tabs.getByRole('tab', { name: 'New request' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Decisions waiting' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', { name: 'Holiday not granted (G) to confirm' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'New request' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/leave\/all$/);
  await expect(tabs.getByRole('tab', { selected: true })).toHaveText('All requests');
});

test('14: after a dialog closes, axe passes the focus guard Fluent leaves, and any other hidden focusable fails', async () => {
  await signIn(page, 'office', '/#/pupils');
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Change password…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('body > i[data-tabster-dummy]')).not.toHaveCount(0); // the guards it leaves
  await expectAccessible(page, 'pupils after a dialog');
  // the exception is that one node: a focusable control hidden from screen readers still fails the check
  const hidden = '<div aria-hidden="true"><button type="button">Hidden but focusable</button></div>';
  await page.locator('main').evaluate((m, html) => m.insertAdjacentHTML('beforeend', html), hidden);
  const failed = await expectAccessible(page, 'pupils with a hidden button').then(
    () => '',
    (e: Error) => e.message,
  );
  expect(failed).toContain('aria-hidden-focus');
  expect(failed).toContain('Hidden but focusable');
});

test('15: the leave form keeps focus on the pupil just added, and clears the evidence box when it resets', async () => {
  await signIn(page, 'office', '/#/leave/new');
  await page.getByLabel('Find a pupil (name or UPN)').fill('Clark');
  await page.getByRole('button', { name: 'Add Luca Clark (6 Oak)' }).click();
  const list = page.getByRole('list', { name: 'Pupils on this request' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Luca Clark' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Remove Luca Clark' })).toBeFocused();
  await page.getByLabel('Asked by').selectOption({ label: 'Chioma Clark (Mother)' });
  await page.getByLabel('First day').fill('14/12/2026');
  await page.getByLabel('Last day').fill('15/12/2026');
  await page.getByLabel('Kind of leave').selectOption({ label: 'Exceptional circumstances' });
  await page.getByLabel("The parent's reason").fill('A family wedding abroad');
  const box = page.getByLabel('Evidence files');
  await box.setInputFiles({
    name: 'invitation.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF'),
  });
  await expect(page.getByText('invitation.pdf')).toBeVisible();
  await page.getByRole('button', { name: 'Save request' }).click();
  await expect(page.getByText('Request saved for Luca Clark')).toBeVisible();
  expect(await box.evaluate((i) => (i as unknown as { files: { length: number } }).files.length)).toBe(0);
  await expect(page.getByText('invitation.pdf')).toHaveCount(0);
});
