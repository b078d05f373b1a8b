// The leave area's rows (docs/rules/leave.md): requests and decisions read as typed drizzle rows, with their JSON
// columns (observance days, granted sessions) parsed once here.
import { asc, eq } from 'drizzle-orm';
import type { IsoDate, Session } from '../../../shared/dates';
import type { Orm } from '../db/connection';
import { leaveDecisions, leaveRequests } from '../db/schema-leave';
import { AppError } from '../errors';

/** Any drizzle handle that can select (the store's, or one made over a bare connection). */
type Reader = Pick<Orm, 'select'>;

export interface SessionRef {
  date: IsoDate;
  session: Session;
}
export interface PlannedSession extends SessionRef {
  code: string;
}

export type RequestRow = typeof leaveRequests.$inferSelect;
export interface RequestRecord extends Omit<RequestRow, 'observanceDays'> {
  observanceDays: IsoDate[];
}
type DecisionRow = typeof leaveDecisions.$inferSelect;
export interface DecisionRecord extends Omit<DecisionRow, 'sessions'> {
  sessions: PlannedSession[];
}
export type Outcome = DecisionRecord['outcome'];
export type Status = 'pending' | Outcome;

export function toRequest(r: RequestRow): RequestRecord {
  const days = r.observanceDays ? (JSON.parse(r.observanceDays) as IsoDate[]) : [];
  return { ...r, observanceDays: days };
}

function toDecision(r: DecisionRow): DecisionRecord {
  return { ...r, sessions: JSON.parse(r.sessions) as PlannedSession[] };
}

export function loadRequest(orm: Reader, id: number): RequestRecord {
  const r = orm.select().from(leaveRequests).where(eq(leaveRequests.id, id)).get();
  if (!r) {
    throw new AppError('not_found', `There is no leave request ${id}.`);
  }
  return toRequest(r);
}

export function loadDecision(orm: Reader, id: number): DecisionRecord {
  const r = orm.select().from(leaveDecisions).where(eq(leaveDecisions.id, id)).get();
  if (!r) {
    throw new AppError('not_found', `There is no leave decision ${id}.`);
  }
  return toDecision(r);
}

/** Every decision on a request, oldest first. */
export function decisionsOf(orm: Reader, requestId: number): DecisionRecord[] {
  const rows = orm
    .select()
    .from(leaveDecisions)
    .where(eq(leaveDecisions.requestId, requestId))
    .orderBy(asc(leaveDecisions.id))
    .all();
  return rows.map(toDecision);
}

/** The decision in force: the latest one no later decision supersedes. */
export function currentDecision(orm: Reader, requestId: number): DecisionRecord | null {
  const all = decisionsOf(orm, requestId);
  const superseded = new Set(all.map((d) => d.supersedes));
  return all.filter((d) => !superseded.has(d.id)).at(-1) ?? null;
}
