// The governor report on the demo school: the lead produces the final report in one click from the suggested key
// messages, with a progress bar; a governor then opens it from the governor reports page and sees no produce form.
// Then the lead records the board's target (progress here and on the dashboard), imports the DfE absence file
// (a bad one refused by its line, a good one previewed first) and sends the termly update to every family.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expectAccessible } from './axe';
import { signIn } from './session';

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } })
  ).newPage();
});
test.afterAll(async () => {
  await page.close();
});

test('the lead produces the final governor report', async () => {
  await signIn(page, 'lead', '/#/governors');
  await expect(page.getByRole('heading', { name: 'Governor reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Key messages, one a line (at most 5)')).toHaveValue(
    /Attendance for the period was/,
  );
  await expectAccessible(page, 'governor reports (lead)');
  await page.screenshot({ path: 'test-results/governors-lead.png' });
  await page.getByRole('button', { name: 'Produce the final report' }).click();
  await expect(page.getByRole('table', { name: 'Final governor reports' })).toContainText(
    'Attendance report to governors',
    { timeout: 60_000 }, // a job with a progress bar; the machine running the tests may be busy
  );
});

test('a governor opens the final report and cannot produce one', async () => {
  await signIn(page, 'governor', '/#/governors');
  await expect(page.getByRole('heading', { name: 'Governor reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Produce the final report' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Open Attendance report to governors/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^governors-.*\.docx$/);
  await expectAccessible(page, 'governor reports (governor)');
});

test("the lead records the board's target and sees progress here and on the dashboard", async () => {
  await signIn(page, 'lead', '/#/governors');
  const form = page.getByRole('form', { name: "Record the board's target" });
  await form.getByLabel('Attendance target (%)').fill('40');
  await form.getByLabel('Persistent absence target (%)').fill('12');
  await form.getByRole('button', { name: 'Record the target' }).click();
  await expect(form).toContainText('an attendance target is a percentage from 50 to 100');
  await form.getByLabel('Attendance target (%)').fill('99.5');
  await form.getByRole('button', { name: 'Record the target' }).click();
  const progress = page.getByRole('table', { name: "Progress against the board's target" });
  // the refetch waits behind the report preview the save also refreshes, which takes seconds on a busy machine
  await expect(progress).toBeVisible({ timeout: 30_000 });
  // the year's figures load after the table (the dashboard's figures): seconds on a busy machine
  await expect(page.getByTestId('target-attendance')).toContainText(/Behind the target \(−\d+\.\d points\)/, {
    timeout: 30_000,
  });
  await expectAccessible(page, 'governor reports with the target');
  await page.screenshot({ path: 'test-results/governors-target.png', fullPage: true });
  await page.goto('/#/dashboard');
  const card = page.getByRole('region', { name: "The board's target for 2026/27" });
  await expect(card.getByTestId('target-attendance')).toContainText('Behind the target', { timeout: 30_000 });
  await expect(card.getByRole('cell', { name: '99.5%' })).toBeVisible();
});

test('the lead imports the DfE absence file: a bad file is refused with its line, a good one previewed first', async () => {
  await signIn(page, 'lead', '/#/governors');
  const picker = page.getByLabel('Choose the DfE absence file');
  await picker.setInputFiles(path.resolve('test/fixtures', 'dfe-absence-bad.csv'));
  const refused = page.getByRole('alert').filter({ hasText: 'The file cannot be imported' });
  // the check waits behind the report preview the page opens with, which takes seconds on a busy machine
  await expect(refused).toContainText('line 5', { timeout: 30_000 });
  await picker.setInputFiles(path.resolve('test/fixtures', 'dfe-absence.csv'));
  const rows = page.getByRole('table', { name: 'Rows the import will write' });
  await expect(rows).toContainText('England', { timeout: 30_000 });
  await expect(rows).toContainText('2023/24 full year, census');
  await expectAccessible(page, 'DfE file preview');
  await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect(page.getByText(/^Imported \d+ rows? for England/)).toBeVisible();
  await page.goto('/#/dashboard');
  await expect(page.getByRole('main')).toContainText('dfe-absence.csv');
});

test('the lead sends the termly update to every family in one batch', async () => {
  test.setTimeout(180_000);
  await signIn(page, 'lead', '/#/letters');
  await page.getByLabel('Letter', { exact: true }).selectOption('termly-update');
  await expect(page.getByLabel('Pupils', { exact: true })).toHaveValue('any');
  await expect(page.getByLabel('From')).toHaveValue('01/09/2026');
  const table = page.getByRole('table', { name: 'Pupils for this letter' });
  await expect(table.getByRole('row').nth(50)).toBeVisible({ timeout: 60_000 }); // every pupil of the school
  const generate = page.getByRole('button', { name: /^Generate \d+ letters?$/ });
  const everyone = (await generate.textContent()) ?? '';
  expect(Number(/Generate (\d+)/.exec(everyone)![1])).toBeGreaterThan(50);
  // the batch itself for one year group, to keep this run short (the whole school: test/integration/letters-termly)
  await page.getByLabel('Year group').selectOption('3');
  await expect(page.getByLabel('Pupils', { exact: true })).toHaveValue('any');
  await expect(generate).not.toHaveText(everyone);
  await expect(generate).toHaveText(/^Generate [1-9]\d* letters?$/, { timeout: 30_000 });
  const pupils = Number(/Generate (\d+)/.exec((await generate.textContent()) ?? '')![1]);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'termly-e2e-'));
  await page.getByLabel('Save the letters in this folder').fill(folder);
  await generate.click();
  const saved = page.getByRole('list', { name: 'Letters saved' });
  await expect(saved).toBeVisible({ timeout: 120_000 });
  const all = fs.readdirSync(folder);
  expect(all.filter((f) => f.startsWith('All letters - Termly attendance update'))).toHaveLength(1);
  const files = all.filter((f) => !f.startsWith('All letters'));
  // one letter per household: siblings share one, parents at two addresses get one each
  expect(files.length).toBe(await saved.getByRole('listitem').count());
  expect(pupils).toBeGreaterThan(0);
  const xml = strFromU8(
    unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, files[0]))))['word/document.xml'],
  );
  const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(text).toContain('Attendance update: Autumn term 2026/27');
  expect(text).toContain('School year so far');
  expect(text).not.toContain('{{');
  await expectAccessible(page, 'termly update batch done');
});
