// The penalty tracker (docs/rules/statistics.md §6, national framework from 19 Aug 2024): the pupils at or near
// the threshold (never pupils outside compulsory school age), each with their worst window of 10 school weeks,
// the G N O U sessions no penalty notice (not withdrawn) relies on yet, and whether a notice can still be
// considered. The notices themselves are kept by the register in penalty.service.ts.
import type { Input, Output } from '../../../shared/contract';
import { REGS_2024_START } from '../../../shared/codes';
import { isCompulsoryAge, type IsoDate } from '../../../shared/dates';
import { computePupilStats } from '../../../shared/statistics';
import { PENALTY_THRESHOLD_SESSIONS } from '../../../shared/statistics/penalty-windows';
import { isListed, type PupilStats } from '../../../shared/statistics/pupils';
import type { Calendar } from '../../../shared/calendar';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { compareNames } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPeriodMarks, type LoadedPupil } from '../reports/report-pupils';
import { pupilAttrs, yearToDate, type PupilAttrs } from './figures.service';
import { canStillConsider, PN, windowWeeks, worstWindow } from './penalty-window';
import { lastWindowStart, MAX_NOTICES_IN_3_YEARS, threeYearsBefore } from './penalty-limits';
import { readLettersSettings } from '../letters/settings';

/** Pupils with this many sessions in their worst window are "near" the threshold (project default). */
export const PENALTY_NEAR_SESSIONS = 6;
const PN_CODES = `(${[...PN].map((c) => `'${c}'`).join(', ')})`;

/** The current status of each notice: its latest event. */
const STATUS_SQL =
  '(SELECT e.status FROM penalty_notice_events e WHERE e.notice_id = n.id ORDER BY e.id DESC LIMIT 1)';

const UNCITED_SQL = `SELECT count(*) AS n FROM marks m WHERE m.pupil_id = ? AND m.date >= ? AND m.date <= ?
    AND m.date >= '${REGS_2024_START}' AND m.code IN ${PN_CODES} AND NOT EXISTS (SELECT 1 FROM penalty_notice_marks pm
    JOIN penalty_notices n ON n.id = pm.notice_id
    WHERE pm.mark_id = m.id AND n.kind = 'penalty_notice' AND ${STATUS_SQL} <> 'withdrawn')`;
/** The marks some penalty notice that was not withdrawn relies on, as pupil id, date and session. */
const CITED_SQL = `SELECT m.pupil_id, m.date, m.session FROM penalty_notice_marks pm
    JOIN penalty_notices n ON n.id = pm.notice_id JOIN marks m ON m.id = pm.mark_id
    WHERE n.kind = 'penalty_notice' AND ${STATUS_SQL} <> 'withdrawn'`;

type UncitedCounter = (x: LoadedPupil, from: IsoDate, to: IsoDate) => number;

/** Counts a pupil's G N O U sessions in [from, to] that no penalty notice (not withdrawn) relies on. When every
 * range asked about starts on or after the first date the loaded marks reach back to (`fromLoaded`), the count is
 * taken from the loaded marks and one read of the cited marks; otherwise from the marks table, pupil by pupil. */
function uncitedCounter(db: Db, fromLoaded: boolean): UncitedCounter {
  if (!fromLoaded) {
    const q = db.prepare<[number, IsoDate, IsoDate], number>(UNCITED_SQL).pluck();
    return (x, from, to) => q.get(x.id, from, to) ?? 0;
  }
  const cited = new Map<number, Set<string>>();
  for (const [pupilId, date, session] of db
    .prepare<[], [number, string, string]>(CITED_SQL)
    .raw()
    .iterate()) {
    let sessions = cited.get(pupilId);
    if (!sessions) {
      sessions = new Set();
      cited.set(pupilId, sessions);
    }
    sessions.add(date + session);
  }
  return (x, from, to) => {
    const lo = from > REGS_2024_START ? from : REGS_2024_START;
    const citedOfPupil = cited.get(x.id);
    let n = 0;
    for (const m of x.marks) {
      const counts = m.date >= lo && m.date <= to && PN.has(m.code);
      if (counts && !citedOfPupil?.has(m.date + m.session)) {
        n++;
      }
    }
    return n;
  };
}

