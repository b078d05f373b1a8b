// Casework as an attendance lead runs it on the demo school (docs/rules/casework.md): a persistently absent
// pupil, two barriers (one restricted), a meeting with two actions, a reintegration plan whose part-time step puts
// C2 on the register's planned sessions, a review, the Word export (checked through LibreOffice), and the office
// reading the timeline without the restricted barrier's detail. Then the plan is revised (a new version, the old
// kept), a check-in is read against the week's measures, a referral gets its outcome, and the school replaces the
// plan's Word template (checked, used by the next export, then back to the shipped one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { rpc, signIn } from './session';
import { expectAccessible } from './axe';

test.describe.configure({ mode: 'serial', timeout: 120_000 }); // LibreOffice conversions on a busy machine
let pupilId = 0;
let pupilName = '';
let planUrl = '';
const SECRET = 'Panic attacks on Sunday nights';

test('the lead records barriers, a meeting and a reintegration plan, reviews it and exports it', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/casework');
  await expect(page.getByRole('heading', { name: 'Casework due' })).toBeVisible();
  // the school adds its own category, then uses it for a barrier below
  await page.getByText(/^Barrier categories/).click();
  const cat = page.getByRole('form', { name: "Add the school's own category" });
  await cat.getByLabel('New category').fill('Caring for a pet at home');
  await cat.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByRole('list', { name: 'Barrier categories' })).toContainText(
    'Caring for a pet at home',
  );
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
    ['Caring for a pet at home', 'Walks the dog before school'],
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
  planUrl = page.url();
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

type Planned = { pupilId: number; planned: { code: string } | null };
async function plannedOn(page: Page, session: 'AM' | 'PM'): Promise<string | null> {
  const p = (await rpc(page, 'pupils.get', { id: pupilId })) as { value: { pupil: { regGroup: string } } };
  const reg = (await rpc(page, 'registers.get', {
    date: '2026-12-02',
    session,
    regGroup: p.value.pupil.regGroup,
  })) as { value: { pupils: Planned[] } };
  return reg.value.pupils.find((x) => x.pupilId === pupilId)?.planned?.code ?? null;
}

test('the lead revises the plan (the old version kept) and records a check-in against the measures', async ({
  page,
}) => {
  await signIn(page, 'lead', `/${new URL(planUrl).hash}`);
  await page.getByRole('button', { name: 'Revise the plan' }).click();
  const f = page.getByRole('form', { name: 'Revise the plan' });
  await expect(f.getByLabel('Key adult')).toHaveValue('Ms L. Green');
  await f.getByLabel('Key adult').fill('Mr P. Shah');
  await f
    .getByRole('group', { name: 'Step 1' })
    .getByLabel('Sessions attended')
    .selectOption({ label: 'Afternoons only (C2 in the mornings)' });
  await f.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(f.getByText('say what changed and why')).toBeVisible(); // the form's own check, nothing sent
  await f
    .getByLabel('What changed, and why')
    .fill('Mornings are harder than afternoons; Mr Shah is in at 8.');
  await expectAccessible(page, 'casework revise plan');
  await f.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(f).toHaveCount(0);
  await expect(page.getByText(/Version 2 · open · key adult Mr P\. Shah/)).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions and exports' });
  await expect(versions).toContainText('Version 2: Mornings are harder');
  await expect(versions).toContainText('Version 1: Plan written');
  // the planned C2 moved from the afternoons to the mornings, from today on
  expect(await plannedOn(page, 'AM')).toBe('C2');
  expect(await plannedOn(page, 'PM')).toBeNull();

  const c = page.getByRole('form', { name: 'Record a check-in' });
  await expect(c.getByRole('table', { name: /against the measures/ })).toContainText(
    'Sessions attended each week (at least)',
  );
  await c.getByLabel('How the week is going').fill('Came in at 12:30 both days, settled well.');
  await c.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByRole('list', { name: 'Check-ins so far' })).toContainText('settled well');
  await expectAccessible(page, 'casework check-in');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'reports/casework-plan-revised.png', fullPage: true });
});

