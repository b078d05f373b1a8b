// Leave of absence (reg 11; docs/rules/leave.md §1): the office takes requests in, the head (or a person the
// head authorises) decides with the pupil's figures and the penalty forecast (docs/rules/statistics.md §6) in
// view. Granted sessions become planned marks that pre-fill the register; refused or excess sessions the
// pupil then misses are proposed as G, which a person confirms through markWriter (never applied
// automatically).
import { createHash } from 'node:crypto';
import type { Input, Issue, Output, Session as RpcSession } from '../../../shared/contract';
import { RULES } from '../../../shared/contract';
import { replacePlannedMarks } from '../registers/planned-marks';
import {
  EVIDENCE_MAX_BYTES,
  LEAVE_KIND_CODES,
  LEAVE_KIND_LABELS,
  type LeaveKind,
} from '../../../shared/channels/leave';
import { codeOn } from '../../../shared/codes';
import {
  academicYearOf,
  formatUkDate,
  isCompulsoryAge,
  type IsoDate,
  type Session,
} from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import {
  buildPeriodContext,
  computePupilStats,
  DEFAULT_AT_RISK_LOWER_PCT,
  PENALTY_THRESHOLD_SESSIONS,
  penaltyForecast,
  type StatsMark,
} from '../../../shared/statistics';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError, noSuchPupil } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { markWriter } from '../registers/marks.service';
import { knownAs, pupilName, pluralS } from '../../../shared/names';

type Status = 'pending' | 'granted' | 'part' | 'refused';
type Outcome = 'granted' | 'part' | 'refused';
export interface SessionRef {
  date: IsoDate;
  session: Session;
}
export interface PlannedSession extends SessionRef {
  code: string;
}

export interface RequestRecord {
  id: number;
  familyId: number;
  pupilId: number;
  requesterContactId: number | null;
  requesterName: string;
  requesterRelationship: string | null;
  requesterLivesWith: boolean;
  requesterAddress: string | null;
  howReceived: 'letter' | 'email' | 'form' | 'in_person' | 'phone';
  dateReceived: IsoDate;
  fromDate: IsoDate;
  fromSession: Session;
  toDate: IsoDate;
  toSession: Session;
  kind: LeaveKind;
  reason: string;
  notes: string | null;
  observance: string | null;
  religiousBody: string | null;
  observanceDays: IsoDate[];
  createdAt: string;
  createdBy: string;
}
export interface PupilRecord {
  id: number;
  upn: string;
  forename: string;
  preferredForename: string | null;
  surname: string;
  dob: IsoDate;
  yearGroup: string;
  regGroup: string;
  address: string | null;
}
export interface DecisionRecord {
  id: number;
  requestId: number;
  outcome: Outcome;
  daysGranted: number;
  sessionsGranted: number;
  code: string | null;
  sessions: PlannedSession[];
  reason: string;
  deciderName: string;
  deciderPosition: string;
  deciderUserId: number | null;
  decidedAt: string;
  supersedes: number | null;
}

/** Reasons other than G that a proposal replaces: unexplained absence, and leave codes on sessions no longer granted. */
const PROPOSABLE = new Set(['N', 'O', 'C', 'C1', 'C2', 'J1', 'S', 'M', 'R']);

const REQUEST_COLUMNS = (
  t: string,
) => `${t}id, ${t}family_id AS familyId, ${t}pupil_id AS pupilId, ${t}requester_contact_id AS requesterContactId, ${t}requester_name AS requesterName,
  ${t}requester_relationship AS requesterRelationship, ${t}requester_lives_with AS requesterLivesWith, ${t}requester_address AS requesterAddress, ${t}how_received AS howReceived,
  ${t}date_received AS dateReceived, ${t}from_date AS fromDate, ${t}from_session AS fromSession, ${t}to_date AS toDate, ${t}to_session AS toSession, ${t}kind, ${t}reason, ${t}notes,
  ${t}observance, ${t}religious_body AS religiousBody, ${t}observance_days AS observanceDays, ${t}created_at AS createdAt, ${t}created_by AS createdBy`;

function toRequest(r: Record<string, unknown>): RequestRecord {
  return {
    ...(r as unknown as RequestRecord),
    requesterLivesWith: !!r.requesterLivesWith,
    observanceDays: r.observanceDays ? (JSON.parse(r.observanceDays as string) as IsoDate[]) : [],
  };
}

