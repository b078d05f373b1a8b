// The pure rules of leave (reg 11; docs/rules/leave.md §1): which sessions a request covers, the code each would
// be granted with, what a decision grants, and when it is due. No database here.
import { RULES, type Session as RpcSession } from '../../../shared/contract';
import { LEAVE_KIND_CODES } from '../../../shared/channels/leave';
import type { Calendar } from '../../../shared/calendar';
import type { IsoDate } from '../../../shared/dates';
import type { DecisionRecord, Outcome, PlannedSession, RequestRecord, SessionRef, Status } from './records';

/** Reasons other than G that a proposal replaces: unexplained absence, and leave codes on sessions no longer
 * granted. */
export const PROPOSABLE = new Set(['N', 'O', 'C', 'C1', 'C2', 'J1', 'S', 'M', 'R']);

/** Decide within this many school days of receiving the request (project default). */
export const LEAVE_DECISION_SCHOOL_DAYS = 5;

/** reg 11(1): the head, or a person the head has authorised to grant leave: the contract's declared rule, which
 * dispatch checks on leave.decide. */
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

export const daysOf = (sessions: readonly SessionRef[]) => [...new Set(sessions.map((s) => s.date))];

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

/** When a pending request should be decided by: 5 school days after it arrived, and before the leave starts. */
export function decideByOf(cal: Calendar, r: RequestRecord): IsoDate {
  const due = cal.nthSchoolDayAfter(r.dateReceived, LEAVE_DECISION_SCHOOL_DAYS);
  return due && due < r.fromDate ? due : r.fromDate;
}

export function statusOf(d: DecisionRecord | null): Status {
  return d ? d.outcome : 'pending';
}