test('the lead records a referral and its outcome, resolves a barrier and cancels an action with a reason', async ({
  page,
}) => {
  await signIn(page, 'lead', `/#/pupils/${pupilId}`);
  const cw = page.getByRole('region', { name: 'Casework' });
  await cw.getByRole('button', { name: 'Record a referral' }).click();
  const r = page.getByRole('form', { name: 'Record a referral' });
  await r.getByLabel('Service').fill('School nurse drop-in');
  await r.getByRole('button', { name: 'Save referral' }).click();
  const table = cw.getByRole('table', { name: 'Referrals and signposting' });
  await expect(table).toContainText('Awaited');
  await table.getByRole('button', { name: 'Record the outcome: School nurse drop-in' }).click();
  const o = page.getByRole('form', { name: 'Outcome of the referral to School nurse drop-in' });
  await o.getByRole('button', { name: 'Save outcome' }).click();
  await expect(o.getByText('say what came of it')).toBeVisible();
  await o.getByLabel('What came of it').fill('Seen weekly from 8 December');
  await expectAccessible(page, 'casework referral outcome');
  await o.getByRole('button', { name: 'Save outcome' }).click();
  await expect(table).toContainText('Seen weekly from 8 December (01/12/2026)');
  await expect(table).not.toContainText('Awaited');

  await cw.getByRole('button', { name: 'Update: Transport' }).click();
  const b = page.getByRole('form', { name: 'Update the barrier: Transport' });
  await b.getByLabel('Status').selectOption({ label: 'Resolved' });
  await b.getByRole('button', { name: 'Save status' }).click();
  await expect(cw.getByRole('table', { name: 'Barriers' })).toContainText('Resolved 01/12/2026');

  await cw.getByRole('button', { name: 'Not done or cancel: Apply for a bus pass' }).click();
  const a = page.getByRole('form', { name: 'Close the action: Apply for a bus pass' });
  await a.getByLabel('What happened').selectOption({ label: 'Cancelled' });
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(a.getByText('say why the action is cancelled')).toBeVisible();
  await a.getByLabel('Why it is cancelled').fill('The bus route is back from January');
  await expectAccessible(page, 'casework close action');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  const actions = cw.getByRole('table', { name: 'Actions' });
  await expect(actions.getByRole('row', { name: /Apply for a bus pass/ })).toContainText('Cancelled');
});

test('the school replaces the plan’s Word template; the next export uses it; then back to the shipped one', async ({
  page,
}) => {
  await signIn(page, 'lead', '/#/casework');
  await page.getByRole('link', { name: "The reintegration plan's Word template" }).click();
  await expect(page.getByRole('heading', { name: "The reintegration plan's Word template" })).toBeVisible();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the template' }).click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-tpl-'));
  const shipped = path.join(dir, 'reintegration-plan.docx');
  await dl.saveAs(shipped);
  const files = unzipSync(new Uint8Array(fs.readFileSync(shipped)));
  const xml = strFromU8(files['word/document.xml']);
  expect(xml).toContain('{{plan.chart}}');
  files['word/document.xml'] = strToU8(
    xml.replace('Attendance reintegration plan', 'Our plan for coming back to school'),
  );
  const ours = path.join(dir, 'our-plan.docx');
  fs.writeFileSync(ours, zipSync(files));
  const bad = path.join(dir, 'bad-plan.docx');
  files['word/document.xml'] = strToU8(xml.replace('{{plan.why}}', '{{plan.reason}}'));
  fs.writeFileSync(bad, zipSync(files));

  await page.getByLabel('Choose a .docx file').setInputFiles(bad);
  await expect(page.getByText('This file cannot be used')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems found' })).toContainText('{{plan.reason}}');
  await expect(page.getByRole('button', { name: 'Use this template' })).toHaveCount(0);
  await page.getByLabel('Choose a .docx file').setInputFiles(ours);
  await expect(page.getByText('The file looks right')).toBeVisible();
  await expectAccessible(page, 'casework plan template');
  await page.getByRole('button', { name: 'Use this template' }).click();
  await expect(page.getByText(/Saved as version 1 of the plan template/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'In use' })).toContainText("The school's v1");

  await page.goto(`/${new URL(planUrl).hash}`);
  const [out] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export to Word' }).click(),
  ]);
  const docx = path.join(dir, 'plan.docx');
  await out.saveAs(docx);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
  });
  const text = execFileSync('pdftotext', [path.join(dir, 'plan.pdf'), '-']).toString();
  expect(text).toContain('Our plan for coming back to school');
  expect(text).toContain(pupilName);
  expect(text).toContain('Mr P. Shah');
  expect(text).toMatch(/\d+\.\d%/);
  expect(text).not.toContain('{{');
  await expect(page.getByRole('region', { name: 'Versions and exports' })).toContainText(
    "from the school's v1 template",
  );

  await page.goto('/#/casework/template');
  await page.getByRole('button', { name: 'Go back to the shipped template' }).click();
  await expect(page.getByRole('region', { name: 'In use' })).toContainText('Shipped');
});
