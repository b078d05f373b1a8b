// The local authority's termly targeting support meeting (docs/rules/arrangements.md, "The LA meeting"): the pack
// of pupils to discuss (severe, persistent and at risk by band, with each one's latest support step and open
// actions, and every part-time timetable and flexi agreement in force), the record of the meeting, and its actions,
// which are casework actions on the pupil so they reach the pupil's casework and the due list.
import { insertAction } from '../casework/records';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, formatUkDate, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { pupils } from '../db/schema';
import { caseworkActions } from '../db/schema-casework';
import { laMeetingActions, laMeetingPupils, laMeetings } from '../db/schema-arrangements';
import { reportPupils } from '../reports/report-pupils';
import { allArrangements } from './queries';
import { ARRANGEMENT_KIND_LABELS, patternText } from '../../../shared/arrangements';
import { drizzle } from 'drizzle-orm/better-sqlite3';

export const PACK_BANDS = ['severe', 'persistent', 'at_risk'] as const;
export const PACK_BAND_LABELS: Record<(typeof PACK_BANDS)[number], string> = {
  severe: 'Severely absent (50% or more)',
  persistent: 'Persistently absent (10% or more)',
  at_risk: 'At risk of persistent absence',
};

export interface PackPupil {
  pupilId: number;
  name: string;
  upn: string;
  yearGroup: string;
  regGroup: string;
  attendancePct: number | null;
  latestStep: string;
  openActions: string[];
}
export interface PackData {
  asOf: IsoDate;
  from: IsoDate;
  bands: { band: (typeof PACK_BANDS)[number]; label: string; pupils: PackPupil[] }[];
  arrangements: {
    name: string;
    kind: string;
    pattern: string;
    from: string;
    to: string;
    nextReview: string;
  }[];
  lastActions: { name: string; what: string; owner: string; due: string; status: string }[];
}

/** The latest support step of each pupil: the newest casework meeting, plan, referral, letter or arrangement. */
function latestSteps(db: Db, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!ids.length) {
    return out;
  }
  const list = ids.join(',');
  const rows = db
    .prepare<[], { p: number; d: string; what: string }>(
      `SELECT pupil_id AS p, d, what FROM (
      SELECT pupil_id, date AS d, 'meeting (' || kind || ')' AS what FROM casework_meetings WHERE pupil_id IN (${list})
      UNION ALL SELECT pupil_id, start_on, 'reintegration plan' FROM casework_plans WHERE pupil_id IN (${list})
      UNION ALL SELECT pupil_id, made_on, replace(kind, '_', ' ') || ': ' || service FROM casework_referrals WHERE pupil_id IN (${list})
      UNION ALL SELECT pupil_id, letter_date, 'letter: ' || template FROM letter_log WHERE pupil_id IN (${list})
      UNION ALL SELECT pupil_id, start_date, CASE kind WHEN 'flexi' THEN 'flexi agreement' ELSE 'part-time timetable' END
        FROM arrangements WHERE pupil_id IN (${list})
    ) ORDER BY d`,
    )
    .all();
  for (const r of rows) {
    out.set(r.p, `${r.what}, ${formatUkDate(r.d)}`);
  }
  return out;
}

export function packData(db: Db, asOf: IsoDate): PackData {
  const from = `${academicYearOf(asOf)}-09-01`;
  const report = reportPupils(db, { from, to: asOf, asOf });
  const orm = drizzle(db);
  const byUpn = new Map(
    orm
      .select()
      .from(pupils)
      .all()
      .map((p) => [p.upn, p]),
  );
  const inBand = report.pupils.filter((p) => p.band && p.band !== 'expected' && byUpn.has(p.upn));
  const ids = inBand.map((p) => byUpn.get(p.upn)!.id);
  const steps = latestSteps(db, ids);
  const open = ids.length
    ? orm.select().from(caseworkActions).where(inArray(caseworkActions.pupilId, ids)).all()
    : [];
  const bands = PACK_BANDS.map((band) => ({
    band,
    label: PACK_BAND_LABELS[band],
    pupils: inBand
      .filter((s) => s.band === band)
      .map((s) => {
        const p = byUpn.get(s.upn)!;
        return {
          pupilId: p.id,
          name: pupilName(p),
          upn: p.upn,
          yearGroup: p.yearGroup,
          regGroup: p.regGroup,
          attendancePct: s.attendancePct,
          latestStep: steps.get(p.id) ?? 'none recorded',
          openActions: open
            .filter((a) => a.pupilId === p.id && a.status === 'open')
            .map((a) => `${a.what} (by ${formatUkDate(a.dueOn)})`),
        };
      })
      .sort((a, b) => (a.attendancePct ?? 0) - (b.attendancePct ?? 0)),
  }));
  const arrangements = allArrangements(db, asOf)
    .filter((a) => a.status === 'active' || a.status === 'review_overdue' || a.status === 'expired')
    .map((a) => ({
      name: a.pupilName,
      kind: ARRANGEMENT_KIND_LABELS[a.kind],
      pattern: patternText(a.pattern),
      from: formatUkDate(a.startDate),
      to: a.endDate ? formatUkDate(a.endDate) : 'open-ended',
      nextReview: a.nextReviewOn ? formatUkDate(a.nextReviewOn) : '',
    }));
  return { asOf, from, bands, arrangements, lastActions: lastMeetingActions(db) };
}

