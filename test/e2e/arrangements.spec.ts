// Part-time timetables on the secondary demo school, as the lead and the office would meet them: the lead agrees
// a 4-week timetable (mornings only) for a Year 8 pupil; the office's register shows C2 pre-filled on the
// afternoons only; the lead records a review that extends it; and the LA meeting pack, made as a Word file, opens
// in LibreOffice with that pupil in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { rpc, signIn } from './session';

test.describe.configure({ mode: 'serial' });

let page: Page;
let pupil: { id: number; name: string; surname: string; group: string };
let timetableUrl = '';
test.beforeAll(async ({ browser }) => {
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } })
  ).newPage();
  await signIn(page, 'lead');
  // the first Year 8 pupil whose first contact lives with them
  const list = (await rpc(page, 'pupils.list', { yearGroup: '8' })).value as {
    pupils: {
      id: number;
      forename: string;
      preferredForename: string | null;
      surname: string;
      regGroup: string;
    }[];
  };
  for (const p of list.pupils) {
    const g = (await rpc(page, 'pupils.get', { id: p.id })).value as { contacts: { livesWith: boolean }[] };
    if (g.contacts[0]?.livesWith) {
      pupil = {
        id: p.id,
        name: `${p.preferredForename || p.forename} ${p.surname}`,
        surname: p.surname,
        group: p.regGroup,
      };
      break;
    }
  }
  expect(pupil).toBeDefined();
});
test.afterAll(async () => {
  await page.close();
});

test('the lead agrees a 4-week part-time timetable, mornings only, for a Year 8 pupil', async () => {
  await signIn(page, 'lead', '/#/arrangements');
  await expect(
    page.getByRole('heading', { name: 'Part-time timetables and flexi-schooling', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page, 'arrangements list');
  await page.getByRole('button', { name: 'Agree a part-time timetable' }).click();
  await expect(page.getByRole('heading', { name: 'Agree a part-time timetable' })).toBeVisible();
  await page.getByLabel('Find the pupil (name or UPN)').fill(pupil.surname);
  await page.getByRole('button', { name: `Choose ${pupil.name} (${pupil.group})` }).click();
  await page
    .getByLabel('The circumstances')
    .fill('Phased return after a long illness: mornings for four weeks');
  await expect(page.getByLabel('Starts on')).toHaveValue('01/12/2026');
  await page.getByLabel('Ends on (time limit)').fill('28/12/2026');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await page.getByLabel(`${day} afternoon`).check();
  }
  await page.getByLabel('Parent who agreed (lives with the pupil)').selectOption({ index: 1 });
  await page.getByLabel('Local authority told on').fill('01/12/2026');
  await page.getByLabel('How the LA was told').fill('Email to the LA inclusion officer');
  await expectAccessible(page, 'agree a part-time timetable');
  await page.getByRole('button', { name: 'Agree the timetable' }).click();
  await expect(page.getByRole('heading', { name: `Part-time timetable: ${pupil.name}` })).toBeVisible();
  await expect(page.getByText('Mon PM, Tue PM, Wed PM, Thu PM, Fri PM').first()).toBeVisible();
  timetableUrl = new URL(page.url()).hash;
  await expectAccessible(page, 'part-time timetable record');
  // a behaviour reason is refused by the core, whatever a screen sends
  const refused = await rpc(page, 'arrangements.create', {
    pupilId: pupil.id,
    kind: 'part_time',
    reasonCategory: 'behaviour',
    reason: 'x',
    startDate: '2027-01-04',
    endDate: '2027-01-29',
    away: ['1PM'],
  });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
});

async function openRegister(date: string, session: 'AM' | 'PM') {
  await signIn(page, 'office', `/#/register/${encodeURIComponent(pupil.group)}/${session}`);
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Date').blur();
  await expect(page.getByText(/the register opens at/)).toBeVisible();
}

test("the office's register shows C2 pre-filled on the afternoons only", async () => {
  await openRegister('02/12/2026', 'PM');
  const row = page.getByRole('row').filter({ hasText: pupil.name });
  await expect(row.getByLabel('mark C2')).toBeVisible();
  await expect(row).toContainText('planned');
  await expect(row).toContainText('part-time timetable');
  await expectAccessible(page, 'register with C2 pre-filled');
  await openRegister('02/12/2026', 'AM');
  await expect(page.getByRole('row').filter({ hasText: pupil.name }).getByLabel('no mark')).toBeVisible();
});

test('the lead records a review that extends the timetable', async () => {
  await signIn(page, 'lead', `/${timetableUrl}`);
  await expect(page.getByRole('heading', { name: `Part-time timetable: ${pupil.name}` })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByLabel('Extend to (leave empty to keep the end date)').fill('15/01/2027');
  await page
    .getByLabel('What the review found')
    .fill('Coping well with mornings; two more weeks before full days');
  await page.getByRole('button', { name: 'Save the review' }).click();
  await expect(page.getByText(/Review recorded/)).toBeVisible();
  await expect(page.getByText('15/01/2027 (agreed to 28/12/2026)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reviews' })).toContainText('Coping well with mornings');
});

test('the LA meeting pack opens in LibreOffice with that pupil in it', async () => {
  await signIn(page, 'lead', '/#/arrangements/la');
  await expect(page.getByRole('heading', { name: 'Termly meeting with the local authority' })).toBeVisible();
  await expectAccessible(page, 'LA meeting');
  const downloads: Promise<import('@playwright/test').Download>[] = [page.waitForEvent('download')];
  await page.getByRole('button', { name: 'Make the meeting pack (Word and CSV)' }).click();
  const docx = await downloads[0];
  expect(docx.suggestedFilename()).toBe('la-meeting-pack-2026-12-01.docx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'la-pack-'));
  const file = path.join(dir, docx.suggestedFilename());
  await docx.saveAs(file);
  await expect(page.getByText(/^Pack made: \d+ pupils by band/)).toBeVisible();
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 180_000, stdio: 'ignore' },
  );
  const pdf = file.replace(/\.docx$/, '.pdf');
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('termly targeting support meeting');
  expect(text).toContain(pupil.name);
  expect(text).toContain('Part-time timetables and flexi-schooling agreements in force');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    path.join('reports', 'screens', 'la-pack'),
  ]);
  // governors never reach the pack
  await signIn(page, 'governor');
  expect(await rpc(page, 'arrangements.laPack', {})).toMatchObject({
    ok: false,
    error: { kind: 'forbidden' },
  });
});

