// Reading leave requests (docs/rules/leave.md §1): the lists, the head's queue, and one request with everything
// the decision needs in view.
import { and, asc, between, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Calendar } from '../../../shared/calendar';
import type { Input, Output } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/dates';
import { PENALTY_THRESHOLD_SESSIONS } from '../../../shared/statistics/penalty-windows';
import { knownAs, pupilName, pluralS } from '../../../shared/names';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { marks, pupils } from '../db/schema';
import { leaveEvidence, leaveLetters, leaveRequests } from '../db/schema-leave';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPupil } from '../pupils/load';
import { checks, currentFigures, forecastFor } from './checks';
import { proposalsFor } from './proposals';
import { currentDecision, decisionsOf, loadRequest, toRequest, type RequestRecord } from './records';
import {
  codeFor,
  daysOf,
  decideByOf,
  isDecider,
  LEAVE_DECISION_SCHOOL_DAYS,
  requestedSessions,
  statusOf,
} from './rules';

type Row = Output<'leave.list'>['requests'][number];

function rowsFor(ctx: Ctx, where: SQL | undefined): Row[] {
  const { db, orm } = ctx.store;
  const cal = loadCalendar(db);
  const list = orm
    .select({ r: leaveRequests, p: pupils })
    .from(leaveRequests)
    .innerJoin(pupils, eq(pupils.id, leaveRequests.pupilId))
    .where(where)
    .orderBy(desc(leaveRequests.fromDate), desc(leaveRequests.id))
    .all();
  const letters = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM leave_letters l JOIN leave_decisions d ON d.id = l.decision_id WHERE d.request_id = ?',
  );
  return list.map(({ r: row, p }) => {
    const r = toRequest(row);
    const sessions = requestedSessions(cal, r);
    const d = currentDecision(orm, r.id);
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
      // count(*) without GROUP BY: always one row, hence the `!`.
      lettersProduced: letters.get(r.id)!.n,
      decideBy: d ? null : decideByOf(cal, r),
    };
  });
}

export function listRequests(ctx: Ctx, i: Input<'leave.list'>): Output<'leave.list'> {
  const where = i.pupilId === undefined ? undefined : eq(leaveRequests.pupilId, i.pupilId);
  const rows = rowsFor(ctx, where);
  return { requests: i.status ? rows.filter((r) => r.status === i.status) : rows };
}

/** Pending requests, oldest start first, for the head and authorised persons. */
export function queue(ctx: Ctx): Output<'leave.queue'> {
  const undecided = sql`NOT EXISTS (SELECT 1 FROM leave_decisions d WHERE d.request_id = ${leaveRequests.id})`;
  const rows = rowsFor(ctx, undecided);
  return {
    requests: rows.sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : a.id - b.id)),
  };
}

export function getRequest(ctx: Ctx, { id }: Input<'leave.get'>): Output<'leave.get'> {
  const { db, orm } = ctx.store;
  const cal = loadCalendar(db);
  const r = loadRequest(orm, id);
  const p = loadPupil(orm, r.pupilId);
  const sessions = requestedSessions(cal, r);
  const c = checks(db, r, p, sessions);
  const forecast = forecastFor(db, cal, r, sessions);
  const warnings = [...c.warnings];
  if (c.compulsory && sessions.length) {
    warnings.unshift({ kind: 'penalty', message: penaltyWarning(knownAs(p), forecast) });
  }
  const due = decisionDueWarning(ctx, cal, r);
  if (due) {
    warnings.push(due);
  }
  const marked = marksOfRequest(db, r);
  const row = rowsFor(ctx, eq(leaveRequests.id, id))[0];
  return {
    request: { ...row, ...requestDetails(r) },
    siblings: rowsFor(ctx, and(eq(leaveRequests.familyId, r.familyId), ne(leaveRequests.id, id))).map(
      (s) => ({ id: s.id, pupilName: s.pupilName, status: s.status }),
    ),
    compulsoryAge: c.compulsory,
    requested: sessions.map((s) => ({
      ...s,
      code: codeFor(r, s.date),
      mark: marked.get(`${s.date}|${s.session}`) ?? null,
    })),
    warnings,
    figures: currentFigures(ctx, cal, r.pupilId),
    forecast,
    canGrant: c.cannotGrant.length === 0,
    cannotGrantBecause: c.cannotGrant,
    decisions: decisionsWithLetters(ctx, id),
    evidence: evidenceOf(ctx, id),
    proposals: proposalsFor(ctx, id),
    mayDecide: isDecider(ctx.session),
  };
}

