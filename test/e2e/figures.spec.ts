// The attendance lead's figures on the demo school (today 01/12/2026): the dashboard's numbers add up and its
// charts have tables, the band list agrees with the dashboard and opens pupils, the penalty tracker lists only
// compulsory-age pupils, a notice is recorded and a third penalty notice to the same parent in 3 years is refused,
// the statutory lists export to CSV. Every screen is axe-checked and photographed.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { rpc as signedInRpc, signIn } from './session';
import { isCompulsoryAge } from '../../shared/dates';

test.describe.configure({ mode: 'serial' });

async function rpc<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = (await signedInRpc(page, channel, input)) as {
    ok: boolean;
    value: T;
    error?: { message: string };
  };
  if (!r.ok) {
    throw new Error(`${channel}: ${r.error?.message}`);
  }
  return r.value;
}
const int = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

let paCount = 0,
  severeCount = 0;

test('the dashboard shows today, the year to date beside national figures, and charts whose tables add up', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/dashboard');
  await expect(page.getByRole('heading', { name: 'Attendance dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today, 01/12/2026' })).toBeVisible();
  await expect(page.getByTestId('registers-taken')).toContainText(/\d+ of \d+/);
  const ytd = page.getByRole('table', { name: 'Year to date against national and local figures' });
  await expect(ytd).toContainText('DfE-comparable cohort');
  await expect(ytd).toContainText('2023/24 full year, census');
  await expect(ytd).toContainText('Source: DfE, Pupil absence in schools in England: 2023/24');
  paCount = Number(/\((\d+)\)/.exec((await page.getByTestId('ytd-all-pa').textContent()) ?? '')![1]);
  severeCount = Number(/\((\d+)\)/.exec((await page.getByTestId('ytd-all-severe').textContent()) ?? '')![1]);
  const possible = int(await page.getByTestId('ytd-all-possible').textContent());
  expect(paCount).toBeGreaterThan(0);

  // every chart is a labelled image with its numbers in a table
  await expect(page.getByRole('img', { name: /Line chart: attendance each school week/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart: sessions of absence by code/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart: overall absence of each/ })).toBeVisible();
  for (const s of await page.getByText('Show as table').all()) {
    await s.click();
  }
  expect(int(await page.getByTestId('weekly-possible-total').textContent())).toBe(possible);
  const reasons = page.getByRole('table', { name: 'Reasons for absence' });
  const rowsTotal = (await reasons.locator('tbody tr td:last-child').allTextContents()).reduce(
    (s, t) => s + int(t),
    0,
  );
  const total = int(await page.getByTestId('reasons-total').textContent());
  expect(rowsTotal).toBe(total);
  const foot = (await reasons.locator('tfoot td').first().textContent()) ?? '';
  const [, a, u] = /authorised ([\d,]+) \+ unauthorised ([\d,]+)/.exec(foot)!;
  expect(int(a) + int(u)).toBe(total);
  const d = await rpc<{
    ytd: { all: { authorised: number; unauthorised: number; persistentCount: number } };
  }>(page, 'figures.dashboard', {});
  expect(total).toBe(d.ytd.all.authorised + d.ytd.all.unauthorised);
  expect(paCount).toBe(d.ytd.all.persistentCount);
  await expect(page.getByRole('table', { name: 'Cohort gaps' })).toContainText('Free school meals');
  await page.screenshot({ path: 'reports/screens/figures-dashboard-full.png', fullPage: true });
  await expectAccessible(page, 'figures dashboard');
});

