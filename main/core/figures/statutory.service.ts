// Statutory follow-up lists (docs/rules/register-law.md §8–9, docs/rules/statistics.md §7) for the school
// year to the as-of date: continuous unauthorised absence of 10 school days or more (attendance return,
// children-missing-education checks), 20 school days of G/N/O only (deletion ground 9(1)(i) to review with
// the LA: the app never deletes anyone), the sickness return at 30 illness sessions for compulsory-age
// pupils, and this school year's N marks overdue (docs/rules/statistics.md §7 overdueN, mark by mark).
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import { compareNames } from '../../../shared/names';
import { N_OVERDUE_SCHOOL_DAYS } from '../../../shared/statistics';
import { type PeriodContext, schoolDaysAfterInPeriod } from '../../../shared/statistics/periods';
import { isListed } from '../../../shared/statistics/pupils';
import { longestRunOf } from '../../../shared/statistics/runs';
import type { Ctx } from '../context';
import { loadPeriodMarks, type LoadedPupil } from '../reports/report-pupils';
import { pupilAttrs } from './figures.service';

export const ATTENDANCE_RETURN_RUN_SESSIONS = 20; // 10 school days
export const DELETION_REVIEW_RUN_SESSIONS = 40; // 20 school days
export const SICKNESS_RETURN_SESSIONS = 30; // 15 school days
const GNOU = new Set(['G', 'N', 'O', 'U']);
const GNO = new Set(['G', 'N', 'O']);

type Lists = Output<'figures.statutoryLists'>;
type PupilRef = Pick<Lists['continuous'][number], 'pupilId' | 'upn' | 'name' | 'yearGroup' | 'regGroup'>;
/** The last return of a kind sent for a pupil on or after a date. */
type LastReturn = (pupilId: number, kind: 'attendance' | 'sickness', since: IsoDate) => string | null;

export function statutoryLists(ctx: Ctx, i: Input<'figures.statutoryLists'>): Lists {
  const db = ctx.store.db;
  const asOf = i.asOf ?? ctx.today();
  const yearFrom = `${academicYearOf(asOf)}-09-01`;
  const { ctx: pctx, byId } = loadPeriodMarks(db, { from: yearFrom, to: asOf });
  const attrs = new Map(pupilAttrs(db, yearFrom, asOf).map((p) => [p.id, p]));
  const lastSent = db
    .prepare<[number, string, IsoDate], string | null>(
      'SELECT max(sent_at) FROM la_returns WHERE pupil_id = ? AND kind = ? AND sent_at >= ?',
    )
    .pluck();
  const lastReturn: LastReturn = (id, kind, since) => lastSent.get(id, kind, since) ?? null;
  const out: Lists = { asOf, yearFrom, continuous: [], deletionReview: [], sickness: [], overdueN: [] };
  for (const x of byId.values()) {
    if (!isListed(pctx, x.pupil) || (x.marks.length === 0 && x.counted.illnessSessions === 0)) {
      continue;
    }
    const a = attrs.get(x.id)!;
    const ref = { pupilId: x.id, upn: a.upn, name: a.name, yearGroup: a.yearGroup, regGroup: a.regGroup };
    addOverdueN(out, pctx, x, ref, yearFrom);
    addRuns(out, pctx, x, ref, a.socialWorker, lastReturn);
    if (isCompulsoryAge(a.dob, asOf)) {
      addSickness(out, x, ref, () => lastReturn(x.id, 'sickness', yearFrom));
    }
  }
  sortLists(out);
  return out;
}

/** This school year's N marks still unresolved after the school days allowed. */
function addOverdueN(
  out: Lists,
  pctx: PeriodContext,
  x: LoadedPupil,
  ref: PupilRef,
  yearFrom: IsoDate,
): void {
  for (const m of x.marks) {
    if (m.code !== 'N' || m.date < yearFrom) {
      continue;
    }
    const since = schoolDaysAfterInPeriod(pctx, m.date);
    if (since >= N_OVERDUE_SCHOOL_DAYS) {
      out.overdueN.push({ ...ref, date: m.date, session: m.session, schoolDaysSince: since });
    }
  }
}

/** The longest runs: of unauthorised absence (G N O U) for the attendance return, of G N O only for the
 * deletion review with the local authority. */
function addRuns(
  out: Lists,
  pctx: PeriodContext,
  x: LoadedPupil,
  ref: PupilRef,
  socialWorker: boolean,
  lastReturn: LastReturn,
): void {
  const run = longestRunOf(pctx, x.marks, GNOU);
  if (run && run.sessions >= ATTENDANCE_RETURN_RUN_SESSIONS) {
    out.continuous.push({
      ...ref,
      runSessions: run.sessions,
      runFrom: run.from,
      runTo: run.to,
      ongoing: run.ongoing,
      attendanceReturnSent: lastReturn(x.id, 'attendance', run.from),
    });
  }
  const gno = longestRunOf(pctx, x.marks, GNO);
  if (gno && gno.sessions >= DELETION_REVIEW_RUN_SESSIONS) {
    out.deletionReview.push({
      ...ref,
      runSessions: gno.sessions,
      runFrom: gno.from,
      runTo: gno.to,
      ongoing: gno.ongoing,
      socialWorker,
    });
  }
}

/** The sickness return, for a pupil of compulsory school age: illnessSessions of docs/rules/statistics.md §3 over
 * [yearFrom, asOf], tallied by the one read. */
function addSickness(out: Lists, x: LoadedPupil, ref: PupilRef, sent: () => string | null): void {
  const illnessSessions = x.counted.illnessSessions;
  if (illnessSessions >= SICKNESS_RETURN_SESSIONS) {
    out.sickness.push({ ...ref, illnessSessions, sicknessReturnSent: sent() });
  }
}

/** Longest runs and most illness first, then by name; overdue N by date, session and name. */
function sortLists(out: Lists): void {
  out.continuous.sort((a, b) => b.runSessions - a.runSessions || compareNames(a.name, b.name));
  out.deletionReview.sort((a, b) => b.runSessions - a.runSessions || compareNames(a.name, b.name));
  out.sickness.sort((a, b) => b.illnessSessions - a.illnessSessions || compareNames(a.name, b.name));
  out.overdueN.sort(
    (a, b) =>
      compareNames(a.date, b.date) || compareNames(a.session, b.session) || compareNames(a.name, b.name),
  );
}
