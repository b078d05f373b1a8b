// Letters as a new attendance lead tries them on the demo school: the persistently absent pupils of one year,
// a preview, the batch generated with a progress bar into a folder, and the log and ladder on a pupil's page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { signIn } from './session';
import { expectAccessible } from './axe';

test.describe.configure({ mode: 'serial' });

test('the lead previews and generates the letters for the persistently absent pupils of Year 3', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/letters');
  await expect(page.getByRole('heading', { name: 'Letters to parents' })).toBeVisible();
  await page.getByLabel('Year group').selectOption('3');
  await expect(page.getByLabel('Pupils', { exact: true })).toHaveValue('persistent_or_severe');
  const table = page.getByRole('table', { name: 'Pupils for this letter' });
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expect(table.getByRole('row').nth(1)).toContainText(/\d+\.\d%/);
  await expect(table).toContainText('None');
  // pupils whose absence is mostly illness are flagged (G2) and not ticked; the health letter is offered
  await expect(table).toContainText('G2');
  await expect(
    table.getByRole('button', { name: /Use Attendance concern: health and wellbeing/ }).first(),
  ).toBeVisible();
  await expectAccessible(page, 'letters batch');

  const generate = page.getByRole('button', { name: /^Generate \d+ letters?$/ });
  const label = await generate.textContent();
  const n = Number(/Generate (\d+)/.exec(label ?? '')![1]);
  expect(n).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Preview the first letters' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the first letters' });
  await expect(preview).toContainText('Dear ');
  await expect(preview).toContainText(/attended \d+\.\d% of the \d+ sessions/);
  await expect(preview).toContainText('Riverside Primary School');
  await expect(preview).toContainText('1 December 2026');

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'letters-e2e-'));
  await page.getByLabel('Save the letters in this folder').fill(folder);
  await generate.click();
  await expect(page.getByRole('progressbar', { name: 'Generating letters' })).toBeVisible();
  const saved = page.getByRole('list', { name: 'Letters saved' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const files = fs.readdirSync(folder);
  expect(files.filter((f) => f.startsWith('All letters - Attendance concern'))).toHaveLength(1);
  expect(files.length).toBeGreaterThanOrEqual(n + 1);
  // each saved letter, opened again, names its pupil and addressees and gives the figures and dates
  const first = (await saved.getByRole('listitem').first().textContent()) ?? '';
  const [, fileName, to, pupil] = /^(.+?\.docx): to (.+?) \((.+?), ref\./.exec(first)!;
  const xml = strFromU8(
    unzipSync(new Uint8Array(fs.readFileSync(path.join(folder, fileName))))['word/document.xml'],
  );
  const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(text).toContain(`Dear ${to.split('; ')[0]}`);
  expect(text).toContain(pupil.split(' ')[0]);
  expect(text).toMatch(/attended \d+\.\d% of the \d+ sessions/);
  expect(text).toContain('Between 1 September 2026 and 1 December 2026');
  expect(text).not.toContain('{{');
  await expectAccessible(page, 'letters batch done');

  // the pupil page shows the letter in the log and the ladder moves to Concern
  await saved.getByRole('link').first().click();
  const letters = page.getByRole('region', { name: 'Letters to parents' });
  await expect(letters.getByRole('table', { name: 'Letter log' })).toContainText('Attendance concern');
  await expect(letters).toContainText('Stage: Concern');
  await expect(letters).toContainText('Invite the family to an attendance meeting');
  await letters.getByRole('button', { name: 'Mark as sent' }).first().click();
  await expect(letters.getByRole('table', { name: 'Letter log' })).toContainText(/post on 01\/12\/2026/);
  await expectAccessible(page, 'pupil page letters');

  // the next step for this pupil: an invitation to a meeting, written for this pupil alone with the meeting's details
  await letters.getByRole('link', { name: 'write them on the Letters screen' }).click();
  await expect(page.getByText('For one pupil only.')).toBeVisible();
  await page.getByLabel('Letter', { exact: true }).selectOption('attendance-meeting');
  await expect(page.getByRole('table', { name: 'Pupils for this letter' }).getByRole('row')).toHaveCount(2);
  await page.getByLabel('Meeting date').fill('08/12/2026');
  await page.getByLabel('Meeting time').fill('15:30');
  await page.getByLabel('Meeting place (or "by phone")').fill('the school library');
  await page.getByLabel('Who will be there').fill('Mrs J. Okafor');
  await page.getByRole('button', { name: 'Preview the first letters' }).click();
  const meetingPreview = page.getByRole('region', { name: 'Preview of the first letters' });
  await expect(meetingPreview).toContainText('Date: Tuesday 8 December 2026');
  await expect(meetingPreview).toContainText('Time: 3.30pm');
  await expect(meetingPreview).toContainText('Place: the school library');
  await expectAccessible(page, 'letters one pupil');

  // back on the batch screen the same pupils are now at Concern, and sending the same stage again is flagged (G6)
  await page.goto('/#/letters');
  await page.getByLabel('Letter', { exact: true }).selectOption('attendance-concern');
  await page.getByLabel('Year group').selectOption('3');
  await expect(page.getByLabel('Pupils', { exact: true })).toHaveValue('persistent_or_severe');
  await expect(page.getByRole('table', { name: 'Pupils for this letter' })).toContainText('G6');
});

test('the template library lists the placeholders and checks an upload', async ({ page }) => {
  await signIn(page, 'lead', '/#/letters/templates');
  await expect(page.getByRole('heading', { name: 'Letter templates' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Formal warning/ })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('not a word file'),
  });
  await expect(page.getByRole('alert')).toContainText('could not be opened as a zip');
  await expectAccessible(page, 'letter templates');
  await signIn(page, 'head', '/#/settings');
  await expect(page.getByRole('heading', { name: 'Letters' })).toBeVisible();
  await expect(page.getByLabel('School phone')).toHaveValue('01632 960000');
  await expectAccessible(page, 'settings letters');
});
