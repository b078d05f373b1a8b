// Letters end to end on a real database: addressees by household (G8), siblings combined, guardrails through the
// contract, the append-only log and its sends, the ladder, school templates (checks and refusals), batches
// written to a folder with one combined document, and the CLI of docs/cli.md.
import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { dispatch } from '../../main/core/dispatch';
import { makeCtx } from '../../main/core/context';
import { planLetters } from '../../main/core/letters/letter-plan';
import { renderLetter } from '../../main/core/letters/render';
import { combineLetters, documentText, unzipDocx } from '../../main/core/letters/docx-xml';
import { ladderStages } from '../../main/core/letters/ladder';
import { waitForJob } from '../../main/core/letters/jobs';
import { runCli } from '../../main/cli/attendance';
import { ok, rowCount, STAFF_SESSION, tempDir } from '../helpers/store';
import { lettersSchool, LETTERS_TODAY, type LettersSchool } from '../helpers/letters';
import type { Session } from '../../shared/contract';

async function cli(args: string[]) {
  let out = '',
    err = '';
  const code = await runCli(args, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

function shipped(name: string): Uint8Array {
  return new Uint8Array(
    fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'letters', `${name}.docx`)),
  );
}
function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): string {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml'])));
  return Buffer.from(zipSync(files)).toString('base64');
}

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let s: LettersSchool;
beforeAll(() => {
  s = lettersSchool();
});
const ctx = () => makeCtx(s.store, STAFF_SESSION);

describe('addressees (G8)', () => {
  it('writes one letter per household: a parent at another address with parental responsibility gets their own', () => {
    const plan = planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.truant] });
    expect(plan.plans.map((p) => p.household.names)).toEqual([['Ann Truman'], ['Ben Truman']]);
    expect(plan.plans[1].values['recipient.address']).toEqual(['9 Quay Street', 'Portsea', 'PO1 9QS']);
  });
  it('puts parents of one household on one letter, but formal notices go to each parent by name', () => {
    expect(
      planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.sib1] }).plans.map(
        (p) => p.household.names,
      ),
    ).toEqual([['Eve Sibley', 'Finn Sibley']]);
    const formal = planLetters(ctx(), {
      template: 'formal-warning',
      pupilIds: [s.ids.sib1],
      overrideReason: 'test',
    });
    expect(formal.plans.map((p) => p.household.names)).toEqual([['Eve Sibley'], ['Finn Sibley']]);
  });
  it('never writes to a restricted contact, and leaves out a pupil with no parent to write to', () => {
    const r = ok(s.store, 'letters.restrictContact', {
      pupilId: s.ids.truant,
      contactName: 'Ben Truman',
      reason: 'Court order: no contact',
    });
    const plan = planLetters(ctx(), {
      template: 'attendance-concern',
      pupilIds: [s.ids.truant, s.ids.noParent],
    });
    expect(plan.plans.map((p) => p.household.names)).toEqual([['Ann Truman']]);
    expect(plan.leftOut).toEqual([
      expect.objectContaining({ pupilId: s.ids.noParent, reason: expect.stringContaining('no parent') }),
    ]);
    ok(s.store, 'letters.liftRestriction', { id: r.id });
    expect(
      planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.truant] }).plans,
    ).toHaveLength(2);
  });
  it('combines siblings of one household where the template says so', () => {
    const upd = planLetters(ctx(), {
      template: 'termly-update',
      pupilIds: [s.ids.sib1, s.ids.sib2, s.ids.ill],
    });
    expect(upd.plans).toHaveLength(2);
    const sib = upd.plans.find((p) => p.pupilId === s.ids.sib1)!;
    expect(sib.siblingIds).toEqual([s.ids.sib2]);
    expect(sib.values['pupils.names']).toBe('Sam Sibley and Sara Sibley');
    expect(
      planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.sib1, s.ids.sib2] }).plans,
    ).toHaveLength(2);
  });
});

