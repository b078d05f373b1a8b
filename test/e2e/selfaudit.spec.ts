// The termly self-audit on the demo school (docs/rules/self-audit.md): the lead runs the autumn audit, opens the
// list behind an item, confirms an item with a note, adds an action (which joins the casework due list), and exports
// the audit to Word, checked through LibreOffice (PDF and PNG pages kept in test-results/selfaudit for a look).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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

const OUT = path.join('test-results', 'selfaudit');

test('the lead runs the autumn audit and sees every item with its evidence', async () => {
  fs.mkdirSync(OUT, { recursive: true });
  await signIn(page, 'lead', '/#/selfaudit');
  await expect(page.getByRole('heading', { name: 'Self-audit', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Term')).toHaveValue('2026-autumn');
  await expectAccessible(page, 'self-audit terms');
  await page.getByRole('button', { name: 'Run the audit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Self-audit: Autumn term 2026/27', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  const items = page.getByRole('table', { name: 'Self-audit items' });
  await expect(items.getByRole('row')).toHaveCount(16);
  await expect(items).toContainText(
    /Registers are taken by the time they close.*\d+\.\d% \([\d,]+ of [\d,]+\)/,
  );
  await expect(items).toContainText('To be answered');
  await expect(page.getByText(/evidence measured to 01\/12\/2026/)).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'audit.png') });
  await expectAccessible(page, 'self-audit run');
});

test('the lead opens the list behind an item, confirms it with a note and adds an action', async () => {
  await page.getByRole('button', { name: /^Every pupil at risk of persistent absence/ }).click();
  await expect(page.getByRole('heading', { name: /^Every pupil at risk/, level: 2 })).toBeFocused();
  const detail = page.locator('#item-detail');
  const list = detail.getByRole('table', { name: /^The list behind/ });
  if ((await list.count()) > 0) {
    await expect(list.getByRole('link').first()).toHaveAttribute('href', /^#\/pupils\/\d+$/);
  }
  const review = page.getByRole('form', { name: 'Confirm or change the status' });
  await review.getByLabel('Status', { exact: true }).selectOption('partly_met');
  await review.getByLabel('Note (why this status)').fill('Letters went out; two families still to meet.');
  await review.getByRole('button', { name: 'Save the status' }).click();
  await expect(review.getByRole('status')).toHaveText('Status recorded: Partly met.');
  await expect(detail).toContainText('Letters went out; two families still to meet.');
  const action = page.getByRole('form', { name: 'Add an action' });
  await action.getByLabel('What is to be done').fill('Meet the remaining families before half term');
  await action.getByLabel('Owner').fill('Attendance lead');
  await action.getByLabel('Due (dd/mm/yyyy)').fill('04/12/2026');
  await action.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('table', { name: 'Actions' })).toContainText(
    'Meet the remaining families before half term',
  );
  await expect(page.getByRole('table', { name: 'Actions' })).toContainText('04/12/2026');
  await page.screenshot({ path: path.join(OUT, 'item.png'), fullPage: true });
  await expectAccessible(page, 'self-audit item');
  await page.goto('/#/casework');
  await expect(page.getByRole('table', { name: 'Casework due' })).toContainText(
    'Self-audit (Autumn term 2026/27): Meet the remaining families before half term (Attendance lead)',
  );
  await page.goBack();
});

test('the lead exports the audit to Word, and it opens in LibreOffice', async () => {
  await expect(
    page.getByRole('heading', { name: 'Self-audit: Autumn term 2026/27', level: 1 }),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export to Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('self-audit-2026-autumn.docx');
  const docx = path.resolve(OUT, 'self-audit.docx');
  await download.saveAs(docx);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.resolve(OUT), docx], {
    timeout: 120_000,
  });
  const pdf = path.resolve(OUT, 'self-audit.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.resolve(OUT, 'page')]);
  expect(fs.readdirSync(OUT).filter((f) => /^page-\d+\.png$/.test(f)).length).toBeGreaterThan(0);
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('Attendance self-audit against the DfE expectations');
  expect(text).toContain('Meet the remaining families before half term');
  expect(text).toContain('Letters went out; two families still to meet.');
  expect(text).toMatch(/\d+\.\d% \([\d,]+ of [\d,]+\)/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    /Exported: self-audit-2026-autumn\.docx\./,
  );
});