test('the office looks for children missing education and raises a concern', async () => {
  await signIn(page, 'office', '/#/arrangements/cme');
  await expect(page.getByRole('heading', { name: 'Children missing education', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Open every case proposed' }).click();
  await expect(page.getByText(/^(Cases opened: |No new case to open\.)/)).toBeVisible();
  await page.getByLabel('Find the pupil (name or UPN)').fill(pupil.surname);
  await page.getByLabel('Pupil', { exact: true }).selectOption({ label: `${pupil.name} (${pupil.group})` });
  await page.getByLabel('Why').fill('A neighbour says the family has moved away');
  await page.getByRole('button', { name: 'Open a CME case' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^${pupil.name}: open since`) })).toBeVisible();
  await expectAccessible(page, 'children missing education');
});

test('the lead agrees an attendance contract and makes its Word copy from the template', async () => {
  test.setTimeout(180_000);
  await signIn(page, 'lead', '/#/arrangements/contracts');
  await expect(page.getByRole('heading', { name: 'Attendance contracts', level: 1 })).toBeVisible();
  await page.getByLabel('Find the pupil (name or UPN)').fill(pupil.surname);
  await page
    .getByRole('combobox', { name: /^Pupil/ })
    .selectOption({ label: `${pupil.name} (${pupil.group})` });
  await page.getByLabel('Parties (names and roles)').fill('The mother, the pupil, the attendance lead');
  await page.getByLabel('The parents will').fill('Bring the pupil to school for 8.40am');
  await page.getByLabel('The school will').fill('A morning check-in with a key adult');
  await page.getByLabel('Support offered, and by whom').fill('Breakfast club (school)');
  await page.getByLabel('Review dates (dd/mm/yyyy, commas between)').fill('15/12/2026, 12/01/2027');
  await expectAccessible(page, 'attendance contract form');
  await page.getByRole('button', { name: 'Save the contract' }).click();
  await expect(page.getByRole('heading', { name: `${pupil.name}: agreed 01/12/2026` })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make the Word copy' }).click();
  const docx = await download;
  expect(docx.suggestedFilename()).toMatch(/attendance-contract\.docx$/);
  await expect(page.getByText(/^Word copy made and logged/)).toBeVisible();
  const text = await asPdfText(docx, 'attendance-contract');
  expect(text).toContain('attendance contract');
  expect(text).toContain('Bring the pupil to school for 8.40am');
  expect(text).toContain('15/12/2026, 12/01/2027');
  await page.getByLabel(`Signed copy for ${pupil.name}`).setInputFiles({
    name: 'signed-contract.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 signed'),
  });
  await expect(page.getByText('Signed copy kept: signed-contract.pdf.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open signed-contract.pdf' })).toBeVisible();
  await expectAccessible(page, 'attendance contracts');
  await page.screenshot({
    path: path.join('reports', 'screens', 'attendance-contracts.png'),
    fullPage: true,
  });
  // the Letters screen offers no agreement letter for a batch; the core refuses one whatever is sent
  await page.goto('/#/letters');
  await expect(page.getByText(/Agreement letters .* never in a batch/)).toBeVisible();
  await expect(page.getByLabel('Letter').locator('option', { hasText: 'Attendance contract' })).toHaveCount(
    0,
  );
  expect(await rpc(page, 'letters.candidates', { template: 'attendance-contract' })).toMatchObject({
    ok: false,
    error: { kind: 'refused' },
  });
});

test("the part-time timetable's agreement letter is made from its record", async () => {
  test.setTimeout(120_000);
  await signIn(page, 'lead', `/${timetableUrl}`);
  await expect(page.getByRole('heading', { name: `Part-time timetable: ${pupil.name}` })).toBeVisible({
    timeout: 30_000,
  });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make the agreement letter' }).click();
  const text = await asPdfText(await download, 'part-time-timetable');
  expect(text).toContain('part-time timetable agreement');
  expect(text).toContain('Not expected in school: Mon PM, Tue PM, Wed PM, Thu PM, Fri PM');
  await expect(page.getByText(/^Agreement letter made and logged/)).toBeVisible();
});

/** Saves a downloaded Word file, converts it with LibreOffice, keeps page 1 as a PNG to look at, returns its text. */
async function asPdfText(d: import('@playwright/test').Download, png: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${png}-`));
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 180_000, stdio: 'ignore' },
  );
  const pdf = file.replace(/\.docx$/, '.pdf');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    path.join('reports', 'screens', png),
  ]);
  return execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
}