describe('figures and dates (G7)', () => {
  it('names the period and as-of date in long form and gives attendance to one decimal, as report pupils does', async () => {
    const period = { from: '2025-09-03', to: LETTERS_TODAY };
    const report = ok(s.store, 'reports.pupilFigures', { pupilId: s.ids.sib1, ...period }).figures;
    const plan = planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.sib1], ...period });
    const v = plan.plans[0].values;
    expect(v['figures.attendancePct']).toBe(`${(Math.round(report.attendancePct! * 10) / 10).toFixed(1)}%`);
    expect(v['figures.possible']).toBe(String(report.possible));
    expect(v['period.from']).toBe('3 September 2025');
    expect(v.asOf).toBe('10 December 2025');
    expect(v['registers.closeAM']).toBe('9.10am');
  });
});

describe('signatory (G5)', () => {
  it('letters with legal weight are signed by the attendance champion, others by the signatory in settings', () => {
    const settings = { ...ok(s.store, 'letters.settings', {}) } as Record<string, unknown>;
    delete settings.hasLogo;
    delete settings.logoType;
    ok(s.store, 'letters.saveSettings', {
      ...settings,
      signatoryName: 'Ms Office Manager',
      signatoryPosition: 'Office manager',
    } as never);
    const concern = planLetters(ctx(), { template: 'attendance-concern', pupilIds: [s.ids.sib1] }).plans[0]
      .values;
    expect([concern['signatory.name'], concern['signatory.position']]).toEqual([
      'Ms Office Manager',
      'Office manager',
    ]);
    const formal = planLetters(ctx(), {
      template: 'formal-warning',
      pupilIds: [s.ids.sib1],
      overrideReason: 'test',
    }).plans[0].values;
    expect([formal['signatory.name'], formal['signatory.position']]).toEqual(['A Champion', 'Deputy Head']);
    ok(s.store, 'letters.saveSettings', {
      ...settings,
      signatoryName: null,
      signatoryPosition: null,
    } as never);
  });
});

describe('guardrails through the contract', () => {
  it('refuses legal wording for a pupil outside compulsory school age, with a plain message, unless a reason is given', () => {
    const r = dispatch(
      s.store,
      'letters.preview',
      { template: 'penalty-warning', pupilIds: [s.ids.young] },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('refused');
      expect(r.error.message).toMatch(/not of compulsory school age/);
    }
    const ok2 = dispatch(
      s.store,
      'letters.preview',
      {
        template: 'penalty-warning',
        pupilIds: [s.ids.young],
        overrideReason: 'LA officer asked for it in writing',
      },
      STAFF_SESSION,
    );
    expect(ok2.ok).toBe(true);
  });
  it('offers the health variant for a pupil whose absence is illness', () => {
    const c = ok(s.store, 'letters.candidates', {
      template: 'attendance-concern',
      yearGroup: '3',
      band: 'persistent_or_severe',
    });
    const ill = c.pupils.find((p) => p.pupilId === s.ids.ill)!;
    expect(ill.flags).toEqual([
      expect.objectContaining({ code: 'G2', suggest: 'attendance-concern-health' }),
    ]);
    expect(c.pupils.find((p) => p.pupilId === s.ids.truant)!.flags).toEqual([]);
    expect(c.leftOut.map((x) => x.pupilId)).toEqual([s.ids.noParent]);
  });
  it('lets only the head or the attendance lead approve letters with legal weight (G5)', () => {
    const office: Session = { userName: 'Office', position: 'Clerk', roles: ['office'] };
    const r = dispatch(
      s.store,
      'letters.preview',
      { template: 'leave-refused', pupilIds: [s.ids.truant], extra: { 'leave.from': '2026-01-05' } },
      office,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('forbidden');
    }
  });
});

