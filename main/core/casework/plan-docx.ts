// The reintegration plan as a Word document for the family and the file (docs/rules/casework.md): the plan's
// current version, its figures before, during and after, the weekly chart as a picture, reviews and the agreement.
// Every export is logged (casework_plan_exports) and so shows on the pupil's timeline.
import { createHash } from 'node:crypto';
import type { Input, Output } from '../../../shared/contract';
import {
  ACTION_OWNER_LABELS,
  ACTION_STATUS_LABELS,
  MEASURE_LABELS,
  PLAN_OUTCOME_LABELS,
  PLAN_TRIGGER_LABELS,
  isPartTime,
} from '../../../shared/casework';
import { formatUkDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics';
import { caseworkPlanExports } from '../db/schema-casework';
import type { Ctx } from '../context';
import { readSchool } from '../school/school.service';
import { allCategories } from './common';
import { getPlan } from './read';
import { barChartPng, type Bar } from './chart-png';
import { heading, para, picture, table, writeDocx } from './docx-writer';

type Plan = Output<'casework.plan.get'>;
const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const uk = (d: string | null) => (d ? formatUkDate(d) : '');
const orDash = (s: string | null | undefined) => (s && s.trim() ? s : '—');

function stepSessions(s: Plan['plan']['content']['steps'][number]): string {
  if (!isPartTime(s)) {
    return 'Full time';
  }
  return [1, 2, 3, 4, 5]
    .map((w) => {
      const am = s.attends.some((a) => a.weekday === w && a.session === 'AM');
      const pm = s.attends.some((a) => a.weekday === w && a.session === 'PM');
      return am && pm ? `${DAY[w]} all day` : am ? `${DAY[w]} morning` : pm ? `${DAY[w]} afternoon` : '';
    })
    .filter(Boolean)
    .join(', ');
}

function figuresTable(p: Plan): string {
  const row = (label: string, f: Plan['before'] | null) =>
    f
      ? [
          label,
          `${uk(f.from)} to ${uk(f.to)}`,
          String(f.possible),
          String(f.attended),
          formatPct1(f.attendancePct),
          String(f.lateBeforeClose + f.lateAfterClose),
        ]
      : [label, 'Not yet', '', '', '', ''];
  return table(
    ['', 'Dates', 'Possible sessions', 'Sessions attended', 'Attendance', 'Late'],
    [row('Before the plan', p.before), row('During the plan', p.during), row('After the plan', p.after)],
    [1800, 2700, 1300, 1300, 1300, 1200],
  );
}

function chart(p: Plan): { png: Buffer } {
  const bars: Bar[] = p.weeks.map((w) => ({ value: w.attendancePct, colour: [46, 117, 182] }));
  const pctTarget = p.plan.content.measures.find((m) => m.kind === 'attendance_pct')?.target ?? null;
  const lead: Bar[] = [{ value: p.before.attendancePct, colour: [165, 165, 165] }];
  const tail: Bar[] = p.after ? [{ value: p.after.attendancePct, colour: [112, 173, 71] }] : [];
  return { png: barChartPng([...lead, ...bars, ...tail], pctTarget) };
}

function body(ctx: Ctx, p: Plan): { xml: string; png: Buffer } {
  const c = p.plan.content;
  const school = readSchool(ctx.store.db);
  const labels = new Map(allCategories(ctx).map((x) => [x.code, x.label]));
  const barriers = ctx.store.db
    .prepare('SELECT id, category, description FROM casework_barriers WHERE pupil_id = ?')
    .all(p.plan.pupilId) as { id: number; category: string; description: string }[];
  const linked = barriers
    .filter((b) => c.barrierIds.includes(b.id))
    .map((b) => `${labels.get(b.category) ?? b.category}: ${b.description}`);
  const ch = chart(p);
  const xml = [
    para(school?.name ?? '', { bold: true, size: 12, colour: '595959', after: 40 }),
    para('Attendance reintegration plan', { bold: true, size: 20, after: 60 }),
    para(
      `${p.plan.pupilName} · plan started ${uk(p.plan.startOn)} · version ${p.plan.version}${p.plan.status === 'closed' ? ` · closed ${uk(p.plan.outcomeOn)}` : ''}`,
      { size: 11, after: 200 },
    ),
    heading('Why we have this plan'),
    para(`${PLAN_TRIGGER_LABELS[c.trigger]}. ${c.why}`),
    ...(linked.length ? [para('What gets in the way:', { bold: true, after: 40 }), para(linked)] : []),
    heading(`What ${p.plan.pupilName.split(' ')[0]} says`),
    para(orDash(c.pupilView)),
    heading('What we have agreed to do'),
    p.actions.length
      ? table(
          ['What', 'Who', 'By when', 'Done?'],
          p.actions.map((a) => [
            a.what,
            `${ACTION_OWNER_LABELS[a.ownerKind]}${a.ownerName ? ` (${a.ownerName})` : ''}`,
            uk(a.dueOn),
            a.status === 'done' ? `Done ${uk(a.doneOn)}` : ACTION_STATUS_LABELS[a.status],
          ]),
          [4200, 2400, 1500, 1500],
        )
      : para('No actions recorded yet.'),
    heading('The timetable, step by step'),
    c.steps.length
      ? table(
          ['Step', 'From', 'To', 'Sessions attended'],
          c.steps.map((s) => [s.label, uk(s.from), uk(s.to), stepSessions(s)]),
          [2600, 1400, 1400, 4200],
        )
      : para('Full time from the start.'),
    para(
      'Sessions a part-time step leaves out are recorded as authorised absence (code C2) and agreed with the family; the aim is always a return to full time.',
      { size: 9, colour: '595959' },
    ),
    heading('Key adult and check-ins'),
    para(
      `${c.keyAdult} will check in every ${c.checkInEveryDays === 1 ? 'day' : `${c.checkInEveryDays} days`}: ${orDash(c.checkInHow)}.`,
    ),
    heading('How we will know it is working'),
    c.measures.length
      ? table(
          ['Measure', 'Target', 'Latest'],
          c.measures.map((m) => {
            const last = [...p.weeks]
              .reverse()
              .find((w) => w.possible > 0)
              ?.measures.find((x) => x.kind === m.kind);
            const v = last?.value ?? null;
            return [
              MEASURE_LABELS[m.kind],
              String(m.target),
              v === null ? '—' : m.kind === 'attendance_pct' ? formatPct1(v) : String(v),
            ];
          }),
          [5200, 2200, 2200],
        )
      : para('No measures set.'),
    heading('Attendance before and during the plan'),
    figuresTable(p),
    picture(
      900,
      300,
      16.5,
      `Attendance each week of the plan, with the weeks before in grey${p.after ? ' and after in green' : ''}`,
    ),
    para(
      `Grey: the period before the plan; blue: each week of the plan${p.after ? '; green: after the plan' : ''}; red dashes: the attendance target.`,
      { size: 9, colour: '595959' },
    ),
    heading('Reviews'),
    p.reviews.length
      ? table(
          ['Date', 'Who attended', 'Notes', 'Changes'],
          p.reviews.map((r) => [uk(r.reviewedOn), r.attendees, r.notes, orDash(r.changes)]),
          [1500, 2300, 3500, 2300],
        )
      : para('No review yet.'),
    para(
      `Next review: ${p.plan.nextReview ? uk(p.plan.nextReview) : p.plan.status === 'closed' ? 'none (the plan is closed)' : 'to be set'}.`,
    ),
    ...(p.plan.outcome
      ? [
          heading('Outcome'),
          para(
            `${PLAN_OUTCOME_LABELS[p.plan.outcome]} (${uk(p.plan.outcomeOn)}). ${orDash(p.plan.outcomeNote)}`,
          ),
        ]
      : []),
    heading('Our agreement'),
    table(
      ['', 'Name', 'Signature', 'Date'],
      [
        ['Parent or carer', orDash(c.agreement.parentName), '', uk(c.agreement.agreedOn)],
        ['Pupil', orDash(c.agreement.pupilName), '', uk(c.agreement.agreedOn)],
        [
          'For the school',
          `${orDash(c.agreement.signatory)}${c.agreement.signatoryPosition ? `, ${c.agreement.signatoryPosition}` : ''}`,
          '',
          uk(c.agreement.agreedOn),
        ],
      ],
      [1900, 3300, 2800, 1600],
    ),
  ].join('');
  return { xml, png: ch.png };
}

export function exportPlan(ctx: Ctx, i: Input<'casework.plan.export'>): Output<'casework.plan.export'> {
  const p = getPlan(ctx, { planId: i.planId });
  const { xml, png } = body(ctx, p);
  const bytes = writeDocx(xml, png);
  const fileName = `Reintegration plan - ${p.plan.pupilName} - v${p.plan.version}.docx`.replace(
    /[\\/:*?"<>|]/g,
    '',
  );
  const sha = createHash('sha256').update(bytes).digest('hex');
  const r = ctx.store.orm
    .insert(caseworkPlanExports)
    .values({
      planId: p.plan.id,
      version: p.plan.version,
      fileName,
      sha256: sha,
      generatedBy: ctx.session.userName,
      generatedAt: ctx.now(),
    })
    .returning({ id: caseworkPlanExports.id })
    .get();
  ctx.audit('casework.plan.export', 'casework_plans', p.plan.id, { version: p.plan.version, sha256: sha });
  return { id: r.id, fileName, base64: Buffer.from(bytes).toString('base64') };
}
