// The termly self-audit (docs/rules/self-audit.md): each item's evidence on a school built to meet it and one built
// to miss it, the stored evidence and confirmations that cannot be changed, actions in the casework due list, the
// history across two terms, and the Word export.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { dispatch } from '../../main/core/dispatch';
import { waitForJob } from '../../main/core/letters/jobs';
import { waitForReport } from '../../main/core/governors/jobs';
import {
  ok,
  PUPIL_HEADER,
  pupilRow,
  SCHOOL,
  setupSchool,
  STAFF_SESSION,
  tempDir,
  tempStore,
} from '../helpers/store';
import type { Store } from '../../main/core/db/connection';

const TODAY = '2025-09-19';
const TERM = '2025-autumn';
/** School days of the autumn term to TODAY in the test school (term from 03/09/2025). */
const DAYS = ['03', '04', '05', '08', '09', '10', '11', '12', '15', '16', '17', '18', '19'].map(
  (d) => `2025-09-${d}`,
);

beforeEach(() => {
  process.env.ATTENDANCE_TODAY = TODAY;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
});
afterEach(() => {
  vi.useRealTimers();
});

/** The clock at a London wall time on a day (BST in September: UTC+1). */
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  vi.setSystemTime(new Date(`${date}T${String(h - 1).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`));
};

function school(): { s: Store; ids: number[] } {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2, { social_worker: 'Y' }), pupilRow(3), pupilRow(4)].join(
      '\n',
    ),
  });
  const ids = ok(s, 'registers.get', { date: DAYS[0], session: 'AM', regGroup: '2 Oak' }).pupils.map(
    (p) => p.pupilId,
  );
  return { s, ids };
}

/** Takes every register to TODAY on time (08:45 and 13:20), present unless `codes` says otherwise. */
function takeRegisters(
  s: Store,
  ids: number[],
  codes: (pupil: number, day: string, sess: string) => string = () => '/',
  late = false,
) {
  for (const date of DAYS) {
    for (const session of ['AM', 'PM'] as const) {
      at(date, late ? '16:00' : session === 'AM' ? '08:45' : '13:20');
      ok(s, 'registers.save', {
        date,
        session,
        regGroup: '2 Oak',
        marks: ids.map((pupilId) => ({ pupilId, code: codes(pupilId, date, session) })),
      });
    }
  }
  vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
}

function item(s: Store, itemId: string) {
  const { id } = ok(s, 'selfaudit.run', { termKey: TERM });
  const a = ok(s, 'selfaudit.get', { id });
  return a.items.find((i) => i.itemId === itemId)!;
}