export function tracker(ctx: Ctx, i: Input<'penalty.tracker'>): Output<'penalty.tracker'> {
  const db = ctx.store.db;
  const ytd = yearToDate(ctx.today());
  const from = i.from ?? ytd.from;
  const to = i.to ?? ytd.to;
  const { ctx: pctx, byId } = loadPeriodMarks(db, { from, to });
  const cal = loadCalendar(db);
  const lookStart = lastWindowStart(cal, from);
  const winStart = lastWindowStart(cal, to);
  const t: TrackerRun = {
    from,
    to,
    cal,
    lookStart,
    winStart,
    attrs: new Map(pupilAttrs(db, from, to).map((p) => [p.id, p])),
    codeName: readLettersSettings(db).laCodeReference ?? null,
    weeks: windowWeeks(cal, { from, to }, lookStart),
    uncited: uncitedCounter(db, pctx.earliestMarkDate <= lookStart && pctx.earliestMarkDate <= winStart),
    noticesIn3Years: noticesSince(db, threeYearsBefore(to)),
  };
  const rows: TrackerRow[] = [];
  let leftOut = 0;
  let leftRoll = 0;
  for (const x of byId.values()) {
    if (!isListed(pctx, x.pupil)) {
      continue;
    }
    const s = computePupilStats(pctx, x.pupil, x.marks, x.counted);
    if (s.penaltySessionsMaxWindow < PENALTY_NEAR_SESSIONS) {
      continue;
    }
    if (!isCompulsoryAge(x.pupil.dob, to)) {
      leftOut++; // docs/rules/statistics.md §6: never put forward
    } else if (x.pupil.leavingDate !== null && x.pupil.leavingDate < to) {
      leftRoll++;
    } else {
      rows.push(trackerRow(t, x, s));
    }
  }
  rows.sort((a, b) => b.sessionsMaxWindow - a.sessionsMaxWindow || compareNames(a.name, b.name));
  return {
    from,
    to,
    threshold: PENALTY_THRESHOLD_SESSIONS,
    near: PENALTY_NEAR_SESSIONS,
    rows,
    leftOutNotCompulsory: leftOut,
    leftOutNotOnRoll: leftRoll,
  };
}

type TrackerRow = Output<'penalty.tracker'>['rows'][number];

/** What every row of one tracker shares: the period, the calendar and its windows, and the readers. */
interface TrackerRun {
  from: IsoDate;
  to: IsoDate;
  cal: Calendar;
  /** Where the windows that can end in the period start, and where the last one does. */
  lookStart: IsoDate;
  winStart: IsoDate;
  attrs: Map<number, PupilAttrs>;
  codeName: string | null;
  weeks: ReturnType<typeof windowWeeks>;
  uncited: ReturnType<typeof uncitedCounter>;
  /** Penalty notices (not withdrawn) issued in the three years before `to`, by pupil id. */
  noticesIn3Years: Map<number, number>;
}

/** How many penalty notices (not withdrawn) each pupil has had issued after `after`, by pupil id; pupils with none
 * are absent. One read for the whole list rather than one a pupil. */
function noticesSince(db: Db, after: IsoDate): Map<number, number> {
  const rows = db
    .prepare<[IsoDate], [number, number]>(
      `SELECT n.pupil_id, count(*) FROM penalty_notices n
      WHERE n.kind = 'penalty_notice' AND n.issued_on > ? AND ${STATUS_SQL} <> 'withdrawn' GROUP BY n.pupil_id`,
    )
    .raw()
    .all(after);
  return new Map(rows);
}

/** One pupil near or over the threshold: their worst window, what is not yet cited on a notice, and whether a
 * notice can still be considered. */
function trackerRow(t: TrackerRun, x: LoadedPupil, s: PupilStats): TrackerRow {
  const a = t.attrs.get(x.id)!;
  const win = worstWindow(t.cal, x.marks, { from: t.from, to: t.to }, t.lookStart, t.weeks);
  const in3Years = t.noticesIn3Years.get(x.id) ?? 0;
  return {
    pupilId: x.id,
    upn: a.upn,
    name: a.name,
    yearGroup: a.yearGroup,
    regGroup: a.regGroup,
    sessionsMaxWindow: s.penaltySessionsMaxWindow,
    sessionsToGo: Math.max(0, PENALTY_THRESHOLD_SESSIONS - s.penaltySessionsMaxWindow),
    thresholdFirstMet: s.penaltyThresholdFirstMet,
    uncitedInLastWindow: t.uncited(x, t.winStart, t.to),
    penaltyNoticesIn3Years: in3Years,
    worstWindow: win,
    notice: win
      ? canStillConsider({
          window: win,
          uncitedInWindow: t.uncited(x, win.from, win.to),
          penaltyNoticesIn3Years: in3Years,
          maxNotices: MAX_NOTICES_IN_3_YEARS,
          codeName: t.codeName,
        })
      : null,
  };
}
