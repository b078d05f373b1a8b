// Taking a leave request in (docs/rules/leave.md §1): one request per pupil of a family, from a parent the
// pupil lives with, checked before anything is written.
import { and, eq } from 'drizzle-orm';
import type { Input, Issue, Output } from '../../../shared/contract';
import { pupilName } from '../../../shared/names';
import { formatUkDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import type { Orm } from '../db/connection';
import { AppError, noSuchPupil } from '../errors';
import { contacts, pupils } from '../db/schema';
import { loadCalendar } from '../calendar/calendar.service';
import { requestedSessions } from './rules';

type LeaveInput = Input<'leave.create'>;
/** A pupil of the request, found, with the contact chosen as the requester if one was. */
type ResolvedPupil = { pupilId: number; contact: typeof contacts.$inferSelect | undefined };

export function createRequest(ctx: Ctx, i: LeaveInput): Output<'leave.create'> {
  const { db, orm } = ctx.store;
  const issues: Issue[] = [];
  const days = i.observanceDays ?? [];
  checkDatesAndKind(ctx, i, days, issues);
  const cal = loadCalendar(db);
  if (requestedSessions(cal, i).length === 0 && !issues.length) {
    issues.push({ path: 'fromDate', message: 'no school session falls in the dates asked for' });
  }
  const resolved = resolvePupils(orm, i, issues);
  if (issues.length) {
    throw new AppError(
      'invalid',
      `The request was not saved: ${issues.map((x) => x.message).join('; ')}.`,
      issues,
    );
  }
  return insertRequests(ctx, i, days, resolved);
}

/** Notes the issues with the dates asked for and received, and with the kind of leave: a part-time timetable is
 * no longer one, and a religious observance names the observance, the religious body and days within the dates. */
function checkDatesAndKind(ctx: Ctx, i: LeaveInput, days: string[], issues: Issue[]): void {
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
}

/** Finds each pupil of the request and the contact chosen as its requester, noting a pupil listed twice, not
 * found, or left before the leave starts, and a requester who is not a contact of the pupil (null: not found). */
function resolvePupils(orm: Orm, i: LeaveInput, issues: Issue[]): (ResolvedPupil | null)[] {
  const seen = new Set<number>();
  return i.pupils.map((x, k) => {
    if (seen.has(x.pupilId)) {
      issues.push({ path: `pupils.${k}`, message: 'this pupil is listed twice' });
    }
    seen.add(x.pupilId);
    const p = orm.select().from(pupils).where(eq(pupils.id, x.pupilId)).get();
    if (!p) {
      issues.push({ path: `pupils.${k}`, message: noSuchPupil().message });
      return null;
    }
    if (p.leavingDate && p.leavingDate < i.fromDate) {
      issues.push({
        path: `pupils.${k}`,
        message: `${pupilName(p)} left on ${formatUkDate(p.leavingDate)}`,
      });
    }
    let contact: typeof contacts.$inferSelect | undefined;
    if (x.requesterContactId !== null) {
      contact = orm
        .select()
        .from(contacts)
        .where(and(eq(contacts.id, x.requesterContactId), eq(contacts.pupilId, x.pupilId)))
        .get();
      if (!contact) {
        issues.push({
          path: `pupils.${k}`,
          message: `the person chosen as the requester is not a contact of ${pupilName(p)}: choose one of their contacts`,
        });
      }
    }
    return { pupilId: p.id, contact };
  });
}

/** Writes the family and one request for each of its pupils (with the requester as the contact records them),
 * auditing each request. */
function insertRequests(
  ctx: Ctx,
  i: LeaveInput,
  days: string[],
  resolved: (ResolvedPupil | null)[],
): Output<'leave.create'> {
  const { db } = ctx.store;
  const now = ctx.now();
  const familyId = Number(
    db
      .prepare('INSERT INTO leave_families (created_at, created_by) VALUES (?, ?)')
      .run(now, ctx.session.userName).lastInsertRowid,
  );
  const ins =
    db.prepare(`INSERT INTO leave_requests (family_id, pupil_id, requester_contact_id, requester_name,
    requester_relationship, requester_lives_with, requester_address, how_received, date_received, from_date,
    from_session, to_date, to_session, kind, reason, notes, observance, religious_body, observance_days,
    created_at, created_by)
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
