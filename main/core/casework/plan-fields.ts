// The merge fields of the reintegration plan's Word template (docs/rules/casework.md): their names and labels
// (the school's template may use any of them), and their values for one plan. Text fields fill in where they are
// written; block fields (tables, the chart) stand alone on their line and are replaced by the block.
import { eq } from 'drizzle-orm';
import type { Output } from '../../../shared/contract';
import {
  ACTION_OWNER_LABELS,
  ACTION_STATUS_LABELS,
  MEASURE_LABELS,
  PLAN_OUTCOME_LABELS,
  PLAN_TRIGGER_LABELS,
  isPartTime,
} from '../../../shared/casework';
import { formatUkDate } from '../../../shared/dates';
import { knownAs } from '../../../shared/names';
import { formatPct1 } from '../../../shared/statistics/rates';
import { caseworkBarriers } from '../db/schema-casework';
import type { Ctx } from '../context';
import { readSchool } from '../school/school.service';
import { allCategories, loadPupil } from './common';
import { para, picture, table } from './docx-writer';

type Plan = Output<'casework.plan.get'>;

/** Fields filled with text (a multi-line value keeps its lines). */
export const PLAN_TEXT_FIELDS: Record<string, string> = {
  'school.name': 'School name',
  'school.address': 'School address',
  'pupil.name': "Pupil's name",
  'pupil.forename': "Pupil's forename (the name they are known by)",
  'pupil.yearGroup': 'Year group',
  'pupil.regGroup': 'Registration group',
  'plan.startDate': 'Date the plan started',
  'plan.version': 'Version of the plan',
  'plan.status': 'Open, or closed with the date',
  'plan.trigger': 'Why the plan began (persistent absence, a return after illness…)',
  'plan.why': 'Why we have this plan, in the school’s words',
  'plan.barriers': 'What gets in the way (the linked barriers, one a line)',
  'plan.pupilView': "The pupil's view, in their own words",
  'plan.keyAdult': 'Key adult',
  'plan.checkIns': 'Key adult and check-in rhythm, as a sentence',
  'plan.nextReview': 'Next review',
  'plan.outcome': 'Outcome with its date and note (or that the plan is open)',
  'plan.exportDate': 'Date the document was made',
  'figures.beforePct': 'Attendance before the plan',
  'figures.duringPct': 'Attendance during the plan',
  'figures.afterPct': 'Attendance after the plan',
  'agreement.parentName': 'Parent or carer agreeing',
  'agreement.pupilName': 'Pupil agreeing',
  'agreement.signatory': 'Signing for the school, with position',
  'agreement.date': 'Date agreed',
};

/** Fields replaced by a table or a picture: each alone in its paragraph. */
export const PLAN_BLOCK_FIELDS: Record<string, string> = {
  'plan.actionsTable': 'Table: the agreed actions with owners and dates',
  'plan.stepsTable': 'Table: the phased timetable',
  'plan.measuresTable': 'Table: the success measures against their targets',
  'plan.figuresTable': 'Table: attendance before, during and after the plan',
  'plan.chart': 'Picture: the weekly chart (grey before, blue each week, green after, red target)',
  'plan.reviewsTable': 'Table: the reviews',
  'plan.agreementTable': 'Table: the agreement with signature lines',
};
export const PLAN_FIELD_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(PLAN_TEXT_FIELDS),
  ...Object.keys(PLAN_BLOCK_FIELDS),
]);
export const PLAN_BLOCK_KEYS: ReadonlySet<string> = new Set(Object.keys(PLAN_BLOCK_FIELDS));
/** The chart's relationship in the merged document (docs/rules/casework.md). */
export const CHART_REL = 'rIdPlanChart';

export type PlanValue = string | string[] | { block: string };

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
    [1800, 2600, 1300, 1300, 1500, 1100],
  );
}

function measuresTable(p: Plan): string {
  const c = p.plan.content;
  if (!c.measures.length) {
    return para('No measures set.');
  }
  const last = [...p.weeks].reverse().find((w) => w.possible > 0);
  return table(
    ['Measure', 'Target', 'Latest week'],
    c.measures.map((m) => {
      const v = last?.measures.find((x) => x.kind === m.kind)?.value ?? null;
      return [
        MEASURE_LABELS[m.kind],
        String(m.target),
        v === null ? '—' : m.kind === 'attendance_pct' ? formatPct1(v) : String(v),
      ];
    }),
    [5200, 2200, 2200],
  );
}

