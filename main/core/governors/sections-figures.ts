// Sections 1 to 4 of the governor report (docs/rules/governor-report.md): summary, headline figures with the
// comparison figures, target and weekly trend, year groups and cohorts, reasons and lateness.
import { progressText, targetProgress, type TargetLine } from '../../../shared/targets';
import type { Paragraph, Table } from 'docx';
import { formatUkDate } from '../../../shared/dates';
import { formatPct1 } from '../../../shared/statistics/rates';
import { SUPPRESSED_TEXT, cellText } from '../../../shared/breakdowns';
import type { GovernorFigures } from './report-data';
import type { ChartPicture } from './charts';
import { bullet, chart, h1, h2, note, para, spacer, table, type Column } from './docx-parts';

type Block = GovernorFigures['headline']['all'];
type Part = Paragraph | Table;

export const num = (n: number) => n.toLocaleString('en-GB');
const att = (b: Block) => (b.absencePct === null ? null : 100 - b.absencePct);
const rate = (n: number, b: Block) => (b.possible ? (100 * n) / b.possible : null);
export const gapText = (v: number | null) =>
  v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v * 10) / 10).toFixed(1)} pts`;
const withCount = (p: number | null, n: number) => (p === null ? '–' : `${formatPct1(p)} (${num(n)})`);

export function summary(f: GovernorFigures, messages: string[]): Part[] {
  return [
    h1('1. Summary'),
    table(
      [{ head: 'Report', width: 40 }, { head: '' }],
      [
        ['Period', `${formatUkDate(f.from)} to ${formatUkDate(f.to)}`],
        ['Figures as at', formatUkDate(f.asOf)],
        ['Year to date', `${formatUkDate(f.yearToDate.from)} to ${formatUkDate(f.yearToDate.to)}`],
        [
          'Pupils counted (all on roll / DfE-comparable cohort)',
          `${num(f.headline.all.pupils)} / ${num(f.headline.dfeCohort.pupils)}`,
        ],
      ],
    ),
    h2('Key messages'),
    ...messages.map(bullet),
  ];
}

const HEADLINE_COLS: Column[] = [
  { head: 'Measure', width: 22 },
  { head: 'Period: all pupils', num: true },
  { head: 'Period: DfE cohort', num: true },
  { head: 'Year to date: all pupils', num: true },
  { head: 'Year to date: DfE cohort', num: true },
  { head: 'Same point last year: all pupils', num: true },
];

function headlineRows(blocks: (Block | null)[]): string[][] {
  const row = (label: string, f: (b: Block) => string) => [
    label,
    ...blocks.map((b) => (b ? f(b) : 'no figures')),
  ];
  return [
    row('Attendance', (b) => formatPct1(att(b))),
    row('Overall absence', (b) => formatPct1(b.absencePct)),
    row('Authorised absence', (b) => formatPct1(rate(b.authorised, b))),
    row('Unauthorised absence', (b) => formatPct1(rate(b.unauthorised, b))),
    row('Persistently absent (10% or more), pupils', (b) => withCount(b.persistentPct, b.persistentCount)),
    row('Severely absent (50% or more), pupils', (b) => withCount(b.severePct, b.severeCount)),
    row('Pupils with sessions', (b) => num(b.pupils)),
    row('Possible sessions', (b) => num(b.possible)),
  ];
}

function comparison(f: GovernorFigures): Part[] {
  const cols: Column[] = [
    { head: 'Figures', width: 28 },
    { head: 'Kind', width: 12 },
    { head: 'Overall', num: true, width: 11 },
    { head: 'Auth.', num: true, width: 11 },
    { head: 'Unauth.', num: true, width: 12 },
    // Wide enough for "Persistent" on one line in the bold header.
    { head: 'Persistent absence', num: true, width: 14 },
    { head: 'Severe absence', num: true, width: 12 },
  ];
  const c = f.headline.dfeCohort;
  const pub = (v: number | null) => (v === null ? '–' : `${v}%`);
  const kind = { census: 'Census', daily: 'Daily data', local: 'Local' } as const;
  const rows = (match: boolean) =>
    f.reference
      .filter((r) => r.matchesPeriod === match)
      .map((r) => [
        `${r.area}, ${r.period} (${r.source})`,
        kind[r.dataKind],
        pub(r.overall),
        pub(r.authorised),
        pub(r.unauthorised),
        pub(r.persistent),
        pub(r.severe),
      ]);
  const school = [
    `This school, DfE-comparable cohort, ${formatUkDate(f.from)} to ${formatUkDate(f.to)}`,
    "School's registers",
    formatPct1(c.absencePct),
    formatPct1(rate(c.authorised, c)),
    formatPct1(rate(c.unauthorised, c)),
    formatPct1(c.persistentPct),
    formatPct1(c.severePct),
  ];
  const others = rows(false);
  return [
    h2('National and local figures for comparison'),
    note(
      'Absence rates in per cent. National census figures count pupils aged 5 to 15, as the ' +
        'DfE-comparable cohort does; daily data and census figures are not directly comparable, nor is ' +
        'a term with a full year. Each row names its source.',
    ),
    table(cols, [school, ...rows(true)], { bold: [0] }),
    ...(others.length
      ? [
          spacer(),
          note('Other periods, for reference only (not the same kind of period as this report):'),
          table(cols, others),
        ]
      : []),
  ];
}

function target(f: GovernorFigures): Part[] {
  if (!f.target) {
    return [
      h2("The board's target"),
      para('The governing board has not recorded an attendance target for this school year.'),
    ];
  }
  const y = f.yearToDate.all;
  const p = targetProgress(f.target, { attendancePct: att(y), persistentPct: y.persistentPct });
  const row = (label: string, l: TargetLine) => [
    label,
    formatUkDate(f.target!.approvedOn),
    formatPct1(l.target),
    formatPct1(l.actual),
    progressText(l),
  ];
  return [
    h2(`The board's target for ${f.target.academicYear}/${String(f.target.academicYear + 1).slice(2)}`),
    table(
      [
        { head: 'Target', width: 28 },
        { head: 'Approved', num: true },
        { head: 'Target', num: true },
        { head: 'Year to date', num: true },
        { head: 'Progress', width: 28 },
      ],
      [row('Attendance', p.attendance), row('Persistent absence', p.persistent)],
    ),
  ];
}

