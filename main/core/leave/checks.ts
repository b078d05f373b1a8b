// What the head sees before deciding (docs/rules/leave.md §1): the warnings and the reasons a request cannot be
// granted, the pupil's figures for the year, and the penalty forecast for each number of days granted
// (docs/rules/statistics.md §6).
import type { Output } from '../../../shared/contract';
import { codeOn } from '../../../shared/codes';
import { academicYearOf, formatUkDate, isCompulsoryAge } from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import { computePupilStats } from '../../../shared/statistics';
import { penaltyForecast } from '../../../shared/statistics/penalty-forecast';
import { PENALTY_THRESHOLD_SESSIONS } from '../../../shared/statistics/penalty-windows';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import { DEFAULT_AT_RISK_LOWER_PCT } from '../../../shared/statistics/rates';
import { knownAs, plural } from '../../../shared/names';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import type { PupilRow } from '../pupils/load';
import type { PlannedSession, RequestRecord, SessionRef } from './records';
import { codeFor, daysOf, grantedSessions } from './rules';
import { pupilMarksBetween } from '../registers/pupil-marks';

interface Check {
  warnings: Output<'leave.get'>['warnings'];
  cannotGrant: string[];
  compulsory: boolean;
}

export function checks(db: Db, r: RequestRecord, p: PupilRow, sessions: SessionRef[]): Check {
  const found: Found = { warnings: [], cannotGrant: [] };
  const compulsory = isCompulsoryAge(p.dob, r.fromDate);
  requestChecks(r, p, sessions, found);
  ageChecks(r, p, compulsory, found);
  observanceChecks(r, sessions, found);
  for (const s of sessions) {
    const code = codeFor(r, s.date);
    if (!codeOn(code, s.date)) {
      found.cannotGrant.push(`${code} is not a valid code on ${formatUkDate(s.date)}`);
    }
  }
  if (sessions.length) {
    clashChecks(db, r, found);
  }
  return { warnings: found.warnings, cannotGrant: [...new Set(found.cannotGrant)], compulsory };
}

/** What the checks have found so far, in the order the head reads them. */
type Found = Pick<Check, 'warnings' | 'cannotGrant'>;

/** The request itself: sessions to decide, asked by a parent the pupil lives with, made in advance. */
function requestChecks(r: RequestRecord, p: PupilRow, sessions: SessionRef[], found: Found): void {
  const { warnings, cannotGrant } = found;
  if (sessions.length === 0) {
    warnings.push({
      kind: 'no_school_sessions',
      message: 'No school session falls in the dates asked for: there is nothing to decide.',
    });
    cannotGrant.push('no school session falls in the dates asked for');
  }
  if (!r.requesterLivesWith) {
    const m =
      `${r.requesterName} is not recorded as a parent ${knownAs(p)} normally lives with: ` +
      'leave can be granted only on a request from such a parent.';
    warnings.push({ kind: 'not_lives_with', message: m });
    cannotGrant.push(`${r.requesterName} is not recorded as living with the pupil`);
  }
  const leaveCodes = new Set(sessions.map((s) => codeFor(r, s.date)));
  if (r.dateReceived >= r.fromDate) {
    warnings.push({
      kind: 'not_in_advance',
      message:
        `Received ${formatUkDate(r.dateReceived)}, on or after the first day asked for (${formatUkDate(r.fromDate)}): ` +
        'not made in advance, so it cannot be granted as C; code the absence by what happened.',
    });
    if (leaveCodes.has('C')) {
      cannotGrant.push('the request was not made in advance, so it cannot be granted as C');
    }
  }
}

/** Compulsory school age: no penalty below or above it, and C2 (part-time timetable) only within it. */
function ageChecks(r: RequestRecord, p: PupilRow, compulsory: boolean, found: Found): void {
  const { warnings, cannotGrant } = found;
  if (!compulsory) {
    warnings.push({
      kind: 'not_compulsory_age',
      message:
        `${knownAs(p)} is not of compulsory school age on ${formatUkDate(r.fromDate)}: ` +
        'no penalty notice applies, and letters carry no penalty wording.',
    });
  }
  if (r.kind === 'part_time') {
    if (!compulsory) {
      warnings.push({
        kind: 'part_time',
        message:
          'A part-time timetable (C2) is only for a pupil of compulsory school age; ' +
          'sessions an older or younger pupil is not required to attend are X.',
      });
      cannotGrant.push('C2 is only for a pupil of compulsory school age');
    } else {
      warnings.push({
        kind: 'part_time',
        message:
          'A part-time timetable must be temporary, agreed with a parent the pupil lives with, ' +
          'regularly reviewed and never used to manage behaviour; the end date asked for is its time limit.',
      });
    }
  }
}