/** The actions of the latest meeting with their status now: what the next meeting follows up. */
function lastMeetingActions(db: Db): PackData['lastActions'] {
  const orm = drizzle(db);
  const last = orm.select().from(laMeetings).orderBy(desc(laMeetings.heldOn), desc(laMeetings.id)).get();
  if (!last) {
    return [];
  }
  return orm
    .select()
    .from(laMeetingActions)
    .innerJoin(caseworkActions, eq(caseworkActions.id, laMeetingActions.caseworkActionId))
    .innerJoin(pupils, eq(pupils.id, laMeetingActions.pupilId))
    .where(eq(laMeetingActions.meetingId, last.id))
    .all()
    .map((r) => ({
      name: pupilName(r.pupils),
      what: r.casework_actions.what,
      owner: r.casework_actions.ownerName ?? r.casework_actions.ownerKind,
      due: formatUkDate(r.casework_actions.dueOn),
      status: r.casework_actions.status.replace('_', ' '),
    }));
}

/** Refuses a meeting in the future, an action for a pupil not discussed or due before the meeting, and a pupil
 * who is not on the register. */
function checkLaMeeting(ctx: Ctx, i: Input<'arrangements.laMeetingSave'>): void {
  const orm = ctx.store.orm;
  if (i.heldOn > ctx.today()) {
    throw new AppError('invalid', 'A meeting is recorded once it has been held: its date is in the future.');
  }
  const discussed = new Set(i.pupils.map((p) => p.pupilId));
  for (const a of i.actions) {
    if (!discussed.has(a.pupilId)) {
      throw new AppError(
        'invalid',
        'Each action is for a pupil discussed at the meeting: add the pupil first.',
      );
    }
    if (a.dueOn < i.heldOn) {
      throw new AppError('invalid', `An action is due on or after the meeting (${formatUkDate(i.heldOn)}).`);
    }
  }
  const known = new Set(
    orm
      .select({ id: pupils.id })
      .from(pupils)
      .where(inArray(pupils.id, [...discussed]))
      .all()
      .map((p) => p.id),
  );
  if ([...discussed].some((id) => !known.has(id))) {
    throw new AppError('not_found', 'One of the pupils discussed is not on the register.');
  }
}

export function saveLaMeeting(
  ctx: Ctx,
  i: Input<'arrangements.laMeetingSave'>,
): Output<'arrangements.laMeetingSave'> {
  checkLaMeeting(ctx, i);
  const orm = ctx.store.orm;
  const by = ctx.session.displayName ?? ctx.session.userName;
  const at = ctx.now();
  const m = orm
    .insert(laMeetings)
    .values({ heldOn: i.heldOn, officer: i.officer, notes: i.notes ?? null, recordedBy: by, recordedAt: at })
    .returning()
    .get();
  for (const p of i.pupils) {
    orm
      .insert(laMeetingPupils)
      .values({ meetingId: m.id, pupilId: p.pupilId, band: p.band ?? null, note: p.note ?? null })
      .run();
  }
  for (const a of i.actions) {
    const cwId = insertAction(ctx, a.pupilId, {
      what: `${a.what} (agreed at the LA targeting meeting of ${formatUkDate(i.heldOn)})`,
      ownerKind: a.ownerKind,
      ownerName: a.ownerName ?? null,
      dueOn: a.dueOn,
    });
    orm
      .insert(laMeetingActions)
      .values({ meetingId: m.id, pupilId: a.pupilId, caseworkActionId: cwId })
      .run();
  }
  ctx.audit('arrangements.laMeetingSave', 'la_meeting', m.id, {
    pupils: i.pupils.length,
    actions: i.actions.length,
  });
  return { id: m.id, actions: i.actions.length };
}

export function listLaMeetings(ctx: Ctx): Output<'arrangements.laMeetings'> {
  const orm = ctx.store.orm;
  const meetings = orm.select().from(laMeetings).orderBy(desc(laMeetings.heldOn), desc(laMeetings.id)).all();
  return {
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      officer: m.officer,
      notes: m.notes,
      pupils: orm
        .select()
        .from(laMeetingPupils)
        .innerJoin(pupils, eq(pupils.id, laMeetingPupils.pupilId))
        .where(eq(laMeetingPupils.meetingId, m.id))
        .all()
        .map((r) => ({ pupilId: r.pupils.id, name: pupilName(r.pupils), band: r.la_meeting_pupils.band })),
      actions: orm
        .select()
        .from(laMeetingActions)
        .innerJoin(caseworkActions, eq(caseworkActions.id, laMeetingActions.caseworkActionId))
        .innerJoin(pupils, eq(pupils.id, laMeetingActions.pupilId))
        .where(eq(laMeetingActions.meetingId, m.id))
        .all()
        .map((r) => ({
          caseworkActionId: r.casework_actions.id,
          pupilName: pupilName(r.pupils),
          what: r.casework_actions.what,
          dueOn: r.casework_actions.dueOn,
          status: r.casework_actions.status,
        })),
    })),
  };
}