export function loadRequest(db: Db, id: number): RequestRecord {
  const r = db.prepare(`SELECT ${REQUEST_COLUMNS('')} FROM leave_requests WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!r) {
    throw new AppError('not_found', `There is no leave request ${id}.`);
  }
  return toRequest(r);
}

export function loadPupil(db: Db, id: number): PupilRecord {
  const p = db
    .prepare(
      'SELECT id, upn, forename, preferred_forename AS preferredForename, surname, dob, year_group AS yearGroup, reg_group AS regGroup, address FROM pupils WHERE id = ?',
    )
    .get(id) as PupilRecord | undefined;
  if (!p) {
    throw noSuchPupil();
  }
  return p;
}

const DECISION_COLUMNS = `id, request_id AS requestId, outcome, days_granted AS daysGranted, sessions_granted AS sessionsGranted, code, sessions, reason,
  decider_name AS deciderName, decider_position AS deciderPosition, decider_user_id AS deciderUserId, decided_at AS decidedAt, supersedes`;
const toDecision = (r: Record<string, unknown>): DecisionRecord => ({
  ...(r as unknown as DecisionRecord),
  sessions: JSON.parse(r.sessions as string) as PlannedSession[],
});

export function loadDecision(db: Db, id: number): DecisionRecord {
  const r = db.prepare(`SELECT ${DECISION_COLUMNS} FROM leave_decisions WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!r) {
    throw new AppError('not_found', `There is no leave decision ${id}.`);
  }
  return toDecision(r);
}

/** Every decision on a request, oldest first. */
export function decisionsOf(db: Db, requestId: number): DecisionRecord[] {
  return (
    db
      .prepare(`SELECT ${DECISION_COLUMNS} FROM leave_decisions WHERE request_id = ? ORDER BY id`)
      .all(requestId) as Record<string, unknown>[]
  ).map(toDecision);
}

/** The decision in force: the one no later decision supersedes. */
export function currentDecision(db: Db, requestId: number): DecisionRecord | null {
  const r = db
    .prepare(
      `SELECT ${DECISION_COLUMNS} FROM leave_decisions d WHERE request_id = ? AND NOT EXISTS (SELECT 1 FROM leave_decisions s WHERE s.supersedes = d.id) ORDER BY id DESC LIMIT 1`,
    )
    .get(requestId) as Record<string, unknown> | undefined;
  return r ? toDecision(r) : null;
}

/** reg 11(1): the head, or a person the head has authorised to grant leave. */
/** Whether this caller decides leave: the contract's declared rule, which dispatch checks on leave.decide. */
export function isDecider(s: RpcSession): boolean {
  return RULES.leaveDecider.allows(s);
}

/** The school sessions asked for, in order: from (date, session) to (date, session) inclusive. */
export function requestedSessions(
  cal: Calendar,
  r: Pick<RequestRecord, 'fromDate' | 'fromSession' | 'toDate' | 'toSession'>,
): SessionRef[] {
  const out: SessionRef[] = [];
  for (const date of cal.schoolDays(r.fromDate, r.toDate)) {
    for (const session of ['AM', 'PM'] as const) {
      if (date === r.fromDate && r.fromSession === 'PM' && session === 'AM') {
        continue;
      }
      if (date === r.toDate && r.toSession === 'AM' && session === 'PM') {
        continue;
      }
      out.push({ date, session });
    }
  }
  return out;
}

/** The code each requested session would be granted with: the kind's code; for a religious observance, R only on
 * the days the religious body sets apart, and C (leave at the head's discretion) on any extra day. */
export function codeFor(r: Pick<RequestRecord, 'kind' | 'observanceDays'>, date: IsoDate): string {
  if (r.kind === 'religious_observance') {
    return r.observanceDays.includes(date) ? 'R' : 'C';
  }
  return LEAVE_KIND_CODES[r.kind];
}

const daysOf = (sessions: readonly SessionRef[]) => [...new Set(sessions.map((s) => s.date))];

/** The sessions a decision grants: R observance days always (they are not leave); of the rest, all, the first
 * `days` school days, or none. */
export function grantedSessions(
  r: RequestRecord,
  sessions: readonly SessionRef[],
  outcome: Outcome,
  days: number,
): PlannedSession[] {
  const coded = sessions.map((s) => ({ ...s, code: codeFor(r, s.date) }));
  const observed = coded.filter((s) => s.code === 'R');
  const leave = coded.filter((s) => s.code !== 'R');
  const leaveDays = daysOf(leave);
  const keep =
    outcome === 'granted'
      ? new Set(leaveDays)
      : outcome === 'part'
        ? new Set(leaveDays.slice(0, days))
        : new Set<string>();
  return [...observed, ...leave.filter((s) => keep.has(s.date))].sort((a, b) =>
    a.date + a.session < b.date + b.session ? -1 : 1,
  );
}

/** Decide within this many school days of receiving the request (project default). */
export const LEAVE_DECISION_SCHOOL_DAYS = 5;

/** When a pending request should be decided by: 5 school days after it arrived, and before the leave starts. */
function decideByOf(cal: Calendar, r: RequestRecord): IsoDate {
  const due = cal.nthSchoolDayAfter(r.dateReceived, LEAVE_DECISION_SCHOOL_DAYS);
  return due && due < r.fromDate ? due : r.fromDate;
}

function statusOf(d: DecisionRecord | null): Status {
  return d ? d.outcome : 'pending';
}