export function headline(f: GovernorFigures, pics: ChartPicture[]): Part[] {
  const ly = f.lastYear;
  return [
    h1('2. Headline figures'),
    note(
      'All pupils on roll and the DfE-comparable cohort (pupils aged 5 to 15 at the start of the ' +
        'school year, not boarders) are shown separately. Same point last year: ' +
        `${ly ? `${formatUkDate(ly.from)} to ${formatUkDate(ly.to)}` : 'no pupil had a possible session then'}.`,
    ),
    table(
      HEADLINE_COLS,
      headlineRows([
        f.headline.all,
        f.headline.dfeCohort,
        f.yearToDate.all,
        f.yearToDate.dfeCohort,
        ly?.all ?? null,
      ]),
    ),
    ...comparison(f),
    ...target(f),
    ...chart(pics[0], 1),
    table(
      [
        { head: 'Week beginning', width: 30 },
        { head: 'Attendance this year', num: true },
        { head: 'Same week last year', num: true },
      ],
      f.weekly.map((w) => [
        formatUkDate(w.weekStart),
        formatPct1(w.attendancePct),
        formatPct1(w.lastYearAttendancePct),
      ]),
    ),
  ];
}

const GROUP_COLS: Column[] = [
  { head: 'Group', width: 22 },
  { head: 'Pupils', num: true, width: 9 },
  { head: 'Absence', num: true, width: 10 },
  { head: 'Rest', num: true, width: 9 },
  { head: 'Gap', num: true, width: 11 },
  { head: 'Persistently absent', num: true, width: 14 },
  { head: 'Rest', num: true, width: 9 },
  { head: 'Gap', num: true, width: 11 },
];
function groupRows(rows: GovernorFigures['breakdowns'][number]['rows']): string[][] {
  return rows.map((r) => [
    r.label,
    r.group.suppressed ? SUPPRESSED_TEXT : num(r.group.pupils ?? 0),
    cellText(r.group, formatPct1, 'absencePct'),
    cellText(r.rest, formatPct1, 'absencePct'),
    gapText(r.absenceGap),
    cellText(r.group, formatPct1, 'persistentPct'),
    cellText(r.rest, formatPct1, 'persistentPct'),
    gapText(r.persistentGap),
  ]);
}

export function groups(f: GovernorFigures, pics: ChartPicture[]): Part[] {
  const dim = (d: string) => f.breakdowns.find((b) => b.dimension === d)!;
  const cohorts = f.breakdowns.filter((b) => !['yearGroup', 'regGroup'].includes(b.dimension));
  return [
    h1('3. By year group and cohort'),
    note(
      'Each group against the rest of the school. Any group, or rest, of fewer than 5 pupils shows ' +
        '"fewer than 5", and a second group is hidden where the total would reveal it. ' +
        'Gaps are in percentage points; a positive gap means more absence than the rest.',
    ),
    ...chart(pics[1], 2),
    table(GROUP_COLS, groupRows(dim('yearGroup').rows)),
    ...chart(pics[2], 3),
    table(GROUP_COLS, groupRows(cohorts.flatMap((b) => b.rows))),
    h2('Registration groups'),
    table(GROUP_COLS, groupRows(dim('regGroup').rows)),
  ];
}

export function reasons(f: GovernorFigures, pics: ChartPicture[]): Part[] {
  const total = f.reasons.reduce((s, r) => s + r.sessions, 0);
  const share = (n: number) => (total ? `${((100 * n) / total).toFixed(1)}%` : '–');
  return [
    h1('4. Reasons for absence and lateness'),
    ...chart(pics[3], 4),
    table(
      [
        { head: 'Reason', width: 60 },
        { head: 'Sessions', num: true },
        { head: 'Share of absence', num: true },
      ],
      [
        ...f.reasonGroups.map((g) => [g.group, num(g.sessions), share(g.sessions)]),
        ['All absence', num(total), total ? '100.0%' : '–'],
      ],
      { bold: [f.reasonGroups.length] },
    ),
    h2('Sessions by code'),
    table(
      [
        { head: 'Code', width: 10 },
        { head: 'Meaning', width: 50 },
        { head: 'Kind' },
        { head: 'Sessions', num: true },
      ],
      f.reasons.map((r) => [r.code, r.label, r.category, num(r.sessions)]),
    ),
    h2('Lateness'),
    table(
      [
        { head: 'Lateness', width: 60 },
        { head: 'Count', num: true },
      ],
      [
        ['Late before the register closed (L), sessions', num(f.lateness.lateBeforeClose)],
        [
          'Late after the register closed (U, counted as unauthorised absence), sessions',
          num(f.lateness.lateAfterClose),
        ],
        ['Minutes late in all', num(f.lateness.minutesLate)],
      ],
    ),
  ];
}
