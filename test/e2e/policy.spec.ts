// The attendance policy on the demo school (docs/rules/policy.md): the lead drafts version 1, the headteacher
// approves it, the lead records its publication and sends the one-page summary to new families only. Both Word
// documents are opened in LibreOffice (PDF, then PNG pages) to check they are real documents with pages.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signIn } from './session';

test.describe.configure({ mode: 'serial' });

const OUT = path.join('test-results', 'policy');
let page: Page;
test.beforeAll(async ({ browser }) => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } })
  ).newPage();
});
test.afterAll(async () => {
  await page.close();
});

/** Saves the download, converts it to PDF and PNG pages; returns the PNG files. */
async function pages(download: Download, name: string): Promise<string[]> {
  const docx = path.join(OUT, `${name}.docx`);
  await download.saveAs(docx);
  const profile = `file://${path.resolve(OUT, 'lo-profile')}`;
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = path.join(OUT, `${name}.pdf`);
  expect(fs.existsSync(pdf)).toBe(true);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUT, name)], { timeout: 60_000 });
  return fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

test('the lead drafts version 1 of the policy', async () => {
  await signIn(page, 'lead', '/#/policy');
  await expect(page.getByRole('heading', { name: 'Attendance policy', level: 1 })).toBeVisible();
  await expect(page.getByText('No version of the policy has been approved yet.')).toBeVisible();
  await page.getByLabel('What changed in this version').fill('First policy written from the app');
  await page.getByLabel('Next review by').fill('01/09/2027');
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page.getByRole('heading', { name: 'Draft of version 1' })).toBeVisible();
  await expect(page.getByText('The headteacher approves the draft.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve version/ })).toHaveCount(0);
  await expectAccessible(page, 'policy draft (lead)');
});

test('the headteacher approves it, and the approved policy opens as a document with pages', async () => {
  await signIn(page, 'head', '/#/policy');
  await page.getByRole('button', { name: 'Approve version 1' }).click();
  await expect(page.getByText('Approved, not yet published · version 1')).toBeVisible();
  const table = page.getByRole('table', { name: 'Versions of the policy' });
  await expect(table).toContainText('01/12/2026 by');
  await expect(table).toContainText('01/09/2027');
  await page.screenshot({ path: path.join(OUT, 'screen-head.png') });
  await expectAccessible(page, 'policy approved (head)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download version 1 (.docx)' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('Attendance-policy-v1.docx');
  expect((await pages(d, 'policy')).length).toBeGreaterThanOrEqual(3);
});

test('the lead publishes it and sends the summary to new families only', async () => {
  await signIn(page, 'lead', '/#/policy');
  await page.getByRole('button', { name: 'Record the publication' }).click();
  await expect(page.getByText('Approved and published · version 1')).toBeVisible();
  await expect(page.getByRole('radio', { name: /New families only/ })).toBeChecked();
  await expect(page.getByLabel('Admitted on or after')).toHaveValue('01/09/2026');
  await page.getByRole('button', { name: 'Produce the summary letters' }).click();
  await expect(page.getByRole('status').filter({ hasText: /letters? made in/ })).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: path.join(OUT, 'screen-lead.png'), fullPage: true });
  await expectAccessible(page, 'policy summary sent (lead)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all to print (.docx)' }).click();
  const pngs = await pages(await download, 'summary');
  expect(pngs.length).toBeGreaterThanOrEqual(1);
});