describe('self-audit evidence, item by item', () => {
  it('registers by close: met when every register was taken in time, not met when taken late', () => {
    const good = school();
    takeRegisters(good.s, good.ids);
    expect(item(good.s, 'registers_by_close')).toMatchObject({
      figure: '100.0% (26 of 26)',
      proposed: 'met',
    });
    const bad = school();
    takeRegisters(bad.s, bad.ids, () => '/', true);
    const i = item(bad.s, 'registers_by_close');
    expect(i).toMatchObject({ figure: '0.0% (0 of 26)', proposed: 'not_met', shortfall: 26 });
    expect(i.evidence[0]).toMatchObject({
      label: '03/09/2025 morning, 2 Oak',
      detail: 'taken after the register closed',
    });
  });

  it('day-one follow-up and social workers told: met with a same-day attempt and notice, missed without', () => {
    const good = school();
    const n = (p: number, d: string) => (p === good.ids[1] && d === '2025-09-08' ? 'N' : '/');
    takeRegisters(good.s, good.ids, n);
    ok(good.s, 'followup.logAttempt', {
      pupilId: good.ids[1],
      date: '2025-09-08',
      method: 'call',
      outcome: 'Mum: ill',
      contactName: 'Parent2 Surname2',
    });
    ok(good.s, 'followup.informSocialWorker', { pupilId: good.ids[1], date: '2025-09-08', how: 'Phoned' });
    expect(item(good.s, 'day_one_followup')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    expect(item(good.s, 'social_worker_told')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    const bad = school();
    takeRegisters(bad.s, bad.ids, (p, d) => (p === bad.ids[1] && d === '2025-09-08' ? 'N' : '/'));
    const missed = item(bad.s, 'day_one_followup');
    expect(missed).toMatchObject({ figure: '0.0% (0 of 1)', proposed: 'not_met' });
    expect(missed.evidence).toEqual([
      {
        label: 'Forename2 Surname2',
        detail: '2 Oak · 08/09/2025: no contact attempt logged that day',
        href: `#/pupils/${bad.ids[1]}`,
      },
    ]);
    expect(item(bad.s, 'social_worker_told').proposed).toBe('not_met');
  });

  it('N marks: met when resolved within 5 school days, not met when still N after them', () => {
    const good = school();
    takeRegisters(good.s, good.ids, (p, d, x) =>
      p === good.ids[0] && d === '2025-09-08' && x === 'AM' ? 'N' : '/',
    );
    at('2025-09-10', '10:00');
    ok(good.s, 'followup.resolve', {
      pupilId: good.ids[0],
      date: '2025-09-08',
      session: 'AM',
      code: 'I',
      reason: 'Mum phoned: ill',
    });
    vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
    expect(item(good.s, 'n_resolved')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    const bad = school();
    takeRegisters(bad.s, bad.ids, (p, d, x) =>
      p === bad.ids[0] && d === '2025-09-08' && x === 'AM' ? 'N' : '/',
    );
    const i = item(bad.s, 'n_resolved');
    expect(i).toMatchObject({ figure: '0.0% (0 of 1)', proposed: 'not_met' });
    expect(i.evidence[0].detail).toBe('2 Oak · 08/09/2025 morning: still N after 9 school days');
  });

  it('support steps and LA joint approaches: met with a meeting and a joint approach, missed without', () => {
    // Pupil 1 misses 4 of 26 sessions (persistent); pupil 3 misses 14 (severe).
    const away = (ids: number[]) => (p: number, d: string, x: string) =>
      (p === ids[0] && x === 'AM' && DAYS.indexOf(d) < 4) || (p === ids[2] && DAYS.indexOf(d) < 7)
        ? 'O'
        : '/';
    const good = school();
    takeRegisters(good.s, good.ids, away(good.ids));
    for (const pupilId of [good.ids[0], good.ids[2]]) {
      ok(good.s, 'casework.addMeeting', {
        pupilId,
        kind: 'attendance',
        date: '2025-09-15',
        attendees: 'Mum, lead',
      });
    }
    ok(good.s, 'casework.addJoint', {
      pupilId: good.ids[2],
      agreedOn: '2025-09-16',
      laOfficer: 'A Officer',
      agreedPlan: 'Weekly review',
    });
    expect(item(good.s, 'support_step')).toMatchObject({ figure: '100.0% (2 of 2)', proposed: 'met' });
    expect(item(good.s, 'severe_joint')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    const bad = school();
    takeRegisters(bad.s, bad.ids, away(bad.ids));
    const support = item(bad.s, 'support_step');
    expect(support).toMatchObject({ figure: '0.0% (0 of 2)', proposed: 'not_met', shortfall: 2 });
    expect(support.evidence.map((e) => e.label).sort()).toEqual(['Forename1 Surname1', 'Forename3 Surname3']);
    expect(item(bad.s, 'severe_joint')).toMatchObject({ figure: '0.0% (0 of 1)', proposed: 'not_met' });
  });

  it('LA meetings and CME enquiries: met when held and complete, missed when not', () => {
    const good = school();
    ok(good.s, 'arrangements.laMeetingSave', {
      heldOn: '2025-09-17',
      officer: 'A Officer',
      pupils: [{ pupilId: good.ids[0] }],
      actions: [],
    });
    const { id: caseId } = ok(good.s, 'arrangements.cmeOpen', {
      pupilId: good.ids[3],
      trigger: 'concern',
      detail: 'Not seen',
    });
    ok(good.s, 'arrangements.cmeStep', {
      caseId,
      step: 'found',
      doneOn: TODAY,
      outcome: 'At a new school',
    });
    expect(item(good.s, 'la_meetings')).toMatchObject({ figure: '1 meeting', proposed: 'met' });
    expect(item(good.s, 'cme_complete')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    const bad = school();
    ok(bad.s, 'arrangements.cmeOpen', { pupilId: bad.ids[3], trigger: 'concern', detail: 'Not seen' });
    expect(item(bad.s, 'la_meetings')).toMatchObject({ figure: '0 meetings', proposed: 'not_met' });
    const cme = item(bad.s, 'cme_complete');
    expect(cme.proposed).toBe('not_met');
    expect(cme.evidence[0].detail).toContain('still to do');
  });

  it('champion: met when named with a position, not met when nobody is named; the school answers training', () => {
    const good = school();
    expect(item(good.s, 'champion')).toMatchObject({ figure: 'A Champion, Deputy Head', proposed: 'met' });
    expect(item(good.s, 'staff_trained')).toMatchObject({ proposed: null, status: null });
    const bad = school();
    ok(bad.s, 'school.update', { ...SCHOOL, championName: null, championPosition: null });
    expect(item(bad.s, 'champion')).toMatchObject({ figure: 'nobody is named', proposed: 'not_met' });
  });

  it('governor reports, parents updated and backups: not met on a school with none of them', () => {
    const bad = school();
    expect(item(bad.s, 'governor_reports').proposed).toBe('not_met');
    expect(item(bad.s, 'parents_updated')).toMatchObject({ figure: '0.0% (0 of 4)', proposed: 'not_met' });
    expect(item(bad.s, 'backups')).toMatchObject({
      figure: 'no verified backup in the period',
      proposed: 'not_met',
    });
  });
});

describe('self-audit evidence on records kept elsewhere', () => {
  it('part-time timetables: met while the review is not yet due, not met once it is overdue', () => {
    const { s, ids } = school();
    const contactId = ok(s, 'pupils.get', { id: ids[0] }).contacts[0].id;
    ok(s, 'arrangements.create', {
      pupilId: ids[0],
      kind: 'part_time',
      reasonCategory: 'phased_return',
      reason: 'Phased return after a long illness; mornings first',
      startDate: '2025-09-15',
      endDate: '2025-12-19',
      away: ['1PM', '2PM', '3PM', '4PM', '5PM'],
      parentContactId: contactId,
      parentAgreedOn: '2025-09-12',
      laToldOn: '2025-09-12',
      laToldHow: 'email to the LA inclusion officer',
    });
    expect(item(s, 'part_time_reviewed')).toMatchObject({ figure: '100.0% (1 of 1)', proposed: 'met' });
    process.env.ATTENDANCE_TODAY = '2025-12-10';
    const late = item(s, 'part_time_reviewed');
    expect(late).toMatchObject({ figure: '0.0% (0 of 1)', proposed: 'not_met' });
    expect(late.evidence[0].detail).toMatch(/^2 Oak · review was due \d\d\/\d\d\/2025$/);
  });

  it('governor reports and termly updates: met once the final report and the letters are produced', async () => {
    const { s, ids } = school();
    takeRegisters(s, ids);
    const P = { from: '2025-09-03', to: TODAY };
    const preview = ok(s, 'governors.preview', P);
    const { jobId } = ok(s, 'governors.produce', { ...P, keyMessages: preview.keyMessages, final: true });
    expect((await waitForReport(jobId)).status).toBe('done');
    const g = ok(s, 'letters.generate', {
      template: 'termly-update',
      pupilIds: ids,
      folder: path.join(tempDir(), 'letters'),
    });
    expect((await waitForJob(g.jobId)).status).toBe('done');
    expect(item(s, 'governor_reports')).toMatchObject({ figure: '1 final report', proposed: 'met' });
    expect(item(s, 'parents_updated')).toMatchObject({ figure: '100.0% (4 of 4)', proposed: 'met' });
  });

  it('policy: not met with none approved, partly met once approved, met once published and in date', () => {
    const { s } = school();
    expect(item(s, 'policy')).toMatchObject({ figure: 'No policy yet', proposed: 'not_met' });
    // The policy area's own channels write these rows; here they are set up directly, as the records it keeps.
    s.db
      .prepare(
        `INSERT INTO policy_versions (version, changes, next_review_on, drafted_by, drafted_at, updated_by, updated_at)
         VALUES (1, 'First version', '2026-09-01', 'lead', 'x', 'lead', 'x')`,
      )
      .run();
    s.db
      .prepare(
        `UPDATE policy_versions SET approved_by = 'Head', approved_on = '2025-09-10', approved_at = 'x',
         template_sha256 = 'x', facts = '{}', bytes = x'00', sha256 = 'x' WHERE version = 1`,
      )
      .run();
    expect(item(s, 'policy')).toMatchObject({ proposed: 'partly_met' });
    s.db
      .prepare(
        `INSERT INTO policy_publications (version_id, url, published_on, recorded_by, recorded_at)
         SELECT id, 'https://school.example/attendance', '2025-09-11', 'lead', 'x' FROM policy_versions`,
      )
      .run();
    const met = item(s, 'policy');
    expect(met).toMatchObject({
      figure: 'Approved and published (version 1); review due 01/09/2026',
      proposed: 'met',
    });
    expect(met.evidence[0].detail).toBe('https://school.example/attendance');
  });

  it('backups: met with a verified backup this week', () => {
    const { s } = school();
    ok(s, 'backups.run', {});
    const b = item(s, 'backups');
    expect(b).toMatchObject({ proposed: 'met', figure: '1 verified backup; newest 19/09/2025' });
  });
});

describe('a self-audit run and its review', () => {
  it('keeps evidence and confirmations as recorded, adds actions to the due list, and exports to Word', async () => {
    const { s } = school();
    const { id } = ok(s, 'selfaudit.run', { termKey: TERM });
    ok(s, 'selfaudit.review', {
      auditId: id,
      itemId: 'staff_trained',
      status: 'partly_met',
      note: 'INSET on 03/09; two staff missed it',
    });
    ok(s, 'selfaudit.review', {
      auditId: id,
      itemId: 'staff_trained',
      status: 'met',
      note: 'Catch-up session held',
    });
    const a = ok(s, 'selfaudit.get', { id });
    const t = a.items.find((i) => i.itemId === 'staff_trained')!;
    expect(t.status).toBe('met');
    expect(t.reviews.map((r) => r.status)).toEqual(['partly_met', 'met']);
    expect(() => s.db.prepare("UPDATE selfaudit_items SET figure = 'x'").run()).toThrow(/refused/);
    expect(() => s.db.prepare('DELETE FROM selfaudit_reviews').run()).toThrow(/refused/);
    const { id: actionId } = ok(s, 'selfaudit.addAction', {
      auditId: id,
      itemId: 'backups',
      what: 'Set up the nightly backup',
      owner: 'Business manager',
      dueOn: '2025-09-22',
    });
    const due = ok(s, 'casework.due', {}).items.filter((x) => x.kind === 'audit_action');
    expect(due).toEqual([
      expect.objectContaining({
        pupilId: null,
        due: '2025-09-22',
        refId: actionId,
        what: expect.stringContaining('Set up the nightly backup'),
      }),
    ]);
    ok(s, 'selfaudit.actionDone', { actionId, doneOn: TODAY });
    expect(ok(s, 'casework.due', {}).items.filter((x) => x.kind === 'audit_action')).toEqual([]);
    const again = dispatch(s, 'selfaudit.actionDone', { actionId, doneOn: TODAY }, STAFF_SESSION);
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(() => s.db.prepare("UPDATE selfaudit_actions SET owner = 'x'").run()).toThrow(/refused/);
    const wrong = dispatch(
      s,
      'selfaudit.review',
      { auditId: id, itemId: 'nope', status: 'met', note: 'x' },
      STAFF_SESSION,
    );
    expect(wrong.ok).toBe(false);
    const ex = ok(s, 'selfaudit.export', { id });
    vi.useRealTimers();
    await waitForJob(ex.jobId);
    const file = ok(s, 'selfaudit.exportFile', { jobId: ex.jobId });
    const doc = strFromU8(unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')))['word/document.xml']);
    expect(doc).toContain('Attendance self-audit');
    expect(doc).toContain('Set up the nightly backup');
    expect(doc).toContain('Catch-up session held');
    expect(ok(s, 'selfaudit.get', { id }).exports).toHaveLength(1);
  });

  it("shows the previous term's figure and status on the next term's audit", () => {
    const { s } = school();
    const autumn = ok(s, 'selfaudit.run', { termKey: TERM });
    ok(s, 'selfaudit.review', {
      auditId: autumn.id,
      itemId: 'staff_trained',
      status: 'not_met',
      note: 'No training yet',
    });
    ok(s, 'calendar.addRange', {
      dateFrom: '2026-01-05',
      dateTo: '2026-03-27',
      kind: 'term',
      label: 'Spring',
    });
    process.env.ATTENDANCE_TODAY = '2026-01-16';
    const spring = ok(s, 'selfaudit.run', { termKey: '2025-spring' });
    const a = ok(s, 'selfaudit.get', { id: spring.id });
    expect(a.previous).toEqual({ id: autumn.id, termLabel: 'Autumn term 2025/26' });
    expect(a.items.find((i) => i.itemId === 'staff_trained')!.previous).toEqual({
      figure: 'answered by the school',
      status: 'not_met',
    });
    expect(ok(s, 'selfaudit.terms', {}).terms.map((t) => [t.key, t.audits.length])).toEqual([
      ['2025-autumn', 1],
      ['2025-spring', 1],
    ]);
    const early = dispatch(s, 'selfaudit.run', { termKey: '2026-autumn' }, STAFF_SESSION);
    expect(early.ok).toBe(false);
  });
});