interface Check {
  warnings: Output<'leave.get'>['warnings'];
  cannotGrant: string[];
  compulsory: boolean;
}

function checks(db: Db, r: RequestRecord, p: PupilRecord, sessions: SessionRef[]): Check {
  const warnings: Check['warnings'] = [];
  const cannotGrant: string[] = [];
  const compulsory = isCompulsoryAge(p.dob, r.fromDate);
  if (sessions.length === 0) {
    warnings.push({
      kind: 'no_school_sessions',
      message: 'No school session falls in the dates asked for: there is nothing to decide.',
    });
    cannotGrant.push('no school session falls in the dates asked for');
  }
  if (!r.requesterLivesWith) {
    const m = `${r.requesterName} is not recorded as a parent ${knownAs(p)} normally lives with: leave can be granted only on a request from such a parent.`;
    warnings.push({ kind: 'not_lives_with', message: m });
    cannotGrant.push(`${r.requesterName} is not recorded as living with the pupil`);
  }
  const leaveCodes = new Set(sessions.map((s) => codeFor(r, s.date)));
  if (r.dateReceived >= r.fromDate) {
    warnings.push({
      kind: 'not_in_advance',
      message: `Received ${formatUkDate(r.dateReceived)}, on or after the first day asked for (${formatUkDate(r.fromDate)}): not made in advance, so it cannot be granted as C; code the absence by what happened.`,
    });
    if (leaveCodes.has('C')) {
      cannotGrant.push('the request was not made in advance, so it cannot be granted as C');
    }
  }
  if (!compulsory) {
    warnings.push({
      kind: 'not_compulsory_age',
      message: `${knownAs(p)} is not of compulsory school age on ${formatUkDate(r.fromDate)}: no penalty notice applies, and letters carry no penalty wording.`,
    });
  }
  if (r.kind === 'part_time') {
    if (!compulsory) {
      warnings.push({
        kind: 'part_time',
        message:
          'A part-time timetable (C2) is only for a pupil of compulsory school age; sessions an older or younger pupil is not required to attend are X.',
      });
      cannotGrant.push('C2 is only for a pupil of compulsory school age');
    } else {
      warnings.push({
        kind: 'part_time',
        message:
          'A part-time timetable must be temporary, agreed with a parent the pupil lives with, regularly reviewed and never used to manage behaviour; the end date asked for is its time limit.',
      });
    }
  }
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
        message: `${extra.length} day${extra.length > 1 ? 's' : ''} asked for ${extra.length > 1 ? 'are' : 'is'} not set apart by ${r.religiousBody ?? 'the religious body'} (${extra.map(formatUkDate).join(', ')}): only the observance day${r.observanceDays.length > 1 ? 's are' : ' is'} R; extra days are leave (C) or unauthorised.`,
      });
    }
  }
  for (const s of sessions) {
    const code = codeFor(r, s.date);
    if (!codeOn(code, s.date)) {
      cannotGrant.push(`${code} is not a valid code on ${formatUkDate(s.date)}`);
    }
  }
  // Another leave request already planned on these sessions
  if (sessions.length) {
    const other = db
      .prepare(
        `SELECT DISTINCT source_id AS id FROM planned_marks WHERE pupil_id = ? AND source = 'leave' AND source_id <> ? AND date BETWEEN ? AND ?`,
      )
      .all(r.pupilId, r.id, r.fromDate, r.toDate) as { id: number }[];
    if (other.length) {
      warnings.push({
        kind: 'overlap',
        message: `Leave already granted on request ${other.map((o) => o.id).join(', ')} covers some of these days.`,
      });
    }
    const marked = (
      db
        .prepare('SELECT count(*) AS n FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?')
        .get(r.pupilId, r.fromDate, r.toDate) as { n: number }
    ).n;
    if (marked) {
      warnings.push({
        kind: 'marks_exist',
        message: `${marked} of these sessions already have a register mark; a decision never overwrites a mark (amend the register if it must change).`,
      });
    }
  }
  return { warnings, cannotGrant: [...new Set(cannotGrant)], compulsory };
}

function pupilMarks(db: Db, pupilId: number, from: IsoDate, to: IsoDate): StatsMark[] {
  return db
    .prepare(
      'SELECT date, session, code, minutes_late AS minutesLate FROM marks WHERE pupil_id = ? AND date >= ? AND date <= ? ORDER BY date, session',
    )
    .all(pupilId, from, to) as StatsMark[];
}

function atRiskPct(db: Db): number {
  return (
    (
      db.prepare('SELECT at_risk_lower_pct AS pct FROM school WHERE id = 1').get() as
        { pct: number } | undefined
    )?.pct ?? DEFAULT_AT_RISK_LOWER_PCT
  );
}

