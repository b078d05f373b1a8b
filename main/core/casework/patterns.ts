// The data that help find barriers before a meeting (docs/rules/casework.md): absence by reason, by weekday and
// session, lateness, spells of absence and the month-by-month trend, over school days of the period. Categories
// and figures as shared/statistics counts them.
import type { Input, Output } from '../../../shared/contract';
import { codeOn } from '../../../shared/codes';
import { weekday } from '../../../shared/dates';
import { markCategory } from '../../../shared/statistics/code-eras';
import type { StatsMark } from '../../../shared/statistics/marks';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPupil, nameOf } from './common';
import { rangeFigures } from './plan-figures';
import { pupilMarksBetween } from '../registers/pupil-marks';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const isAbsence = (m: StatsMark) => {
  const c = markCategory(m.code, m.date);
  return c === 'authorised' || c === 'unauthorised';
};

function spellsOf(marks: StatsMark[], possibleOrder: string[]) {
  const index = new Map(possibleOrder.map((k, n) => [k, n]));
  const spells: Output<'casework.patterns'>['spells'] = [];
  let cur: { from: string; to: string; sessions: number; codes: Set<string>; last: number } | null = null;
  for (const m of marks) {
    const k = index.get(`${m.date}${m.session}`);
    if (k === undefined || !isAbsence(m)) {
      continue;
    }
    if (cur && k === cur.last + 1) {
      cur.to = m.date;
      cur.sessions++;
      cur.codes.add(m.code);
      cur.last = k;
    } else {
      if (cur && cur.sessions >= 4) {
        spells.push({ from: cur.from, to: cur.to, sessions: cur.sessions, codes: [...cur.codes].join(' ') });
      }
      cur = { from: m.date, to: m.date, sessions: 1, codes: new Set([m.code]), last: k };
    }
  }
  if (cur && cur.sessions >= 4) {
    spells.push({ from: cur.from, to: cur.to, sessions: cur.sessions, codes: [...cur.codes].join(' ') });
  }
  return spells.reverse();
}

type Patterns = Output<'casework.patterns'>;

/** The counted marks by reason, by weekday and session, and by month. */
function countPatterns(counted: StatsMark[]) {
  const byCode = new Map<string, number>();
  const wd: Patterns['byWeekday'] = [1, 2, 3, 4, 5].map((w) => ({
    weekday: w,
    label: DAYS[w],
    amPossible: 0,
    amAbsent: 0,
    pmPossible: 0,
    pmAbsent: 0,
  }));
  const months = new Map<string, { possible: number; attended: number }>();
  for (const m of counted) {
    const row = wd[weekday(m.date) - 1];
    const absent = isAbsence(m);
    if (m.session === 'AM') {
      row.amPossible++;
      row.amAbsent += Number(absent);
    } else {
      row.pmPossible++;
      row.pmAbsent += Number(absent);
    }
    if (absent) {
      byCode.set(m.code, (byCode.get(m.code) ?? 0) + 1);
    }
    const mo = months.get(m.date.slice(0, 7)) ?? { possible: 0, attended: 0 };
    mo.possible++;
    mo.attended += Number(!absent);
    months.set(m.date.slice(0, 7), mo);
  }
  return { byCode, wd, months };
}

export function patterns(ctx: Ctx, i: Input<'casework.patterns'>): Patterns {
  if (i.from > i.to) {
    throw new AppError('invalid', 'The period ends before it starts.', [
      { path: 'to', message: 'before the start' },
    ]);
  }
  const p = loadPupil(ctx, i.pupilId);
  const cal = loadCalendar(ctx.store.db);
  const days = cal
    .schoolDays(i.from, i.to)
    .filter((d) => d >= p.admissionDate && (!p.leavingDate || d <= p.leavingDate));
  const open = new Set(days);
  const marks = pupilMarksBetween(ctx.store.db, p.id, i.from, i.to).filter((m) => open.has(m.date));
  const { byCode, wd, months } = countPatterns(
    marks.filter((m) => markCategory(m.code, m.date) !== 'not_possible'),
  );
  const figures = rangeFigures(ctx, p.id, i.from, i.to, cal);
  return {
    pupilName: nameOf(p),
    from: i.from,
    to: i.to,
    figures,
    byReason: [...byCode]
      .sort((a, b) => b[1] - a[1])
      .map(([code, sessions]) => ({ code, label: codeOn(code, i.to)?.label ?? code, sessions })),
    byWeekday: wd,
    lateness: {
      beforeClose: figures.lateBeforeClose,
      afterClose: figures.lateAfterClose,
      minutes: marks.reduce((s, m) => s + (m.code === 'L' || m.code === 'U' ? (m.minutesLate ?? 0) : 0), 0),
    },
    spells: spellsOf(
      marks,
      days.flatMap((d) => [`${d}AM`, `${d}PM`]),
    ),
    trend: [...months].map(([month, v]) => ({
      month,
      possible: v.possible,
      attendancePct: v.possible ? (100 * v.attended) / v.possible : null,
    })),
  };
}
