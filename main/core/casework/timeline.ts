// The pupil's casework timeline (docs/rules/casework.md): one list, newest first, read from every source in
// TIMELINE_READERS (one per entry of shared TIMELINE_SOURCES). Another area adds its source to both lists.
// Restricted barriers reach a caller who may not read them as "a restricted barrier", without category or detail.
import {
  ACTION_OWNER_LABELS,
  ACTION_STATUS_LABELS,
  BARRIER_STATUS_LABELS,
  MEETING_KIND_LABELS,
  PLAN_OUTCOME_LABELS,
  REFERRAL_KIND_LABELS,
  type TimelineSource,
} from '../../../shared/casework';
import { formatUkDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { allCategories, mayReadRestricted } from './common';

export type TimelineItem = Output<'casework.pupil'>['timeline'][number];
type Reader = (ctx: Ctx, pupilId: number) => TimelineItem[];
type Row = Record<string, string | number | null>;

const item = (
  source: TimelineSource,
  at: string,
  title: string,
  o: Partial<TimelineItem> = {},
): TimelineItem => ({
  source,
  at,
  title,
  detail: null,
  by: null,
  refId: null,
  restricted: false,
  ...o,
});
const rows = (ctx: Ctx, sql: string, ...p: unknown[]) => ctx.store.db.prepare<unknown[], Row>(sql).all(...p);
const s = (v: string | number | null) => (v === null ? null : String(v));

export const TIMELINE_READERS: Record<TimelineSource, Reader> = {
  barrier(ctx, pid) {
    const see = mayReadRestricted(ctx.session);
    const labels = new Map(allCategories(ctx).map((c) => [c.code, c.label]));
    return rows(ctx, 'SELECT * FROM casework_barriers WHERE pupil_id = ?', pid).map((b) => {
      const hide = !!b.restricted && !see;
      const status = BARRIER_STATUS_LABELS[b.status as keyof typeof BARRIER_STATUS_LABELS];
      return item(
        'barrier',
        String(b.found_on),
        hide
          ? 'A restricted barrier (detail for the lead and the head)'
          : `Barrier: ${labels.get(String(b.category)) ?? b.category}`,
        {
          detail: hide
            ? `Status: ${status}`
            : `${b.description} · ${status}${b.closed_on ? ` ${formatUkDate(String(b.closed_on))}` : ''}`,
          by: hide ? null : s(b.recorded_by),
          refId: Number(b.id),
          restricted: !!b.restricted,
        },
      );
    });
  },
  meeting(ctx, pid) {
    return rows(ctx, 'SELECT * FROM casework_meetings WHERE pupil_id = ?', pid).map((m) =>
      item('meeting', String(m.date), MEETING_KIND_LABELS[m.kind as keyof typeof MEETING_KIND_LABELS], {
        detail: [
          `With ${m.attendees}`,
          m.notes,
          m.next_review ? `Next review ${formatUkDate(String(m.next_review))}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
        by: s(m.recorded_by),
        refId: Number(m.id),
      }),
    );
  },
  action(ctx, pid) {
    return rows(ctx, 'SELECT * FROM casework_actions WHERE pupil_id = ?', pid).map((a) =>
      item('action', String(a.recorded_at).slice(0, 10), `Action: ${a.what}`, {
        detail:
          `${ACTION_OWNER_LABELS[a.owner_kind as keyof typeof ACTION_OWNER_LABELS]}` +
          `${a.owner_name ? ` (${a.owner_name})` : ''}, by ${formatUkDate(String(a.due_on))} · ` +
          `${ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS]}` +
          `${a.status_note ? `: ${a.status_note}` : ''}`,
        by: s(a.recorded_by),
        refId: Number(a.id),
      }),
    );
  },
  referral(ctx, pid) {
    return rows(ctx, 'SELECT * FROM casework_referrals WHERE pupil_id = ?', pid).map((r) =>
      item(
        'referral',
        String(r.made_on),
        `${REFERRAL_KIND_LABELS[r.kind as keyof typeof REFERRAL_KIND_LABELS]}: ${r.service}`,
        {
          detail: [
            r.lead_practitioner ? `Lead practitioner ${r.lead_practitioner}` : null,
            r.outcome ? `Outcome: ${r.outcome}` : 'Outcome awaited',
          ]
            .filter(Boolean)
            .join(' · '),
          by: s(r.recorded_by),
          refId: Number(r.id),
        },
      ),
    );
  },
  joint(ctx, pid) {
    return rows(ctx, 'SELECT * FROM casework_la_joint WHERE pupil_id = ?', pid).map((j) =>
      item('joint', String(j.agreed_on), `Joint approach agreed with the LA (${j.la_officer})`, {
        detail: String(j.agreed_plan),
        by: s(j.recorded_by),
        refId: Number(j.id),
      }),
    );
  },
  plan(ctx, pid) {
    const out: TimelineItem[] = [];
    for (const p of rows(ctx, 'SELECT * FROM casework_plans WHERE pupil_id = ?', pid)) {
      out.push(
        item('plan', String(p.start_on), 'Reintegration plan started', {
          by: s(p.created_by),
          refId: Number(p.id),
        }),
      );
      if (p.outcome_on) {
        out.push(
          item(
            'plan',
            String(p.outcome_on),
            `Reintegration plan closed: ${PLAN_OUTCOME_LABELS[p.outcome as keyof typeof PLAN_OUTCOME_LABELS]}`,
            {
              detail: s(p.outcome_note),
              by: s(p.closed_by),
              refId: Number(p.id),
            },
          ),
        );
      }
    }
    return out;
  },
  plan_review(ctx, pid) {
    return rows(
      ctx,
      'SELECT r.* FROM casework_plan_reviews r JOIN casework_plans p ON p.id = r.plan_id WHERE p.pupil_id = ?',
      pid,
    ).map((r) =>
      item('plan_review', String(r.reviewed_on), 'Reintegration plan reviewed', {
        detail: [r.notes, r.changes ? `Changes: ${r.changes}` : null].filter(Boolean).join(' · '),
        by: s(r.recorded_by),
        refId: Number(r.plan_id),
      }),
    );
  },
  plan_export(ctx, pid) {
    return rows(
      ctx,
      'SELECT e.* FROM casework_plan_exports e JOIN casework_plans p ON p.id = e.plan_id WHERE p.pupil_id = ?',
      pid,
    ).map((e) =>
      item('plan_export', String(e.generated_at), `Plan exported to Word (version ${e.version})`, {
        detail: String(e.file_name),
        by: s(e.generated_by),
        refId: Number(e.plan_id),
      }),
    );
  },
  letter(ctx, pid) {
    return rows(
      ctx,
      `SELECT id, template, stage, letter_date, reference, generated_by FROM letter_log WHERE pupil_id = ?
       UNION SELECT l.id, l.template, l.stage, l.letter_date, l.reference, l.generated_by
       FROM letter_log l, json_each(l.sibling_ids) j WHERE l.sibling_ids <> '[]' AND j.value = ?`,
      pid,
      pid,
    ).map((l) =>
      item('letter', String(l.letter_date), `Letter: ${String(l.template).replace(/-/g, ' ')}`, {
        detail: `Reference ${l.reference}`,
        by: s(l.generated_by),
        refId: Number(l.id),
      }),
    );
  },
  contact(ctx, pid) {
    const calls = rows(ctx, 'SELECT * FROM contact_attempts WHERE pupil_id = ?', pid).map((c) =>
      item(
        'contact',
        String(c.at),
        `First-day contact (${String(c.method).replace('_', ' ')}) about ${formatUkDate(String(c.date))}`,
        {
          detail: [c.outcome, c.contact_name ? `with ${c.contact_name}` : null].filter(Boolean).join(' · '),
          by: s(c.by),
          refId: Number(c.id),
        },
      ),
    );
    const sw = rows(ctx, 'SELECT * FROM social_worker_notices WHERE pupil_id = ?', pid).map((n) =>
      item('contact', String(n.at), `Social worker told of absence on ${formatUkDate(String(n.date))}`, {
        detail: String(n.how),
        by: s(n.by),
        refId: Number(n.id),
      }),
    );
    return [...calls, ...sw];
  },
  leave(ctx, pid) {
    return rows(
      ctx,
      `SELECT d.id, d.outcome, d.decided_at, d.decider_name, r.from_date, r.to_date
       FROM leave_decisions d JOIN leave_requests r ON r.id = d.request_id WHERE r.pupil_id = ?`,
      pid,
    ).map((d) =>
      item('leave', String(d.decided_at), `Leave ${d.outcome === 'part' ? 'granted in part' : d.outcome}`, {
        detail: `Asked for ${formatUkDate(String(d.from_date))} to ${formatUkDate(String(d.to_date))}`,
        by: s(d.decider_name),
        refId: Number(d.id),
      }),
    );
  },
  notice(ctx, pid) {
    return rows(ctx, 'SELECT * FROM penalty_notices WHERE pupil_id = ?', pid).map((n) =>
      item(
        'notice',
        String(n.issued_on),
        n.kind === 'penalty_notice' ? 'Penalty notice issued' : 'Notice to improve issued',
        {
          detail: `To ${n.parent_name}${n.amount ? ` · £${n.amount}` : ''}`,
          by: s(n.recorded_by),
          refId: Number(n.id),
        },
      ),
    );
  },
};

export function pupilTimeline(ctx: Ctx, pupilId: number): TimelineItem[] {
  return Object.values(TIMELINE_READERS)
    .flatMap((read) => read(ctx, pupilId))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