describe('the log, sends and the ladder', () => {
  it('logs each letter with its figures, addressees and file hash; the log cannot be changed; sends are added', async () => {
    const r = await renderLetter(ctx(), { template: 'attendance-concern', pupilId: s.ids.sib1 });
    const log = ok(s.store, 'letters.log', { pupilId: s.ids.sib1 });
    const e = log.entries.find((x) => x.id === r.logId)!;
    expect(e).toMatchObject({
      template: 'attendance-concern',
      stage: 'concern',
      templateVersion: 'shipped',
      periodFrom: '2025-09-01',
      asOf: LETTERS_TODAY,
      generatedBy: 'Test Office',
    });
    expect(e.addressees).toEqual([
      { names: ['Eve Sibley', 'Finn Sibley'], address: '5 Park Row, Riverside, RV4 5PR' },
    ]);
    const file = ok(s.store, 'letters.file', { logId: r.logId });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(e.fileSha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(documentText(unzipDocx(bytes)).join('\n')).toContain('Dear Eve Sibley and Finn Sibley');
    expect(() =>
      s.store.db.prepare('UPDATE letter_log SET stage = ? WHERE id = ?').run('none', r.logId),
    ).toThrow(/append-only/);
    expect(() => s.store.db.prepare('DELETE FROM letter_files WHERE log_id = ?').run(r.logId)).toThrow(
      /append-only/,
    );
    ok(s.store, 'letters.markSent', { logId: r.logId, method: 'post', sentOn: LETTERS_TODAY });
    const bad = dispatch(
      s.store,
      'letters.markSent',
      { logId: r.logId, method: 'email', sentOn: '2025-12-01' },
      STAFF_SESSION,
    );
    expect(bad.ok).toBe(false);
    expect(
      ok(s.store, 'letters.log', { pupilId: s.ids.sib1 }).entries.find((x) => x.id === r.logId)!.sends,
    ).toEqual([{ method: 'post', sentOn: LETTERS_TODAY, recordedBy: 'Test Office', note: null }]);
  });

  it('flags the same stage sent again within 20 school days (G6) and moves the ladder with letters and meetings held', async () => {
    expect(ladderStages(s.store.db, [s.ids.truant]).get(s.ids.truant)!.stage).toBe('none');
    await renderLetter(ctx(), { template: 'attendance-concern', pupilId: s.ids.truant });
    const l1 = ladderStages(s.store.db, [s.ids.truant]).get(s.ids.truant)!;
    expect(l1).toMatchObject({ stage: 'concern', nextTemplate: 'attendance-meeting' });
    await expect(
      renderLetter(ctx(), { template: 'attendance-concern', pupilId: s.ids.truant }),
    ).rejects.toThrow(/An attendance concern was already sent .* today/);
    const again = await renderLetter(ctx(), {
      template: 'attendance-concern',
      pupilId: s.ids.truant,
      overrideReason: 'The first letter went to an old address',
    });
    expect(
      ok(s.store, 'letters.log', { pupilId: s.ids.truant }).entries.find((x) => x.id === again.logId),
    ).toMatchObject({
      overrideReason: 'The first letter went to an old address',
      flags: [expect.objectContaining({ code: 'G6' })],
    });
    ok(s.store, 'letters.saveMeeting', {
      pupilId: s.ids.truant,
      kind: 'attendance',
      date: '2025-12-09',
      time: '09:30',
      place: 'Office',
      attendees: 'Mrs Okafor',
      held: true,
      notes: 'Mornings are hard',
    });
    expect(ladderStages(s.store.db, [s.ids.truant]).get(s.ids.truant)!).toMatchObject({
      stage: 'meeting',
      meetingsHeld: 1,
      nextTemplate: 'formal-warning',
    });
    // support is now on record, so a formal warning is not refused by G1
    const plan = planLetters(ctx(), { template: 'formal-warning', pupilIds: [s.ids.truant] });
    expect(plan.leftOut).toEqual([]);
    expect((plan.plans[0].values['support.history'] as string[]).join('\n')).toMatch(
      /attendance concern letter[\s\S]*attendance meeting held/,
    );
  });
});

describe('school templates', () => {
  it('lists the placeholders of an uploaded template and keeps every version', () => {
    const b64 = withDocumentXml(shipped('attendance-concern'), (x) =>
      x.replace('We are writing because', 'Hello from our own wording. We are writing because'),
    );
    const up = ok(s.store, 'letters.templateUpload', { name: 'attendance-concern', base64: b64 });
    expect(up).toMatchObject({ version: 1, unknown: [], split: [] });
    expect(up.placeholders).toContain('figures.attendancePct');
    const t = ok(s.store, 'letters.templates', {}).templates.find((x) => x.name === 'attendance-concern')!;
    expect(t).toMatchObject({ source: 'school', version: 'school v1' });
    ok(s.store, 'letters.templateRevert', { name: 'attendance-concern' });
    expect(
      ok(s.store, 'letters.templates', {}).templates.find((x) => x.name === 'attendance-concern')!.source,
    ).toBe('shipped');
    expect(rowCount(s.store, 'letter_templates')).toBe(2);
  });
  it('warns about unknown placeholders and refuses to make letters from them', () => {
    const b64 = withDocumentXml(shipped('improvement'), (x) =>
      x.replace('{{school.name}}', '{{school.nmae}}'),
    );
    const check = ok(s.store, 'letters.templateCheck', { name: 'improvement', base64: b64 });
    expect(check.unknown).toEqual(['school.nmae']);
    expect(check.warnings.join(' ')).toMatch(/\{\{school\.nmae\}\} is not a field the app knows/);
    ok(s.store, 'letters.templateUpload', { name: 'welcome', title: 'Welcome back', base64: b64 });
    const r = dispatch(
      s.store,
      'letters.preview',
      { template: 'welcome', pupilIds: [s.ids.sib1] },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/uses \{\{school\.nmae\}\}, which the app does not know/);
    }
  });
  it('warns about a placeholder Word split across runs, and still fills it in', async () => {
    const b64 = withDocumentXml(shipped('attendance-meeting'), (x) =>
      x.replace(
        '<w:t xml:space="preserve">{{school.name}}</w:t></w:r>',
        '<w:t xml:space="preserve">{{school.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">name}}</w:t></w:r>',
      ),
    );
    const check = ok(s.store, 'letters.templateCheck', { name: 'attendance-meeting', base64: b64 });
    expect(check.split).toEqual(['school.name']);
    expect(check.warnings.join(' ')).toMatch(/split across/);
    ok(s.store, 'letters.templateUpload', { name: 'attendance-meeting', base64: b64 });
    const r = await renderLetter(ctx(), {
      template: 'attendance-meeting',
      pupilId: s.ids.sib1,
      extra: {
        'meeting.date': '2025-12-16',
        'meeting.time': '10:00',
        'meeting.place': 'Library',
        'meeting.attendees': 'Mrs Okafor',
      },
    });
    const xml = strFromU8(unzipDocx(r.bytes)['word/document.xml']);
    expect(xml).not.toContain('{{');
    expect(documentText(unzipDocx(r.bytes)).join('\n')).toContain('Test Primary');
    ok(s.store, 'letters.templateRevert', { name: 'attendance-meeting' });
  });
  it('refuses a broken file with a clear message and stores nothing', () => {
    const before = rowCount(s.store, 'letter_templates');
    const cases: [string, RegExp][] = [
      [
        Buffer.from('this is not a zip file at all').toString('base64'),
        /not a Word document \(\.docx\): it could not be opened as a zip/,
      ],
      [Buffer.from(zipSync({ 'hello.txt': strToU8('hi') })).toString('base64'), /has no word\/document\.xml/],
      [
        withDocumentXml(shipped('improvement'), (x) => x.replace('</w:body>', '<w:p></w:body>')),
        /not well-formed XML/,
      ],
    ];
    for (const [b64, msg] of cases) {
      const r = dispatch(
        s.store,
        'letters.templateUpload',
        { name: 'improvement', base64: b64 },
        STAFF_SESSION,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('invalid');
        expect(r.error.message).toMatch(msg);
      }
    }
    expect(rowCount(s.store, 'letter_templates')).toBe(before);
  });
});