test('health and SEND on the pupil page: the lead sees the plans, the office only the professionals', async () => {
  test.setTimeout(120_000);
  await signIn(page, 'lead', `/#/pupils/${pupil.id}`);
  const card = page.getByRole('region', { name: 'Health, SEND and professionals' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByLabel('Individual healthcare plan').check();
  await card.getByLabel('Plan review on').fill('15/01/2027');
  await card.getByRole('button', { name: 'Save the plans' }).click();
  await expect(card.getByText(/^Last saved by/)).toBeVisible();
  await card.getByLabel('Who').selectOption({ label: 'Youth offending worker' });
  await card.getByRole('textbox', { name: /^Name/ }).fill('Sam Reid');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByText('Youth offending worker: Sam Reid')).toBeVisible();
  await expectAccessible(page, 'pupil health');
  await card.screenshot({ path: path.join('reports', 'screens', 'pupil-health.png') });
  await signIn(page, 'office', `/#/pupils/${pupil.id}`);
  const office = page.getByRole('region', { name: 'Health, SEND and professionals' });
  await expect(office.getByText('Youth offending worker: Sam Reid')).toBeVisible();
  await expect(office.getByText(/are shown to the attendance lead and the head/)).toBeVisible();
  await expect(office.getByLabel('Individual healthcare plan')).toHaveCount(0);
  expect(await rpc(page, 'arrangements.health', { pupilId: pupil.id })).toMatchObject({
    ok: true,
    value: { health: null },
  });
});