test('the band list counts match the dashboard and each row opens the pupil, whose figures are the same', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/bands');
  await expect(page.getByRole('heading', { name: 'Pupils by band' })).toBeVisible();
  await expect(page.getByTestId('count-pa')).toHaveText(String(paCount));
  await expect(page.getByTestId('count-severe')).toHaveText(String(severeCount));
  await expect(
    page.getByText(/Since \d\d\/\d\d\/2026: \d+ into and \d+ out of persistent absence/),
  ).toBeVisible();
  await expectAccessible(page, 'figures bands');
  await page.getByRole('combobox', { name: 'Band' }).selectOption('pa');
  const table = page.getByRole('table', { name: 'Pupils by band' });
  await expect(table.locator('tbody tr')).toHaveCount(paCount);
  const first = table.locator('tbody tr').first();
  const absence = (await first.locator('td').nth(4).textContent())!;
  const name = (await first.getByRole('link').textContent())!;
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/#\/pupils\/\d+$/);
  await expect(page.getByRole('heading', { name: 'This school year so far' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="h-figures"]')).toContainText(absence);
  expect(name.length).toBeGreaterThan(2);
});

test(
  'the penalty tracker lists only compulsory-age pupils; a notice is recorded; ' +
    'a third penalty notice to the same parent in 3 years is refused',
  async ({ page }) => {
    await signIn(page, 'lead', '/');
    // a Year 4 pupil with three separate fortnights of holiday not granted this term (amended through the import)
    const pupils = await rpc<{
      pupils: {
        id: number;
        upn: string;
        yearGroup: string;
        dob: string;
        surname: string;
        admissionDate: string;
      }[];
    }>(page, 'pupils.list', { yearGroup: '4' });
    const p = pupils.pupils.filter((x) => x.admissionDate <= '2026-09-01')[0];
    const days = [
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ];
    const csv = [
      'upn,date,session,code',
      ...days.flatMap((d) => [`${p.upn},${d},AM,G`, `${p.upn},${d},PM,G`]),
    ].join('\n');
    await rpc(page, 'marks.import', {
      csv,
      reason: 'Holiday not granted (e2e)',
      by: 'E2E Lead',
      position: 'Attendance lead',
    });

    await page.goto('/#/penalties');
    const tracker = page.getByRole('table', { name: 'Penalty-notice tracker' });
    await expect(tracker).toBeVisible();
    const t = await rpc<{ rows: { pupilId: number }[]; leftOutNotCompulsory: number }>(
      page,
      'penalty.tracker',
      {},
    );
    const all = await rpc<{ pupils: { id: number; dob: string }[] }>(page, 'pupils.list', {
      includeLeavers: true,
    });
    const dob = new Map(all.pupils.map((x) => [x.id, x.dob]));
    expect(t.rows.length).toBeGreaterThan(0);
    for (const r of t.rows) {
      expect(isCompulsoryAge(dob.get(r.pupilId)!, '2026-12-01')).toBe(true);
    }
    await expect(tracker.locator('tbody tr')).toHaveCount(t.rows.length);
    await expectAccessible(page, 'figures penalty tracker');

    // the first two penalty notices through the rpc, one fortnight each
    const n = await rpc<{
      parents: { name: string; parentalResponsibility: boolean }[];
      candidateMarks: { markId: number; date: string; code: string }[];
    }>(page, 'penalty.notices', { pupilId: p.id });
    const parent = n.parents.find((x) => x.parentalResponsibility)?.name ?? n.parents[0].name;
    const ids = (from: string, to: string) =>
      n.candidateMarks.filter((m) => m.code === 'G' && m.date >= from && m.date <= to).map((m) => m.markId);
    await rpc(page, 'penalty.record', {
      pupilId: p.id,
      kind: 'penalty_notice',
      issuedOn: '2026-11-23',
      parentName: parent,
      amount: 80,
      markIds: ids('2026-11-02', '2026-11-06'),
    });
    await rpc(page, 'penalty.record', {
      pupilId: p.id,
      kind: 'penalty_notice',
      issuedOn: '2026-11-24',
      parentName: parent,
      amount: 160,
      markIds: ids('2026-11-09', '2026-11-13'),
    });

    await page
      .getByRole('button', {
        name: `Notices for ${(await rpc<{ pupil: { name: string } }>(page, 'penalty.notices', { pupilId: p.id })).pupil.name}`,
      })
      .click();
    await expect(page.getByRole('heading', { name: /^Notices for / })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Penalty notice of 23/11/2026' })).toContainText('Issued');
    // recording a notice to improve works
    await page.getByRole('radio', { name: 'Notice to improve' }).check();
    await page.getByRole('button', { name: 'Record notice to improve' }).click();
    await expect(page.getByText(/Notice to improve recorded for/)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Notice to improve of 01/12/2026' })).toBeVisible();
    // a third penalty notice to the same parent within 3 years is refused, saying why
    await page.getByRole('radio', { name: 'Penalty notice' }).check();
    await page.getByRole('combobox', { name: 'Amount' }).selectOption('160');
    await page.getByRole('button', { name: 'Record penalty notice' }).click();
    await expect(page.getByText(/already received 2 penalty notices .* within 3 years/)).toBeVisible();
    await expect(page.getByText(/at most 2 penalty notices for the same child in 3 years/)).toBeVisible();
    await expectAccessible(page, 'figures penalty notices');
    // a status change is kept with its reason
    const card = page.getByRole('group', { name: 'Penalty notice of 23/11/2026' });
    await card.getByRole('textbox', { name: 'Reason or reference' }).fill('Paid online, ref 4471');
    await card.getByRole('button', { name: 'Record change' }).click();
    await expect(card).toContainText('Paid – Paid online, ref 4471');
  },
);

test('the statutory lists show and export to CSV', async ({ page }) => {
  await signIn(page, 'lead', '/#/statutory');
  await expect(page.getByRole('heading', { name: 'Statutory follow-up' })).toBeVisible();
  const cont = page.getByRole('table', { name: 'Continuous unauthorised absence' });
  await expect(cont).toBeVisible();
  await expect(cont.locator('tbody tr').first()).toBeVisible(); // the pupil given 30 sessions of G above
  await expectAccessible(page, 'figures statutory');
  // the attendance return is logged from the list
  const firstRow = cont.locator('tbody tr').first();
  await firstRow.getByRole('button', { name: /Record the attendance return for .* as sent today/ }).click();
  await expect(firstRow).toContainText('01/12/2026', { timeout: 10_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV: Continuous unauthorised/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('continuous-2026-12-01.csv');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    'upn,name,year_group,reg_group,run_sessions,run_from,run_to,ongoing,attendance_return_sent',
  );
  expect(text.split('\r\n').filter(Boolean).length).toBe(1 + (await cont.locator('tbody tr').count()));
  await page.goto('/#/bands');
  const [bandsCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(bandsCsv.suggestedFilename()).toMatch(/^bands-2026-09-01-to-2026-12-01\.csv$/);
});