describe('batches', () => {
  it(`writes one .docx per letter and one combined document to the folder, logs each, and \
LibreOffice opens them with one page per letter`, async () => {
    const settings = {
      ...ok(s.store, 'letters.settings', {}),
      phone: '01632 960000',
      email: 'office@test.example',
    } as Record<string, unknown>;
    delete settings.hasLogo;
    delete settings.logoType;
    const notImage = dispatch(
      s.store,
      'letters.saveSettings',
      { ...settings, logoBase64: Buffer.from('GIF89a').toString('base64') } as never,
      STAFF_SESSION,
    );
    expect(notImage.ok).toBe(false);
    ok(s.store, 'letters.saveSettings', { ...settings, logoBase64: PNG_1PX } as never);
    expect(ok(s.store, 'letters.settings', {})).toMatchObject({
      hasLogo: true,
      logoType: 'png',
      phone: '01632 960000',
    });
    const folder = path.join(tempDir(), 'Attendance letters');
    const pupilIds = [s.ids.truant, s.ids.sib1, s.ids.young, s.ids.noParent];
    const g = ok(s.store, 'letters.generate', { template: 'termly-update', pupilIds, folder });
    expect(g.leftOut.map((x) => x.pupilId)).toEqual([s.ids.noParent]);
    const job = await waitForJob(g.jobId);
    expect(job.status).toBe('done');
    const files = fs.readdirSync(folder).sort();
    expect(files.length).toBe(g.letters + 1);
    expect(job.result!.combinedFile).toMatch(/^All letters - Termly attendance update - /);
    expect(rowCount(s.store, 'letter_log')).toBeGreaterThanOrEqual(g.letters);
    const combined = path.join(folder, job.result!.combinedFile!);
    const text = documentText(unzipDocx(new Uint8Array(fs.readFileSync(combined)))).join('\n');
    expect(text).toContain('Dear Ann Truman');
    expect(text).toContain('Dear Ben Truman');
    expect(text).toContain('Dear Dora Young');
    expect(text).toContain('Telephone 01632 960000 · Email office@test.example');
    const pkg = unzipDocx(new Uint8Array(fs.readFileSync(combined)));
    expect(Object.keys(pkg).filter((k) => k.startsWith('word/media/')).length).toBeGreaterThan(0);
    expect((strFromU8(pkg['word/document.xml']).match(/<w:drawing>/g) ?? []).length).toBe(g.letters);
    // LibreOffice (libreoffice-writer-nogui in CI) turns one letter and the combined document into PDF and PNG
    const out = path.join(tempDir(), 'pdf');
    const one = path.join(folder, job.result!.letters[0].fileName);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(tempDir(), 'lo')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        one,
        combined,
      ],
      { timeout: 180_000, stdio: 'ignore' },
    );
    const pages = (f: string) =>
      Number(
        /Pages:\s+(\d+)/.exec(
          execFileSync('pdfinfo', [path.join(out, f.replace(/\.docx$/, '.pdf'))]).toString(),
        )![1],
      );
    expect(pages(path.basename(one))).toBe(1);
    expect(pages(path.basename(combined))).toBe(g.letters);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      path.join(out, path.basename(one).replace(/\.docx$/, '.pdf')),
      path.join(out, 'page'),
    ]);
    expect(fs.readdirSync(out).some((f) => f.endsWith('.png'))).toBe(true);
  }, 240_000);

  it('joins letters whose pictures differ, carrying each picture over under its own relationship', async () => {
    const settings = { ...ok(s.store, 'letters.settings', {}) } as Record<string, unknown>;
    delete settings.hasLogo;
    delete settings.logoType;
    const a = (await renderLetter(ctx(), { template: 'policy-summary', pupilId: s.ids.sib1 })).bytes;
    const RED_2PX =
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGGEMAB8EAf+7GtS/AAAAAElFTkSuQmCC';
    ok(s.store, 'letters.saveSettings', { ...settings, logoBase64: RED_2PX } as never);
    const b = (await renderLetter(ctx(), { template: 'policy-summary', pupilId: s.ids.ill })).bytes;
    const joined = unzipDocx(combineLetters([a, b]));
    const xml = strFromU8(joined['word/document.xml']);
    const rels = strFromU8(joined['word/_rels/document.xml.rels']);
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    expect(embeds).toHaveLength(2);
    expect(new Set(embeds).size).toBe(2);
    const targets = embeds.map(
      (id) =>
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1],
    );
    for (const t of targets) {
      expect(joined[`word/${t}`]).toBeDefined();
    }
    expect(Buffer.from(joined[`word/${targets[0]}`]).equals(Buffer.from(joined[`word/${targets[1]}`]))).toBe(
      false,
    );
    expect(documentText(joined).join('\n')).toMatch(/Sam Sibley[\s\S]*Izzy Ingram/);
  });

  it('refuses a relative folder', () => {
    const r = dispatch(
      s.store,
      'letters.generate',
      { template: 'termly-update', pupilIds: [s.ids.truant], folder: 'letters' },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/full folder path/);
    }
  });
});

