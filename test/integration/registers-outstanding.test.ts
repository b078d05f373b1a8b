// Every register not taken since 1 September, for today and each past school day (issue 15.3).
import { describe, expect, it } from 'vitest';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, tempStore } from '../helpers/store';

function school() {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1),
      pupilRow(2, { reg_group: '2 Ash', admission_date: '2025-09-08' }),
      pupilRow(3, { reg_group: '2 Elm', leaving_date: '2025-09-04' }),
    ].join('\n'),
  });
  return s;
}

const take = (s: ReturnType<typeof tempStore>, date: string, session: 'AM' | 'PM', regGroup: string) => {
  const reg = ok(s, 'registers.get', { date, session, regGroup });
  ok(s, 'registers.save', {
    date,
    session,
    regGroup,
    marks: reg.pupils.map((p) => ({ pupilId: p.pupilId, code: session === 'AM' ? '/' : '\\' })),
  });
};

describe('registers not taken, today and past days', () => {
  it('lists each school day from the start of the year, latest first, with the groups on roll that day', () => {
    const s = school();
    take(s, '2025-09-03', 'AM', '2 Oak');
    take(s, '2025-09-03', 'PM', '2 Oak');
    take(s, '2025-09-08', 'AM', '2 Ash');
    const r = ok(s, 'registers.outstanding', { asOf: '2025-09-08' });
    expect(r.from).toBe('2025-09-01');
    // 1 and 2 September are before the term; 6 and 7 are a weekend; 2 Elm's pupil left on the 4th
    expect(r.days.map((d) => d.date)).toEqual(['2025-09-08', '2025-09-05', '2025-09-04', '2025-09-03']);
    expect(r.days[0].missing).toEqual([
      { session: 'AM', regGroup: '2 Oak' },
      { session: 'PM', regGroup: '2 Ash' },
      { session: 'PM', regGroup: '2 Oak' },
    ]);
    expect(r.days[1].missing).toEqual([
      { session: 'AM', regGroup: '2 Oak' },
      { session: 'PM', regGroup: '2 Oak' },
    ]);
    expect(r.days[2].missing.map((m) => m.regGroup)).toEqual(['2 Elm', '2 Oak', '2 Elm', '2 Oak']);
    expect(r.days[3].missing).toEqual([
      { session: 'AM', regGroup: '2 Elm' },
      { session: 'PM', regGroup: '2 Elm' },
    ]);
    expect(r.total).toBe(3 + 2 + 4 + 2);
    // today's part is the same list as the day's own answer
    expect(r.days[0].missing).toEqual(ok(s, 'registers.notTaken', { date: '2025-09-08' }).missing);
  });

  it('skips closures and holidays, and is empty once every register is taken', () => {
    const s = school();
    const r = ok(s, 'registers.outstanding', { asOf: '2025-11-28' }); // the INSET day
    expect(r.days.map((d) => d.date)).not.toContain('2025-11-28');
    expect(r.days.map((d) => d.date)).not.toContain('2025-10-27'); // half term
    expect(r.days[0].date).toBe('2025-11-27');
    const t = tempStore();
    setupSchool(t);
    ok(t, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1, { admission_date: '2025-09-05' })].join('\n') });
    take(t, '2025-09-05', 'AM', '2 Oak');
    take(t, '2025-09-05', 'PM', '2 Oak');
    expect(ok(t, 'registers.outstanding', { asOf: '2025-09-05' })).toEqual({
      from: '2025-09-01',
      asOf: '2025-09-05',
      total: 0,
      days: [],
    });
  });
});