function blocks(p: Plan): Record<string, { block: string }> {
  const c = p.plan.content;
  const signer = `${orDash(c.agreement.signatory)}${c.agreement.signatoryPosition ? `, ${c.agreement.signatoryPosition}` : ''}`;
  const xml: Record<string, string> = {
    'plan.actionsTable': p.actions.length
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
    'plan.stepsTable': c.steps.length
      ? table(
          ['Step', 'From', 'To', 'Sessions attended'],
          c.steps.map((s) => [s.label, uk(s.from), uk(s.to), stepSessions(s)]),
          [2600, 1400, 1400, 4200],
        )
      : para('Full time from the start.'),
    'plan.measuresTable': measuresTable(p),
    'plan.figuresTable': figuresTable(p),
    'plan.chart': picture(
      900,
      300,
      16.5,
      `Attendance each week of the plan, with the weeks before in grey${p.after ? ' and after in green' : ''}`,
      CHART_REL,
    ),
    'plan.reviewsTable': p.reviews.length
      ? table(
          ['Date', 'Who attended', 'Notes', 'Changes'],
          p.reviews.map((r) => [uk(r.reviewedOn), r.attendees, r.notes, orDash(r.changes)]),
          [1500, 2300, 3500, 2300],
        )
      : para('No review yet.'),
    'plan.agreementTable': table(
      ['', 'Name', 'Signature', 'Date'],
      [
        ['Parent or carer', orDash(c.agreement.parentName), '', uk(c.agreement.agreedOn)],
        ['Pupil', orDash(c.agreement.pupilName), '', uk(c.agreement.agreedOn)],
        ['For the school', signer, '', uk(c.agreement.agreedOn)],
      ],
      [1900, 3300, 2800, 1600],
    ),
  };
  return Object.fromEntries(Object.entries(xml).map(([k, v]) => [k, { block: v }]));
}

function linkedBarriers(ctx: Ctx, p: Plan): string[] {
  const labels = new Map(allCategories(ctx).map((x) => [x.code, x.label]));
  return ctx.store.orm
    .select()
    .from(caseworkBarriers)
    .where(eq(caseworkBarriers.pupilId, p.plan.pupilId))
    .all()
    .filter((b) => p.plan.content.barrierIds.includes(b.id))
    .map((b) => `${labels.get(b.category) ?? b.category}: ${b.description}`);
}

/** Every field's value for one plan (its current version), as the export fills the template. */
export function planValues(ctx: Ctx, p: Plan): Record<string, PlanValue> {
  const c = p.plan.content;
  const pupil = loadPupil(ctx, p.plan.pupilId);
  const school = readSchool(ctx.store.db);
  const barriers = linkedBarriers(ctx, p);
  const every = c.checkInEveryDays === 1 ? 'day' : `${c.checkInEveryDays} days`;
  const closed = p.plan.status === 'closed';
  return {
    'school.name': school?.name ?? '',
    'school.address': (school?.address ?? '').split(/\r?\n|,\s*/).filter(Boolean),
    'pupil.name': p.plan.pupilName,
    'pupil.forename': knownAs(pupil),
    'pupil.yearGroup': pupil.yearGroup,
    'pupil.regGroup': pupil.regGroup,
    'plan.startDate': uk(p.plan.startOn),
    'plan.version': String(p.plan.version),
    'plan.status': closed ? `closed ${uk(p.plan.outcomeOn)}` : 'open',
    'plan.trigger': PLAN_TRIGGER_LABELS[c.trigger],
    'plan.why': orDash(c.why),
    'plan.barriers': barriers.length ? barriers : ['None recorded.'],
    'plan.pupilView': orDash(c.pupilView),
    'plan.keyAdult': c.keyAdult,
    'plan.checkIns': `${c.keyAdult} will check in every ${every}: ${orDash(c.checkInHow)}.`,
    'plan.nextReview': p.plan.nextReview
      ? uk(p.plan.nextReview)
      : closed
        ? 'none (the plan is closed)'
        : 'to be set',
    'plan.outcome': p.plan.outcome
      ? `${PLAN_OUTCOME_LABELS[p.plan.outcome]} (${uk(p.plan.outcomeOn)}). ${orDash(p.plan.outcomeNote)}`
      : 'The plan is still running.',
    'plan.exportDate': uk(ctx.today()),
    'figures.beforePct': formatPct1(p.before.attendancePct),
    'figures.duringPct': formatPct1(p.during.attendancePct),
    'figures.afterPct': p.after ? formatPct1(p.after.attendancePct) : 'not yet',
    'agreement.parentName': orDash(c.agreement.parentName),
    'agreement.pupilName': orDash(c.agreement.pupilName),
    'agreement.signatory': `${orDash(c.agreement.signatory)}${c.agreement.signatoryPosition ? `, ${c.agreement.signatoryPosition}` : ''}`,
    'agreement.date': uk(c.agreement.agreedOn),
    ...blocks(p),
  };
}
