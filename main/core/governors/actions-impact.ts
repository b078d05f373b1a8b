// Section 6 of the governor report, "actions and impact" (docs/rules/governor-report.md): counts only, never a
// pupil. The counts computed here come from the tables this app has today: meetings held, notices to improve and
// penalty notices, deletions from the admission register by ground, returns sent to the local authority, and leave
// decided. Support plans (casework) and part-time timetables, flexi-schooling, contracts, CME referrals and LA
// meeting actions (arrangements) are recorded by other areas: their counts come in through `ActionsSources`
// (actions-sources.ts reads them through those areas' functions); the rows appear only when they are given.
import type { z } from 'zod';
import type { ActionsSchema } from '../../../shared/channels/governors';
import { DELETION_GROUNDS } from '../../../shared/pupil';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { Db } from '../db/connection';

export type ActionsImpact = z.infer<typeof ActionsSchema>;

/** Counts from the casework records over the period (support plans, meetings, referrals, actions). */
export type CaseworkCounts = NonNullable<ActionsImpact['casework']>;
/** Counts from the arrangements records over the period (timetables, flexi-schooling, contracts, CME, LA meetings). */
export type ArrangementCounts = NonNullable<ActionsImpact['arrangements']>;
export interface ActionsSources {
  caseworkCounts?: (from: IsoDate, to: IsoDate) => CaseworkCounts;
  arrangementCounts?: (from: IsoDate, to: IsoDate) => ArrangementCounts;
}

type Count = { n: number };
// Only count(*) queries without GROUP BY: always one row, hence the `!`.
const one = (db: Db, sql: string, ...p: unknown[]) => db.prepare<unknown[], Count>(sql).get(...p)!.n;

function noticeCounts(db: Db, from: IsoDate, to: IsoDate) {
  const issued = (kind: string) =>
    one(
      db,
      'SELECT count(*) AS n FROM penalty_notices WHERE kind = ? AND issued_on >= ? AND issued_on <= ?',
      kind,
      from,
      to,
    );
  const event = (status: string) =>
    one(
      db,
      `SELECT count(*) AS n FROM penalty_notice_events e JOIN penalty_notices p ON p.id = e.notice_id
       WHERE p.kind = 'penalty_notice' AND e.status = ? AND e.on_date >= ? AND e.on_date <= ?`,
      status,
      from,
      to,
    );
  return {
    noticesToImprove: { issued: issued('notice_to_improve') },
    penaltyNotices: {
      issued: issued('penalty_notice'),
      paid: event('paid'),
      withdrawn: event('withdrawn'),
      prosecuted: event('prosecuted'),
    },
  };
}

function deletions(db: Db, from: IsoDate, to: IsoDate): ActionsImpact['deletionsByGround'] {
  const rows = db
    .prepare<[string, string], { ground: string | null; n: number }>(
      `SELECT deletion_ground AS ground, count(*) AS n FROM pupils
       WHERE leaving_date >= ? AND leaving_date <= ? GROUP BY deletion_ground`,
    )
    .all(from, to);
  const label = (g: string | null) =>
    g === null ? 'Ground not recorded' : (DELETION_GROUNDS.find((d) => d.code === g)?.label ?? g);
  const order = (g: string | null) => (g === null ? 1e9 : DELETION_GROUNDS.findIndex((d) => d.code === g));
  return rows
    .sort((a, b) => order(a.ground) - order(b.ground))
    .map((r) => ({ ground: r.ground ?? '', label: label(r.ground), pupils: r.n }));
}

function returnsSent(db: Db, from: IsoDate, to: IsoDate): ActionsImpact['returnsSent'] {
  const rows = db
    .prepare<[string, string], { kind: string; n: number }>(
      `SELECT kind, count(*) AS n FROM la_returns WHERE sent_at IS NOT NULL AND substr(sent_at, 1, 10) >= ?
       AND substr(sent_at, 1, 10) <= ? GROUP BY kind`,
    )
    .all(from, to);
  const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return {
    attendance: n('attendance'),
    sickness: n('sickness'),
    deletion: n('deletion'),
    newPupil: n('new_pupil'),
  };
}

/** When the school's day `d` starts, as the instant (ISO, UTC) that ctx.now() stamps: in summer time 00:30 on
 * 1 September is stamped 2025-08-31T23:30:00.000Z, so a stamp's own date is not the school's day. */
function dayStarts(d: IsoDate): string {
  return new Date(`${d}T00:00:00`).toISOString();
}

function leave(db: Db, from: IsoDate, to: IsoDate): ActionsImpact['leave'] {
  // The standing decision on each request decided in the period (a revision replaces the decision it cites), by
  // the school's local days: from the start of `from` to the start of the day after `to`.
  const rows = db
    .prepare<[string, string], { outcome: string; n: number }>(
      `SELECT outcome, count(*) AS n FROM leave_decisions d
       WHERE d.decided_at >= ? AND d.decided_at < ?
       AND NOT EXISTS (SELECT 1 FROM leave_decisions s WHERE s.supersedes = d.id) GROUP BY outcome`,
    )
    .all(dayStarts(from), dayStarts(addDays(to, 1)));
  const n = (k: string) => rows.find((r) => r.outcome === k)?.n ?? 0;
  return {
    decided: rows.reduce((s, r) => s + r.n, 0),
    granted: n('granted'),
    partGranted: n('part'),
    refused: n('refused'),
  };
}

function meetings(db: Db, from: IsoDate, to: IsoDate): ActionsImpact['meetingsHeld'] {
  const rows = db
    .prepare<[string, string], { kind: string; n: number }>(
      'SELECT kind, count(*) AS n FROM letter_meetings WHERE held = 1 AND date >= ? AND date <= ? GROUP BY kind',
    )
    .all(from, to);
  const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { attendance: n('attendance'), reintegration: n('reintegration'), contract: n('contract') };
}

/** The counts of the support work of [from, to]. */
export function actionsImpact(
  db: Db,
  from: IsoDate,
  to: IsoDate,
  sources: ActionsSources = {},
): ActionsImpact {
  return {
    meetingsHeld: meetings(db, from, to),
    ...noticeCounts(db, from, to),
    deletionsByGround: deletions(db, from, to),
    returnsSent: returnsSent(db, from, to),
    leave: leave(db, from, to),
    casework: sources.caseworkCounts ? sources.caseworkCounts(from, to) : null,
    arrangements: sources.arrangementCounts ? sources.arrangementCounts(from, to) : null,
  };
}