/** The pupil's figures for the school year to date (the same computePupilStats as every other figure). */
function currentFigures(ctx: Ctx, cal: Calendar, pupilId: number): Output<'leave.get'>['figures'] {
  const to = ctx.today();
  const from = `${academicYearOf(to)}-09-01`;
  const pctx = buildPeriodContext(cal, { from, to }, { atRiskLowerPct: atRiskPct(ctx.store.db) });
  const s = computePupilStats(
    pctx,
    { upn: '' },
    pupilMarks(ctx.store.db, pupilId, pctx.earliestMarkDate, to),
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
function forecastFor(
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
  const marks = pupilMarks(db, r.pupilId, pctx.earliestMarkDate, to);
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

// ---- intake ------------------------------------------------------------------------------------------------

export function createRequest(ctx: Ctx, i: Input<'leave.create'>): Output<'leave.create'> {
  const db = ctx.store.db;
  const issues: Issue[] = [];
  const start = i.fromDate + (i.fromSession === 'AM' ? '0' : '1'),
    end = i.toDate + (i.toSession === 'AM' ? '0' : '1');
  if (end < start) {
    issues.push({ path: 'toDate', message: 'the leave ends before it starts' });
  }
  if (i.dateReceived > ctx.today()) {
    issues.push({ path: 'dateReceived', message: 'the date received is in the future' });
  }
  if (i.kind === 'part_time') {
    issues.push({
      path: 'kind',
      message:
        'a part-time timetable is no longer a kind of leave: agree it under Arrangements, with its pattern and reviews',
    });
  }
  const days = i.observanceDays ?? [];
  if (i.kind === 'religious_observance') {
    if (!i.observance?.trim()) {
      issues.push({ path: 'observance', message: 'name the observance' });
    }
    if (!i.religiousBody?.trim()) {
      issues.push({ path: 'religiousBody', message: 'name the religious body that sets the day apart' });
    }
    for (const d of days) {
      if (d < i.fromDate || d > i.toDate) {
        issues.push({ path: 'observanceDays', message: `${formatUkDate(d)} is outside the dates asked for` });
      }
    }
  } else if (days.length) {
    issues.push({
      path: 'observanceDays',
      message: 'observance days belong only to a religious observance request',
    });
  }
  const seen = new Set<number>();
  const cal = loadCalendar(db);
  if (requestedSessions(cal, i).length === 0 && !issues.length) {
    issues.push({ path: 'fromDate', message: 'no school session falls in the dates asked for' });
  }
  const resolved = i.pupils.map((x, k) => {
    if (seen.has(x.pupilId)) {
      issues.push({ path: `pupils.${k}`, message: 'this pupil is listed twice' });
    }
    seen.add(x.pupilId);
    const p = db
      .prepare(
        'SELECT id, admission_date AS admission, leaving_date AS leaving, forename, surname FROM pupils WHERE id = ?',
      )
      .get(x.pupilId) as
      | { id: number; admission: string; leaving: string | null; forename: string; surname: string }
      | undefined;
    if (!p) {
      issues.push({ path: `pupils.${k}`, message: `there is no pupil ${x.pupilId}` });
      return null;
    }
    if (p.leaving && p.leaving < i.fromDate) {
      issues.push({
        path: `pupils.${k}`,
        message: `${p.forename} ${p.surname} left on ${formatUkDate(p.leaving)}`,
      });
    }
    let contact:
      | { id: number; name: string; relationship: string | null; livesWith: number; address: string | null }
      | undefined;
    if (x.requesterContactId !== null) {
      contact = db
        .prepare(
          'SELECT id, name, relationship, lives_with AS livesWith, address FROM contacts WHERE id = ? AND pupil_id = ?',
        )
        .get(x.requesterContactId, x.pupilId) as typeof contact;
      if (!contact) {
        issues.push({
          path: `pupils.${k}`,
          message: `contact ${x.requesterContactId} is not a contact of ${p.forename} ${p.surname}`,
        });
      }
    }
    return { pupilId: p.id, contact };
  });
  if (issues.length) {
    throw new AppError(
      'invalid',
      `The request was not saved: ${issues.map((x) => x.message).join('; ')}.`,
      issues,
    );
  }
  const now = ctx.now();
  const familyId = Number(
    db
      .prepare('INSERT INTO leave_families (created_at, created_by) VALUES (?, ?)')
      .run(now, ctx.session.userName).lastInsertRowid,
  );
  const ins =
    db.prepare(`INSERT INTO leave_requests (family_id, pupil_id, requester_contact_id, requester_name, requester_relationship, requester_lives_with, requester_address,
    how_received, date_received, from_date, from_session, to_date, to_session, kind, reason, notes, observance, religious_body, observance_days, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const requestIds: number[] = [];
  for (const x of resolved) {
    const c = x!.contact;
    const id = Number(
      ins.run(
        familyId,
        x!.pupilId,
        c?.id ?? null,
        c?.name ?? i.requesterName,
        c?.relationship ?? null,
        c?.livesWith ? 1 : 0,
        c?.address ?? null,
        i.howReceived,
        i.dateReceived,
        i.fromDate,
        i.fromSession,
        i.toDate,
        i.toSession,
        i.kind,
        i.reason,
        i.notes ?? null,
        i.kind === 'religious_observance' ? (i.observance ?? null) : null,
        i.kind === 'religious_observance' ? (i.religiousBody ?? null) : null,
        i.kind === 'religious_observance' ? JSON.stringify([...new Set(days)].sort()) : null,
        now,
        ctx.session.userName,
      ).lastInsertRowid,
    );
    requestIds.push(id);
    ctx.audit('leave.request', 'leave_request', id, {
      familyId,
      pupilId: x!.pupilId,
      from: i.fromDate,
      to: i.toDate,
      kind: i.kind,
    });
  }
  return { familyId, requestIds };
}

type Row = Output<'leave.list'>['requests'][number];

function rowsFor(ctx: Ctx, where: string, params: unknown[]): Row[] {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const list = db
    .prepare(
      `SELECT ${REQUEST_COLUMNS('r.')}, p.upn, p.forename, p.preferred_forename AS preferred, p.surname, p.reg_group AS regGroup, p.year_group AS yearGroup, p.dob
    FROM leave_requests r JOIN pupils p ON p.id = r.pupil_id ${where} ORDER BY r.from_date DESC, r.id DESC`,
    )
    .all(...params) as Record<string, unknown>[];
  const letters = db.prepare(
    'SELECT count(*) AS n FROM leave_letters l JOIN leave_decisions d ON d.id = l.decision_id WHERE d.request_id = ?',
  );
  return list.map((x) => {
    const r = toRequest(x);
    const sessions = requestedSessions(cal, r);
    const d = currentDecision(db, r.id);
    const p = {
      id: r.pupilId,
      upn: x.upn as string,
      forename: x.forename as string,
      preferredForename: x.preferred as string | null,
      surname: x.surname as string,
      dob: x.dob as string,
      yearGroup: x.yearGroup as string,
      regGroup: x.regGroup as string,
      address: null,
    };
    return {
      id: r.id,
      familyId: r.familyId,
      pupilId: r.pupilId,
      upn: p.upn,
      pupilName: `${pupilName(p)}`,
      regGroup: p.regGroup,
      yearGroup: p.yearGroup,
      requesterName: r.requesterName,
      fromDate: r.fromDate,
      fromSession: r.fromSession,
      toDate: r.toDate,
      toSession: r.toSession,
      kind: r.kind,
      dateReceived: r.dateReceived,
      sessions: sessions.length,
      days: daysOf(sessions).length,
      status: statusOf(d),
      warnings: checks(db, r, p, sessions).warnings.filter((w) => w.kind !== 'not_compulsory_age').length,
      decidedBy: d ? `${d.deciderName}, ${d.deciderPosition}` : null,
      decidedAt: d?.decidedAt ?? null,
      daysGranted: d ? d.daysGranted : null,
      lettersProduced: (letters.get(r.id) as { n: number }).n,
      decideBy: d ? null : decideByOf(cal, r),
    };
  });
}

export function listRequests(ctx: Ctx, i: Input<'leave.list'>): Output<'leave.list'> {
  const conds: string[] = [],
    params: unknown[] = [];
  if (i.pupilId !== undefined) {
    conds.push('r.pupil_id = ?');
    params.push(i.pupilId);
  }
  const rows = rowsFor(ctx, conds.length ? `WHERE ${conds.join(' AND ')}` : '', params);
  return { requests: i.status ? rows.filter((r) => r.status === i.status) : rows };
}

/** Pending requests, oldest start first, for the head and authorised persons. */
export function queue(ctx: Ctx): Output<'leave.queue'> {
  const rows = rowsFor(
    ctx,
    'WHERE NOT EXISTS (SELECT 1 FROM leave_decisions d WHERE d.request_id = r.id)',
    [],
  );
  return {
    requests: rows.sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : a.id - b.id)),
  };
}

export function getRequest(ctx: Ctx, { id }: Input<'leave.get'>): Output<'leave.get'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const r = loadRequest(db, id);
  const p = loadPupil(db, r.pupilId);
  const sessions = requestedSessions(cal, r);
  const c = checks(db, r, p, sessions);
  const forecast = forecastFor(db, cal, r, sessions);
  const warnings = [...c.warnings];
  if (c.compulsory && sessions.length) {
    warnings.unshift({
      kind: 'penalty',
      message: `If this is refused and taken anyway, ${knownAs(p)} reaches ${forecast.ifTaken} unauthorised session${pluralS(forecast.ifTaken)} in the rolling 10-school-week window (threshold ${PENALTY_THRESHOLD_SESSIONS}; ${forecast.now} now)${forecast.now >= PENALTY_THRESHOLD_SESSIONS ? ', already at or over the threshold' : ''}${forecast.reachesThreshold ? ': a penalty notice must then be considered' : ''}.`,
    });
  }
  // Project default (docs/rules/letters.md §1.3 row 8): decide within 5 school days of the request, before
  // the leave starts.
  if (!currentDecision(db, id)) {
    const by = decideByOf(cal, r);
    if (by < ctx.today()) {
      warnings.push({
        kind: 'decision_due',
        message: `The decision was due by ${formatUkDate(by)} (within ${LEAVE_DECISION_SCHOOL_DAYS} school days of the request, and before the leave starts): decide and send the letter now.`,
      });
    }
  }
  const marks = new Map(
    (
      db
        .prepare('SELECT date, session, code FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?')
        .all(r.pupilId, r.fromDate, r.toDate) as { date: string; session: string; code: string }[]
    ).map((m) => [`${m.date}|${m.session}`, m.code]),
  );
  const letters = db
    .prepare(
      'SELECT id, decision_id AS decisionId, file_name AS fileName, generated_by AS generatedBy, generated_at AS generatedAt FROM leave_letters WHERE decision_id IN (SELECT id FROM leave_decisions WHERE request_id = ?) ORDER BY id',
    )
    .all(id) as {
    id: number;
    decisionId: number;
    fileName: string;
    generatedBy: string;
    generatedAt: string;
  }[];
  const cur = currentDecision(db, id);
  const row = rowsFor(ctx, 'WHERE r.id = ?', [id])[0];
  return {
    request: {
      ...row,
      requesterContactId: r.requesterContactId,
      requesterRelationship: r.requesterRelationship,
      requesterLivesWith: r.requesterLivesWith,
      howReceived: r.howReceived,
      reason: r.reason,
      notes: r.notes,
      observance: r.observance,
      religiousBody: r.religiousBody,
      observanceDays: r.observanceDays,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    },
    siblings: rowsFor(ctx, 'WHERE r.family_id = ? AND r.id <> ?', [r.familyId, id]).map((s) => ({
      id: s.id,
      pupilName: s.pupilName,
      status: s.status,
    })),
    compulsoryAge: c.compulsory,
    requested: sessions.map((s) => ({
      ...s,
      code: codeFor(r, s.date),
      mark: marks.get(`${s.date}|${s.session}`) ?? null,
    })),
    warnings,
    figures: currentFigures(ctx, cal, r.pupilId),
    forecast,
    canGrant: c.cannotGrant.length === 0,
    cannotGrantBecause: c.cannotGrant,
    decisions: decisionsOf(db, id).map((d) => ({
      id: d.id,
      outcome: d.outcome,
      daysGranted: d.daysGranted,
      sessionsGranted: d.sessionsGranted,
      code: d.code,
      sessions: d.sessions,
      reason: d.reason,
      deciderName: d.deciderName,
      deciderPosition: d.deciderPosition,
      decidedAt: d.decidedAt,
      supersedes: d.supersedes,
      current: d.id === cur?.id,
      letters: letters.filter((l) => l.decisionId === d.id).map(({ decisionId: _d, ...l }) => l),
    })),
    evidence: db
      .prepare(
        'SELECT id, file_name AS fileName, mime_type AS mimeType, size, sha256, added_by AS addedBy, added_at AS addedAt FROM leave_evidence WHERE request_id = ? ORDER BY id',
      )
      .all(id) as Output<'leave.get'>['evidence'],
    proposals: proposalsFor(ctx, id),
    mayDecide: isDecider(ctx.session),
  };
}

// ---- evidence ----------------------------------------------------------------------------------------------

const EVIDENCE_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/heic': ['heic'],
  'text/plain': ['txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
  'message/rfc822': ['eml'],
};

export function addEvidence(ctx: Ctx, i: Input<'leave.addEvidence'>): Output<'leave.addEvidence'> {
  const db = ctx.store.db;
  loadRequest(db, i.requestId);
  const ext = i.fileName.toLowerCase().split('.').pop() ?? '';
  const mime = Object.entries(EVIDENCE_TYPES).find(([, exts]) => exts.includes(ext))?.[0];
  if (!mime) {
    throw new AppError(
      'invalid',
      `${i.fileName}: evidence must be a PDF, a photo (JPEG, PNG, HEIC), a Word document, an email or a text file.`,
    );
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(i.base64)) {
    throw new AppError('invalid', `${i.fileName}: the file did not arrive intact (not base64).`);
  }
  const bytes = Buffer.from(i.base64, 'base64');
  if (bytes.length === 0) {
    throw new AppError('invalid', `${i.fileName} is empty.`);
  }
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    throw new AppError('invalid', `${i.fileName} is larger than 10 MB.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = Number(
    db
      .prepare(
        'INSERT INTO leave_evidence (request_id, file_name, mime_type, size, bytes, sha256, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(i.requestId, i.fileName, mime, bytes.length, bytes, sha256, ctx.session.userName, ctx.now())
      .lastInsertRowid,
  );
  ctx.audit('leave.evidence', 'leave_request', i.requestId, {
    evidenceId: id,
    fileName: i.fileName,
    size: bytes.length,
    sha256,
  });
  return { id, sha256, size: bytes.length };
}

export function getEvidence(ctx: Ctx, { id }: Input<'leave.evidence'>): Output<'leave.evidence'> {
  const e = ctx.store.db
    .prepare(
      'SELECT file_name AS fileName, mime_type AS mimeType, bytes, sha256 FROM leave_evidence WHERE id = ?',
    )
    .get(id) as { fileName: string; mimeType: string; bytes: Buffer; sha256: string } | undefined;
  if (!e) {
    throw new AppError('not_found', `There is no evidence file ${id}.`);
  }
  return { fileName: e.fileName, mimeType: e.mimeType, base64: e.bytes.toString('base64'), sha256: e.sha256 };
}

// ---- decisions ---------------------------------------------------------------------------------------------

function writeDecision(
  ctx: Ctx,
  i: Input<'leave.decide'>,
  supersedes: DecisionRecord | null,
): Output<'leave.decide'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const r = loadRequest(db, i.requestId);
  const p = loadPupil(db, r.pupilId);
  const sessions = requestedSessions(cal, r);
  const c = checks(db, r, p, sessions);
  const leaveDays = daysOf(sessions.filter((s) => codeFor(r, s.date) !== 'R')).length;
  let days = 0;
  if (i.outcome === 'part') {
    if (i.days === undefined) {
      throw new AppError('invalid', 'Say how many days are granted.');
    }
    if (i.days >= leaveDays) {
      throw new AppError(
        'invalid',
        `The request is for ${leaveDays} school day${pluralS(leaveDays)}: to grant ${i.days}, grant it in full.`,
      );
    }
    days = i.days;
  } else if (i.outcome === 'granted') {
    days = leaveDays;
  }
  if (i.outcome !== 'refused' && c.cannotGrant.length) {
    throw new AppError(
      'refused',
      `This request cannot be granted: ${c.cannotGrant.join('; ')}. It can be refused.`,
    );
  }
  const planned = grantedSessions(r, sessions, i.outcome, days);
  for (const s of planned) {
    if (!codeOn(s.code, s.date)) {
      throw new AppError('refused', `${s.code} is not a valid code on ${formatUkDate(s.date)}.`);
    }
  }
  const clash = db.prepare(
    `SELECT source_id AS id FROM planned_marks WHERE pupil_id = ? AND date = ? AND session = ? AND source = 'leave' AND source_id <> ?`,
  );
  for (const s of planned) {
    const other = clash.get(r.pupilId, s.date, s.session, r.id) as { id: number } | undefined;
    if (other) {
      throw new AppError(
        'conflict',
        `${formatUkDate(s.date)} ${s.session} is already granted on leave request ${other.id}; revise that decision first.`,
      );
    }
  }
  const now = ctx.now();
  const mainCode = planned.find((s) => s.code !== 'R')?.code ?? planned[0]?.code ?? null;
  const decisionId = Number(
    db
      .prepare(
        `INSERT INTO leave_decisions (request_id, outcome, days_granted, sessions_granted, code, sessions, reason, decider_name, decider_position, decider_user_id, decided_at, supersedes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        i.outcome,
        days,
        planned.length,
        mainCode,
        JSON.stringify(planned),
        i.reason.trim(),
        ctx.session.displayName ?? ctx.session.userName,
        ctx.session.position,
        ctx.session.userId ?? null,
        now,
        supersedes?.id ?? null,
      ).lastInsertRowid,
  );
  // Planned marks are not statutory: a revision replaces this request's set, and the audit log keeps both.
  const marks = planned.map((s) => ({
    pupilId: r.pupilId,
    date: s.date,
    session: s.session,
    code: s.code,
    note:
      s.code === 'R'
        ? `${r.observance ?? 'Religious observance'} (${r.religiousBody ?? 'religious body'}), leave request ${r.id}`
        : `${LEAVE_KIND_LABELS[r.kind]}: leave granted by ${ctx.session.userName} (request ${r.id})`,
  }));
  const replaced = replacePlannedMarks(ctx.store.orm, { source: 'leave', sourceId: r.id }, marks, {
    at: now,
    userName: ctx.session.userName,
  });
  const before = replaced.map((m) => ({ date: m.date, session: m.session, code: m.code }));
  ctx.audit(supersedes ? 'leave.revise' : 'leave.decide', 'leave_request', r.id, {
    decisionId,
    outcome: i.outcome,
    days,
    sessions: planned.length,
    supersedes: supersedes?.id ?? null,
    plannedBefore: before.length ? before : undefined,
  });
  return { decisionId, plannedMarks: planned.length };
}

export function decide(ctx: Ctx, i: Input<'leave.decide'>): Output<'leave.decide'> {
  const cur = currentDecision(ctx.store.db, i.requestId);
  if (cur) {
    throw new AppError(
      'conflict',
      `Leave request ${i.requestId} was already decided (${cur.outcome}, ${formatUkDate(cur.decidedAt.slice(0, 10))}); a change is a revision with a reason.`,
    );
  }
  return writeDecision(ctx, i, null);
}

export function revise(ctx: Ctx, i: Input<'leave.revise'>): Output<'leave.revise'> {
  const cur = currentDecision(ctx.store.db, i.requestId);
  if (!cur) {
    throw new AppError('conflict', `Leave request ${i.requestId} has not been decided yet; decide it first.`);
  }
  if (cur.id !== i.supersedes) {
    throw new AppError(
      'conflict',
      `Decision ${i.supersedes} is no longer the decision in force (decision ${cur.id} is); reload and revise that one.`,
    );
  }
  return writeDecision(ctx, i, cur);
}

// ---- G proposals -------------------------------------------------------------------------------------------

type Proposal = Output<'leave.gProposals'>['proposals'][number];

/** Sessions asked for and not granted (refused, or beyond the days granted) where the pupil's mark is an absence
 * other than G: proposed as G for the office to confirm. Unmarked sessions are not proposals yet. */
export function proposalsFor(ctx: Ctx, requestId?: number): Proposal[] {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const ids =
    requestId !== undefined
      ? [requestId]
      : (
          db.prepare('SELECT DISTINCT request_id AS id FROM leave_decisions ORDER BY request_id').all() as {
            id: number;
          }[]
        ).map((x) => x.id);
  const out: Proposal[] = [];
  for (const id of ids) {
    const d = currentDecision(db, id);
    if (!d) {
      continue;
    }
    const r = loadRequest(db, id);
    const p = loadPupil(db, r.pupilId);
    const granted = new Set(d.sessions.map((s) => `${s.date}|${s.session}`));
    const marks = new Map(
      (
        db
          .prepare('SELECT date, session, code FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?')
          .all(r.pupilId, r.fromDate, r.toDate) as { date: string; session: string; code: string }[]
      ).map((m) => [`${m.date}|${m.session}`, m.code]),
    );
    for (const s of requestedSessions(cal, r)) {
      const k = `${s.date}|${s.session}`;
      const code = marks.get(k);
      if (granted.has(k) || !code || !PROPOSABLE.has(code)) {
        continue;
      }
      out.push({
        requestId: id,
        pupilId: p.id,
        upn: p.upn,
        pupilName: `${pupilName(p)}`,
        regGroup: p.regGroup,
        date: s.date,
        session: s.session,
        code,
        why:
          d.outcome === 'refused'
            ? `leave refused on ${formatUkDate(d.decidedAt.slice(0, 10))}`
            : `beyond the ${d.daysGranted} day${pluralS(d.daysGranted)} granted`,
      });
    }
  }
  return out;
}

export function gProposals(ctx: Ctx, i: Input<'leave.gProposals'>): Output<'leave.gProposals'> {
  if (i.requestId !== undefined) {
    loadRequest(ctx.store.db, i.requestId);
  }
  return { proposals: proposalsFor(ctx, i.requestId) };
}

/** The office confirms proposed G marks; each is an amendment through markWriter, with a reason and the person. */
export function confirmG(ctx: Ctx, i: Input<'leave.confirmG'>): Output<'leave.confirmG'> {
  const writer = markWriter(ctx);
  const byRequest = new Map<number, Proposal[]>();
  const issues: Issue[] = [];
  const todo: { p: Proposal }[] = [];
  for (const [k, it] of i.items.entries()) {
    if (!byRequest.has(it.requestId)) {
      byRequest.set(it.requestId, proposalsFor(ctx, it.requestId));
    }
    const p = byRequest.get(it.requestId)!.find((x) => x.date === it.date && x.session === it.session);
    if (!p) {
      issues.push({
        path: `items.${k}`,
        message: `${formatUkDate(it.date)} ${it.session} on request ${it.requestId} is not proposed as G (granted, unmarked, or already G)`,
      });
      continue;
    }
    todo.push({ p });
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${issues.length} session${issues.length > 1 ? 's are' : ' is'} not a G proposal; nothing was changed.`,
      issues,
    );
  }
  for (const { p } of todo) {
    const stored = writer.existing(p.pupilId, p.date, p.session);
    if (!stored) {
      continue;
    }
    writer.amend(stored, 'G', null, {
      reason: i.reason?.trim() || `Holiday not granted (leave request ${p.requestId}: ${p.why})`,
      by: ctx.session.userName,
      position: ctx.session.position,
    });
  }
  ctx.audit('leave.confirmG', 'marks', null, {
    sessions: todo.map(({ p }) => ({
      requestId: p.requestId,
      pupilId: p.pupilId,
      date: p.date,
      session: p.session,
      from: p.code,
    })),
  });
  return { amended: todo.length };
}
