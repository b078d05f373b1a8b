// The head's decision and its revisions (reg 11; docs/rules/leave.md §1): append-only decisions, each citing the
// one it revises; the granted sessions become planned marks through the registers area.
import type { Input, Output } from '../../../shared/contract';
import { LEAVE_KIND_LABELS } from '../../../shared/channels/leave';
import { codeOn } from '../../../shared/codes';
import { formatUkDate } from '../../../shared/dates';
import { pluralS } from '../../../shared/names';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPupil } from '../pupils/load';
import { replacePlannedMarks } from '../registers/planned-marks';
import { checks } from './checks';
import {
  currentDecision,
  loadRequest,
  type DecisionRecord,
  type PlannedSession,
  type RequestRecord,
} from './records';
import { codeFor, daysOf, grantedSessions, requestedSessions } from './rules';
/** Writes a decision on a leave request (or a revision of the one in force, `supersedes`): the days granted are
 * checked, the granted sessions become the request's planned marks, and the decision is audited. */
function writeDecision(
  ctx: Ctx,
  i: Input<'leave.decide'>,
  supersedes: DecisionRecord | null,
): Output<'leave.decide'> {
  const { db, orm } = ctx.store;
  const cal = loadCalendar(db);
  const r = loadRequest(orm, i.requestId);
  const p = loadPupil(orm, r.pupilId);
  const sessions = requestedSessions(cal, r);
  const c = checks(db, r, p, sessions);
  const leaveDays = daysOf(sessions.filter((s) => codeFor(r, s.date) !== 'R')).length;
  const days = daysGranted(i, leaveDays);
  if (i.outcome !== 'refused' && c.cannotGrant.length) {
    throw new AppError(
      'refused',
      `This request cannot be granted: ${c.cannotGrant.join('; ')}. It can be refused.`,
    );
  }
  const planned = grantedSessions(r, sessions, i.outcome, days);
  checkPlanned(ctx, r, planned);
  const now = ctx.now();
  const decisionId = insertDecision(ctx, i, r, days, planned, supersedes, now);
  const before = replaceLeaveMarks(ctx, r, planned, now);
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

/** The school days granted: all of the leave's days in full, none when refused, and for a part grant the days
 * given, which must be fewer than the leave's. */
function daysGranted(i: Input<'leave.decide'>, leaveDays: number): number {
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
  return days;
}

/** Refuses granted sessions whose code is not valid on their date, or that another leave request already holds. */
function checkPlanned(ctx: Ctx, r: RequestRecord, planned: PlannedSession[]): void {
  for (const s of planned) {
    if (!codeOn(s.code, s.date)) {
      throw new AppError('refused', `${s.code} is not a valid code on ${formatUkDate(s.date)}.`);
    }
  }
  const clash = ctx.store.db.prepare<[number, string, string, number], { id: number }>(
    `SELECT source_id AS id FROM planned_marks WHERE pupil_id = ? AND date = ? AND session = ? AND source = 'leave' AND source_id <> ?`,
  );
  for (const s of planned) {
    const other = clash.get(r.pupilId, s.date, s.session, r.id);
    if (other) {
      throw new AppError(
        'conflict',
        `${formatUkDate(s.date)} ${s.session} is already granted on leave request ${other.id}; revise that decision first.`,
      );
    }
  }
}

/** Writes the decision row (citing the decision it revises, if any); returns its id. */
function insertDecision(
  ctx: Ctx,
  i: Input<'leave.decide'>,
  r: RequestRecord,
  days: number,
  planned: PlannedSession[],
  supersedes: DecisionRecord | null,
  now: string,
): number {
  const mainCode = planned.find((s) => s.code !== 'R')?.code ?? planned[0]?.code ?? null;
  return Number(
    ctx.store.db
      .prepare(
        `INSERT INTO leave_decisions (request_id, outcome, days_granted, sessions_granted, code, sessions, reason,
      decider_name, decider_position, decider_user_id, decided_at, supersedes)
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
}

/** Makes the granted sessions the request's planned marks, in place of the ones before; returns those it replaced.
 * Planned marks are not statutory: a revision replaces this request's set, and the audit log keeps both. */
function replaceLeaveMarks(
  ctx: Ctx,
  r: RequestRecord,
  planned: PlannedSession[],
  now: string,
): { date: string; session: string; code: string }[] {
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
  return replaced.map((m) => ({ date: m.date, session: m.session, code: m.code }));
}

export function decide(ctx: Ctx, i: Input<'leave.decide'>): Output<'leave.decide'> {
  const cur = currentDecision(ctx.store.orm, i.requestId);
  if (cur) {
    throw new AppError(
      'conflict',
      `Leave request ${i.requestId} was already decided (${cur.outcome}, ${formatUkDate(cur.decidedAt.slice(0, 10))}); ` +
        'a change is a revision with a reason.',
    );
  }
  return writeDecision(ctx, i, null);
}

export function revise(ctx: Ctx, i: Input<'leave.revise'>): Output<'leave.revise'> {
  const cur = currentDecision(ctx.store.orm, i.requestId);
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