type RequestDetail = Output<'leave.get'>['request'];
type Forecast = Output<'leave.get'>['forecast'];

/** What the head reads about the penalty if the leave is refused and taken anyway. */
function penaltyWarning(name: string, forecast: Forecast): string {
  return (
    `If this is refused and taken anyway, ${name} reaches ${forecast.ifTaken} ` +
    `unauthorised session${pluralS(forecast.ifTaken)} in the rolling 10-school-week window ` +
    `(threshold ${PENALTY_THRESHOLD_SESSIONS}; ${forecast.now} now)` +
    `${forecast.now >= PENALTY_THRESHOLD_SESSIONS ? ', already at or over the threshold' : ''}` +
    `${forecast.reachesThreshold ? ': a penalty notice must then be considered' : ''}.`
  );
}

/** Project default (docs/rules/letters.md §1.3 row 8): decide within 5 school days of the request, before the
 * leave starts. The warning when an undecided request is past that. */
function decisionDueWarning(ctx: Ctx, cal: Calendar, r: RequestRecord) {
  if (currentDecision(ctx.store.orm, r.id)) {
    return null;
  }
  const by = decideByOf(cal, r);
  if (by >= ctx.today()) {
    return null;
  }
  return {
    kind: 'decision_due' as const,
    message:
      `The decision was due by ${formatUkDate(by)} (within ${LEAVE_DECISION_SCHOOL_DAYS} school days of the ` +
      'request, and before the leave starts): decide and send the letter now.',
  };
}

/** The register's marks on the dates asked for, by date and session. */
function marksOfRequest(db: Db, r: RequestRecord): Map<string, string> {
  const rows = drizzle(db)
    .select({ date: marks.date, session: marks.session, code: marks.code })
    .from(marks)
    .where(and(eq(marks.pupilId, r.pupilId), between(marks.date, r.fromDate, r.toDate)))
    .all();
  return new Map(rows.map((m) => [`${m.date}|${m.session}`, m.code]));
}

/** The parts of the request the list rows do not carry. */
function requestDetails(r: RequestRecord): Omit<RequestDetail, keyof ReturnType<typeof rowsFor>[number]> {
  return {
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
  };
}

/** Every decision on the request, oldest first, with the letters produced for it and which one is current. */
function decisionsWithLetters(ctx: Ctx, id: number): Output<'leave.get'>['decisions'] {
  const orm = ctx.store.orm;
  const decisions = decisionsOf(orm, id);
  const letters = lettersOf(
    ctx,
    decisions.map((d) => d.id),
  );
  const cur = currentDecision(orm, id);
  return decisions.map((d) => ({
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
  }));
}

/** The decision letters produced for these decisions, oldest first. */
function lettersOf(ctx: Ctx, decisionIds: number[]) {
  if (decisionIds.length === 0) {
    return [];
  }
  return ctx.store.orm
    .select({
      id: leaveLetters.id,
      decisionId: leaveLetters.decisionId,
      fileName: leaveLetters.fileName,
      generatedBy: leaveLetters.generatedBy,
      generatedAt: leaveLetters.generatedAt,
    })
    .from(leaveLetters)
    .where(inArray(leaveLetters.decisionId, decisionIds))
    .orderBy(asc(leaveLetters.id))
    .all();
}

/** The evidence files of a request (without their bytes), oldest first. */
function evidenceOf(ctx: Ctx, requestId: number): Output<'leave.get'>['evidence'] {
  return ctx.store.orm
    .select({
      id: leaveEvidence.id,
      fileName: leaveEvidence.fileName,
      mimeType: leaveEvidence.mimeType,
      size: leaveEvidence.size,
      sha256: leaveEvidence.sha256,
      addedBy: leaveEvidence.addedBy,
      addedAt: leaveEvidence.addedAt,
    })
    .from(leaveEvidence)
    .where(eq(leaveEvidence.requestId, requestId))
    .orderBy(asc(leaveEvidence.id))
    .all();
}
