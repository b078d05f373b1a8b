// G proposals (docs/rules/leave.md §1): sessions asked for and not granted that the pupil then missed are proposed
// as G, and the office confirms each through markWriter (never applied automatically).
import type { Input, Issue, Output } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/dates';
import { pupilName, pluralS } from '../../../shared/names';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPupil } from '../pupils/load';
import { markWriter } from '../registers/mark-writer';
import { currentDecision, loadRequest } from './records';
import { PROPOSABLE, requestedSessions } from './rules';
type Proposal = Output<'leave.gProposals'>['proposals'][number];

/** Sessions asked for and not granted (refused, or beyond the days granted) where the pupil's mark is an absence
 * other than G: proposed as G for the office to confirm. Unmarked sessions are not proposals yet. */
export function proposalsFor(ctx: Ctx, requestId?: number): Proposal[] {
  const { db, orm } = ctx.store;
  const cal = loadCalendar(db);
  const ids =
    requestId !== undefined
      ? [requestId]
      : db
          .prepare<
            [],
            {
              id: number;
            }
          >('SELECT DISTINCT request_id AS id FROM leave_decisions ORDER BY request_id')
          .all()
          .map((x) => x.id);
  const out: Proposal[] = [];
  for (const id of ids) {
    const d = currentDecision(orm, id);
    if (!d) {
      continue;
    }
    const r = loadRequest(orm, id);
    const p = loadPupil(orm, r.pupilId);
    const granted = new Set(d.sessions.map((s) => `${s.date}|${s.session}`));
    const marks = new Map(
      db
        .prepare<[number, string, string], { date: string; session: string; code: string }>(
          'SELECT date, session, code FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?',
        )
        .all(r.pupilId, r.fromDate, r.toDate)
        .map((m) => [`${m.date}|${m.session}`, m.code]),
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
    loadRequest(ctx.store.orm, i.requestId);
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