/** Religious observance: only the days the religious body sets apart are R. */
function observanceChecks(r: RequestRecord, sessions: SessionRef[], found: Found): void {
  const { warnings } = found;
  if (r.kind === 'religious_observance') {
    const extra = daysOf(sessions).filter((d) => !r.observanceDays.includes(d));
    if (r.observanceDays.length === 0) {
      warnings.push({
        kind: 'observance',
        message:
          "No day set apart by the religious body is recorded: every day asked for is a leave request (C at the head's discretion), not R.",
      });
    } else if (extra.length) {
      warnings.push({
        kind: 'observance',
        message:
          `${plural(extra.length, 'day')} asked for ${extra.length > 1 ? 'are' : 'is'} ` +
          `not set apart by ${r.religiousBody ?? 'the religious body'} (${extra.map(formatUkDate).join(', ')}): ` +
          `only the observance day${r.observanceDays.length > 1 ? 's are' : ' is'} R; ` +
          'extra days are leave (C) or unauthorised.',
      });
    }
  }
}

/** Another leave request already planned on these sessions, and marks already in the register. */
function clashChecks(db: Db, r: RequestRecord, found: Found): void {
  const other = db
    .prepare<[number, number, string, string], { id: number }>(
      `SELECT DISTINCT source_id AS id FROM planned_marks
       WHERE pupil_id = ? AND source = 'leave' AND source_id <> ? AND date BETWEEN ? AND ?`,
    )
    .all(r.pupilId, r.id, r.fromDate, r.toDate);
  if (other.length) {
    found.warnings.push({
      kind: 'overlap',
      message: `Leave already granted on request ${other.map((o) => o.id).join(', ')} covers some of these days.`,
    });
  }
  // count(*) without GROUP BY: always one row, hence the `!`.
  const marked = db
    .prepare<[number, string, string], { n: number }>(
      'SELECT count(*) AS n FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?',
    )
    .get(r.pupilId, r.fromDate, r.toDate)!.n;
  if (marked) {
    found.warnings.push({
      kind: 'marks_exist',
      message:
        `${marked} of these sessions already have a register mark; ` +
        'a decision never overwrites a mark (amend the register if it must change).',
    });
  }
}

function atRiskPct(db: Db): number {
  return (
    db.prepare<[], { pct: number }>('SELECT at_risk_lower_pct AS pct FROM school WHERE id = 1').get()?.pct ??
    DEFAULT_AT_RISK_LOWER_PCT
  );
}

/** The pupil's figures for the school year to date (the same computePupilStats as every other figure). */
export function currentFigures(ctx: Ctx, cal: Calendar, pupilId: number): Output<'leave.get'>['figures'] {
  const to = ctx.today();
  const from = `${academicYearOf(to)}-09-01`;
  const pctx = buildPeriodContext(cal, { from, to }, { atRiskLowerPct: atRiskPct(ctx.store.db) });
  const s = computePupilStats(
    pctx,
    { upn: '' },
    pupilMarksBetween(ctx.store.db, pupilId, pctx.earliestMarkDate, to),
  );
  return {
    from,
    to,
    possible: s.possible,
    attendancePct: s.attendancePct,
    absencePct: s.absencePct,
    unauthorised: s.unauthorised,
    band: s.band,
    penaltySessionsMaxWindow: s.penaltySessionsMaxWindow,
  };
}

/** docs/rules/statistics.md §6: "if this is refused and taken anyway", and for each number of days granted.
 */
export function forecastFor(
  db: Db,
  cal: Calendar,
  r: RequestRecord,
  sessions: SessionRef[],
): Output<'leave.get'>['forecast'] {
  if (sessions.length === 0) {
    return {
      threshold: PENALTY_THRESHOLD_SESSIONS,
      now: 0,
      ifTaken: 0,
      reachesThreshold: false,
      thresholdFirstMet: null,
      byDaysGranted: [0],
    };
  }
  const from = sessions[0].date,
    to = sessions[sessions.length - 1].date;
  const pctx = buildPeriodContext(cal, { from, to });
  const marks = pupilMarksBetween(db, r.pupilId, pctx.earliestMarkDate, to);
  const excess = (granted: PlannedSession[]) => {
    const g = new Set(granted.map((s) => `${s.date}|${s.session}`));
    return sessions.filter((s) => !g.has(`${s.date}|${s.session}`));
  };
  const all = penaltyForecast(pctx, marks, excess(grantedSessions(r, sessions, 'refused', 0)));
  const leaveDays = daysOf(sessions.filter((s) => codeFor(r, s.date) !== 'R')).length;
  const byDaysGranted: number[] = [];
  for (let k = 0; k <= leaveDays; k++) {
    byDaysGranted.push(
      penaltyForecast(
        pctx,
        marks,
        excess(grantedSessions(r, sessions, k === leaveDays ? 'granted' : 'part', k)),
      ).ifTaken,
    );
  }
  return {
    threshold: PENALTY_THRESHOLD_SESSIONS,
    now: all.now,
    ifTaken: all.ifTaken,
    reachesThreshold: all.reachesThreshold,
    thresholdFirstMet: all.thresholdFirstMet,
    byDaysGranted,
  };
}
