// The same-day prompt and the health due list (docs/rules/arrangements.md, "Health and SEND"). A pupil with a
// social worker, a youth offending worker or a virtual school who has an unexplained absence (N) on a day is listed
// with each professional to tell and whether they have been told that day (the notification log; a social worker
// told through the follow-up screen counts too). The due list holds the sickness returns not yet sent and the
// health and SEND review dates within 14 days or overdue (lead and head only, as the channel says).
import { and, eq } from 'drizzle-orm';
import {
  HEALTH_DUE_LABELS,
  PROFESSIONAL_LABELS,
  SICKNESS_RETURN_SESSIONS,
  type ProfessionalKind,
} from '../../../shared/channels/arrangements-health';
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, academicYearRange, addDays, formatUkDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import { pupils } from '../db/schema';
import { healthAdjustments, healthPlans, sicknessReturns } from '../db/schema-arrangements-health';
import { illnessInYear, professionalsOf } from './health';

type Prompt = Output<'arrangements.prompts'>['pupils'][number];
type Told = Prompt['tell'][number]['told'];

function toldOn(ctx: Ctx, pupilId: number, kind: ProfessionalKind, date: string): Told {
  const db = ctx.store.db;
  const sql = (table: string, extra: string) =>
    `SELECT how, by, at FROM ${table} WHERE pupil_id = ? AND date = ? ${extra} ORDER BY id DESC LIMIT 1`;
  const mine = db
    .prepare<[number, string, string], Told>(sql('professional_notices', 'AND kind = ?'))
    .get(pupilId, date, kind);
  const followup =
    kind === 'social_worker'
      ? db.prepare<[number, string], Told>(sql('social_worker_notices', '')).get(pupilId, date)
      : undefined;
  return mine ?? followup ?? null;
}

export function prompts(ctx: Ctx, i: Input<'arrangements.prompts'>): Output<'arrangements.prompts'> {
  const date = i.date ?? ctx.today();
  const rows = ctx.store.db
    .prepare<[string], { id: number; s: string }>(
      "SELECT pupil_id AS id, group_concat(session) AS s FROM marks WHERE date = ? AND code = 'N' GROUP BY pupil_id",
    )
    .all(date);
  const out: Prompt[] = [];
  for (const r of rows) {
    const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, r.id)).get()!;
    const named = professionalsOf(ctx, r.id);
    const tell: Prompt['tell'] = named.map((x) => ({
      kind: x.kind,
      name: x.name,
      phone: x.phone,
      email: x.email,
      told: null,
    }));
    const unnamed = (kind: ProfessionalKind, flag: boolean) => {
      if (flag && !tell.some((t) => t.kind === kind)) {
        tell.push({
          kind,
          name: `${PROFESSIONAL_LABELS[kind]} (not named on the pupil page)`,
          phone: null,
          email: null,
          told: null,
        });
      }
    };
    unnamed('social_worker', p.socialWorker);
    unnamed('virtual_school', p.cla);
    if (tell.length) {
      out.push({
        pupilId: r.id,
        pupilName: pupilName(p),
        sessions: r.s.split(',').sort(),
        tell: tell.map((t) => ({ ...t, told: toldOn(ctx, r.id, t.kind, date) })),
      });
    }
  }
  return { date, pupils: out.sort((a, b) => a.pupilName.localeCompare(b.pupilName)) };
}

type Item = Output<'arrangements.healthDue'>['items'][number];

function sicknessDue(ctx: Ctx): Item[] {
  const today = ctx.today();
  const year = academicYearOf(today);
  const ids = ctx.store.db
    .prepare<[string, string, number], { id: number }>(
      `SELECT pupil_id AS id FROM marks WHERE code = 'I' AND date BETWEEN ? AND ? GROUP BY pupil_id HAVING count(*) >= ?`,
    )
    .all(academicYearRange(year).from, today, SICKNESS_RETURN_SESSIONS);
  const items: Item[] = [];
  for (const { id } of ids) {
    const sent = ctx.store.orm
      .select()
      .from(sicknessReturns)
      .where(and(eq(sicknessReturns.pupilId, id), eq(sicknessReturns.academicYear, year)))
      .get();
    const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, id)).get()!;
    const reached = illnessInYear(ctx.store.db, id, today).reachedOn!;
    if (!sent && (p.leavingDate === null || p.leavingDate >= today)) {
      items.push({
        pupilId: id,
        pupilName: pupilName(p),
        what: 'sickness_return',
        due: reached,
        overdue: reached < today,
        message: `${pupilName(p)} reached 15 school days of illness on ${formatUkDate(reached)}: send the sickness return to the LA.`,
      });
    }
  }
  return items;
}

export function healthDue(ctx: Ctx): Output<'arrangements.healthDue'> {
  const today = ctx.today();
  const soon = addDays(today, 14);
  const items = sicknessDue(ctx);
  const dated = (pupilId: number, what: Item['what'], due: string | null) => {
    if (!due || due > soon) {
      return;
    }
    const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, pupilId)).get()!;
    items.push({
      pupilId,
      pupilName: pupilName(p),
      what,
      due,
      overdue: due < today,
      message: `${HEALTH_DUE_LABELS[what]} for ${pupilName(p)}: ${due < today ? 'overdue since' : 'due'} ${formatUkDate(due)}.`,
    });
  };
  const latest = new Map<number, typeof healthPlans.$inferSelect>();
  for (const r of ctx.store.orm.select().from(healthPlans).orderBy(healthPlans.id).all()) {
    latest.set(r.pupilId, r);
  }
  for (const r of latest.values()) {
    dated(r.pupilId, 'ihcp_review', r.ihcp ? r.ihcpReviewOn : null);
    dated(r.pupilId, 'ehcp_review', r.ehcpReviewOn);
  }
  for (const a of ctx.store.orm.select().from(healthAdjustments).all()) {
    dated(a.pupilId, 'adjustment_review', a.reviewOn);
  }
  return { items: items.sort((a, b) => a.due.localeCompare(b.due)) };
}
