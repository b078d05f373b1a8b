// Casework as an attendance lead runs it on the demo school (docs/rules/casework.md): a persistently absent
// pupil, two barriers (one restricted), a meeting with two actions, a reintegration plan whose part-time step puts
// C2 on the register's planned sessions, a review, the Word export (checked through LibreOffice), and the office
// reading the timeline without the restricted barrier's detail.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { rpc, signIn } from './session';
import { expectAccessible } from './axe';

test.describe.configure({ mode: 'serial' });
let pupilId = 0;
let pupilName = '';
const SECRET = 'Panic attacks on Sunday nights';

test('the lead records barriers, a meeting and a reintegration plan, reviews it and exports it', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/casework');
  await expect(page.getByRole('heading', { name: 'Casework due' })).toBeVisible();
  const due = (await rpc(page, 'casework.due', {})) as {
    ok: true;
    value: { items: { kind: string; pupilId: number; pupilName: string }[] };
  };
  const pick = due.value.items.find((i) => i.kind === 'no_support') ?? due.value.items[0];
  pupilId = pick.pupilId;
  pupilName = pick.pupilName;
  await page.goto(`/#/pupils/${pupilId}`);
  const cw = page.getByRole('region', { name: 'Casework' });
  await expect(cw).toBeVisible();

  for (const [category, text] of [
    ['Transport', 'The school bus route was withdrawn'],
    ['Mental wellbeing, anxiety, school avoidance (restricted)', SECRET],
  ]) {
    await cw.getByRole('button', { name: 'Add a barrier' }).click();
    const form = page.getByRole('form', { name: 'Add a barrier' });
    await form.getByLabel('Category').selectOption({ label: category });
    await form.getByLabel('Description').fill(text);
    await form.getByRole('button', { name: 'Save barrier' }).click();
    await expect(cw.getByRole('table', { name: 'Barriers' })).toContainText(text);
  }

  await cw.getByRole('button', { name: 'Record a meeting' }).click();
  const m = page.getByRole('form', { name: 'Record a meeting' });
  await m.getByLabel('Who attended').fill('Mum, the pupil, the attendance lead');
  await m.getByLabel("The pupil's view").fill('Mornings are the hardest part');
  await m.getByRole('checkbox').first().check();
  for (const [k, what] of ['Apply for a bus pass', 'Meet at the gate at 8:40'].entries()) {
    await m.getByRole('button', { name: 'Add an action' }).click();
    const row = m.getByRole('group', { name: `Action ${k + 1}` });
    await row.getByLabel('What').fill(what);
    await row.getByLabel('By').fill('11/12/2026');
  }
  await expectAccessible(page, 'casework meeting form');
  await m.getByRole('button', { name: 'Save meeting' }).click();
  await expect(cw.getByRole('table', { name: 'Actions' })).toContainText('Meet at the gate at 8:40');
  await expect(cw.getByRole('list', { name: /Casework timeline/ })).toContainText('Attendance meeting');

  await cw.getByRole('button', { name: 'Write a reintegration plan' }).click();
  const plan = page.getByRole('form', { name: 'Reintegration plan' });
  await plan
    .getByLabel('Why this plan')
    .fill('Persistent absence since October; a gradual return agreed with the family.');
  await plan.getByLabel('Key adult').fill('Ms L. Green');
  await plan.getByLabel(/pupil's view/).fill('I am fine once I am in, if someone meets me.');
  await plan.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('heading', { name: /Reintegration plan:/ })).toBeVisible();
  await expect(page.getByText(/[1-9]\d* C2 sessions planned/)).toBeVisible();
  // the part-time step's afternoons are planned C2 on the register (planned marks, not marks)
  const p = (await rpc(page, 'pupils.get', { id: pupilId })) as {
    ok: true;
    value: { pupil: { regGroup: string } };
  };
  const reg = (await rpc(page, 'registers.get', {
    date: '2026-12-02',
    session: 'PM',
    regGroup: p.value.pupil.regGroup,
  })) as {
    ok: true;
    value: { pupils: { pupilId: number; planned: { code: string } | null; mark: unknown }[] };
  };
  const row = reg.value.pupils.find((x) => x.pupilId === pupilId)!;
  expect(row.planned?.code).toBe('C2');
  expect(row.mark).toBeNull();

  const review = page.getByRole('form', { name: 'Record a review' });
  await review.getByLabel('Who attended').fill('Mum, the pupil, Ms L. Green');
  await review.getByLabel('Notes of the review').fill('A good first day; keep mornings for now.');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByRole('region', { name: 'Reviews' })).toContainText('A good first day');
  await expectAccessible(page, 'casework plan');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export to Word' }).click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-'));
  const docx = path.join(dir, 'plan.docx');
  await download.saveAs(docx);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
  });
  const pdf = path.join(dir, 'plan.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);
  expect(fs.readdirSync(dir).some((f) => f.endsWith('.png'))).toBe(true);
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  expect(text).toContain(pupilName);
  expect(text).toContain('During the plan');
  expect(text).toMatch(/\d+\.\d%/);
});

test('the office reads the timeline without the restricted barrier’s detail', async ({ page }) => {
  await signIn(page, 'office', `/#/pupils/${pupilId}`);
  const cw = page.getByRole('region', { name: 'Casework' });
  await expect(cw.getByRole('table', { name: 'Barriers' })).toContainText(
    'The school bus route was withdrawn',
  );
  await expect(cw.getByRole('table', { name: 'Barriers' })).toContainText(
    'Detail for the attendance lead and the head only',
  );
  await expect(cw).not.toContainText(SECRET);
  await expect(cw.getByRole('button', { name: 'Add a barrier' })).toHaveCount(0);
  await expectAccessible(page, 'casework office');
});