describe('command line', () => {
  it('letters templates --json lists every stable template with its placeholders', async () => {
    const r = await cli(['letters', 'templates', '--db', s.store.path, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      templates: { name: string; title: string; stage: string; placeholders: string[] }[];
    };
    expect(j.templates.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'first-day-absence',
        'attendance-concern',
        'policy-summary',
        'penalty-warning',
      ]),
    );
    expect(j.templates.find((t) => t.name === 'attendance-concern')!.placeholders).toContain(
      'figures.attendancePct',
    );
  });
  it('letters render writes a letter with the attendance to one decimal, and logs it', async () => {
    const out = path.join(tempDir(), 'out', 'letter.docx');
    const r = await cli([
      'letters',
      'render',
      '--db',
      s.store.path,
      '--template',
      'punctuality-concern',
      '--upn',
      s.upns.sib1,
      '--out',
      out,
      '--from',
      '2025-09-03',
      '--to',
      '2025-12-05',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = documentText(unzipDocx(new Uint8Array(fs.readFileSync(out)))).join('\n');
    expect(text).toMatch(/attendance in that time was \d{1,3}\.\d%/);
    expect(text).toContain('3 September 2025');
    expect(text).toContain('5 December 2025');
  });
  it('exits 1 with a plain sentence for an unknown template or pupil, or a guardrail, and logs an override reason', async () => {
    const out = path.join(tempDir(), 'x.docx');
    const a = await cli([
      'letters',
      'render',
      '--db',
      s.store.path,
      '--template',
      'nope',
      '--upn',
      s.upns.truant,
      '--out',
      out,
    ]);
    expect(a).toMatchObject({
      code: 1,
      err: expect.stringMatching(/There is no letter template called "nope"/),
    });
    const b = await cli([
      'letters',
      'render',
      '--db',
      s.store.path,
      '--template',
      'attendance-concern',
      '--upn',
      'A123456789012',
      '--out',
      out,
    ]);
    expect(b).toMatchObject({
      code: 1,
      err: expect.stringMatching(/There is no pupil with UPN A123456789012/),
    });
    const n = rowCount(s.store, 'letter_log');
    const c = await cli([
      'letters',
      'render',
      '--db',
      s.store.path,
      '--template',
      'formal-warning',
      '--upn',
      s.upns.young,
      '--out',
      out,
    ]);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/not of compulsory school age/);
    expect(fs.existsSync(out)).toBe(false);
    expect(rowCount(s.store, 'letter_log')).toBe(n);
    const d = await cli([
      'letters',
      'render',
      '--db',
      s.store.path,
      '--template',
      'formal-warning',
      '--upn',
      s.upns.young,
      '--out',
      out,
      '--override-reason',
      'Head agreed after LA advice',
      '--json',
    ]);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out)).toMatchObject({
      ok: true,
      flags: expect.arrayContaining(['G3']),
      overrideReason: 'Head agreed after LA advice',
    });
    const logged = s.store.db
      .prepare('SELECT override_reason AS r FROM letter_log ORDER BY id DESC LIMIT 1')
      .get() as { r: string };
    expect(logged.r).toBe('Head agreed after LA advice');
  });
  it('exits 2 for a usage error', async () => {
    expect((await cli(['letters', 'render', '--db', s.store.path])).code).toBe(2);
    expect((await cli(['letters', 'frobnicate', '--db', s.store.path])).code).toBe(2);
  });
});
