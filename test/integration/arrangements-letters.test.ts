// Agreement letters are one pupil's documents (docs/rules/arrangements.md, "Agreement letters"): the part-time
// timetable, flexi-schooling and attendance-contract templates are refused by every batch and single-letter channel
// of the letters area, and made instead from the arrangement's own record, filled with its details and logged.
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import { strFromU8, unzipSync } from 'fflate';
import { dispatch } from '../../main/core/dispatch';
import { waitForJob } from '../../main/core/letters/jobs';
import type { Session } from '../../shared/contract';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, tempDir, tempStore } from '../helpers/store';

const LEAD: Session = { userName: 'Mr L. Lead', position: 'Attendance lead', roles: ['lead'] };
const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };
const AGREEMENTS = ['part-time-timetable', 'flexi-schooling', 'attendance-contract'];

pinToday('2025-11-03');

function school() {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1, { year_group: '8', reg_group: '8A', surname: 'Evans', dob: '2012-10-01' }),
      pupilRow(2, { year_group: '8', reg_group: '8A', surname: 'Fox', dob: '2012-11-01' }),
    ].join('\n'),
  });
  const ids = ok(s, 'pupils.list', {})
    .pupils.sort((a, b) => a.surname.localeCompare(b.surname))
    .map((p) => p.id);
  return { s, ids };
}

const docText = (base64: string) =>
  strFromU8(unzipSync(Buffer.from(base64, 'base64'))['word/document.xml']).replace(/<[^>]+>/g, '');

describe('agreement letters', () => {
  it('are never offered or made by the letters channels, batch or single', () => {
    const { s, ids } = school();
    const listed = ok(s, 'letters.templates', {}, LEAD).templates;
    for (const name of AGREEMENTS) {
      expect(listed.find((t) => t.name === name)?.madeFrom).toMatch(/Arrangements/);
      const calls = [
        dispatch(s, 'letters.candidates', { template: name, band: 'any' }, LEAD),
        dispatch(s, 'letters.preview', { template: name, pupilIds: ids }, LEAD),
        dispatch(s, 'letters.generate', { template: name, pupilIds: ids, folder: tempDir() }, LEAD),
        dispatch(s, 'letters.renderOne', { template: name, pupilIds: [ids[0]] }, LEAD),
      ];
      for (const r of calls) {
        expect(r).toMatchObject({ ok: false, error: { kind: 'refused' } });
        expect(r.ok ? '' : r.error.message).toMatch(/one pupil's agreement.*make it from/);
      }
    }
    expect(listed.find((t) => t.name === 'attendance-concern')?.madeFrom).toBeNull();
    expect(
      ok(s, 'letters.candidates', { template: 'attendance-concern', band: 'any' }, LEAD).pupils,
    ).toHaveLength(2);
    expect(s.db.prepare('SELECT count(*) AS n FROM letter_log').get()).toEqual({ n: 0 });
  });

  it('are made from the part-time timetable and the flexi agreement, with their details, and logged', async () => {
    const { s, ids } = school();
    const contactId = ok(s, 'pupils.get', { id: ids[0] }).contacts[0].id;
    const { id } = ok(
      s,
      'arrangements.create',
      {
        pupilId: ids[0],
        kind: 'part_time',
        reasonCategory: 'phased_return',
        reason: 'Phased return after a long illness',
        startDate: '2025-11-03',
        endDate: '2025-11-28',
        away: ['1PM', '2PM', '3PM', '4PM', '5PM'],
        parentContactId: contactId,
        parentAgreedOn: '2025-10-30',
      },
      LEAD,
    );
    expect(dispatch(s, 'arrangements.agreementLetter', { id }, OFFICE).ok).toBe(false);
    const job = ok(s, 'arrangements.agreementLetter', { id }, LEAD);
    expect(job.letters).toBe(1);
    const done = await waitForJob(job.jobId);
    expect(done.status).toBe('done');
    const logId = done.result!.letters[0].logId!;
    const text = docText(ok(s, 'letters.file', { logId }, LEAD).base64);
    expect(text).toContain('In school: Mon AM, Tue AM, Wed AM, Thu AM, Fri AM');
    expect(text).toContain('Not expected in school: Mon PM, Tue PM, Wed PM, Thu PM, Fri PM');
    expect(text).toContain('Phased return after long absence: Phased return after a long illness');
    expect(text).toMatch(/28 November 2025/);
    const log = ok(s, 'letters.log', { pupilId: ids[0] }, LEAD).entries;
    expect(log.map((e) => e.template)).toEqual(['part-time-timetable']);

    const flexi = ok(
      s,
      'arrangements.create',
      {
        pupilId: ids[1],
        kind: 'flexi',
        reason: 'Flexi-schooling agreed with the parents: Fridays at home',
        startDate: '2025-11-07',
        away: ['5AM', '5PM'],
        parentContactId: ok(s, 'pupils.get', { id: ids[1] }).contacts[0].id,
        parentAgreedOn: '2025-11-01',
      },
      LEAD,
    );
    const fj = await waitForJob(ok(s, 'arrangements.agreementLetter', { id: flexi.id }, LEAD).jobId);
    const ftext = docText(ok(s, 'letters.file', { logId: fj.result!.letters[0].logId! }, LEAD).base64);
    expect(ftext).toContain('At home: Fri AM, Fri PM');
    expect(ftext).toMatch(/7 November 2025/);
  });
});
