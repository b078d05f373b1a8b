// CSV exports of the figures lists, formula-safe (csvLine neutralises = + - @, tab and CR), dates YYYY-MM-DD.
import type { Input, Output } from '../../../shared/contract';
import { auditExport, type Ctx } from '../context';
import { csvLine } from '../import/csv';
import { bands } from './figures.service';
import { tracker } from './penalty-tracker';
import { statutoryLists } from './statutory.service';

/** Unrounded, as docs/rules/statistics.md §3 returns them (a spreadsheet rounds for display). */
const pct = (v: number | null) => (v === null ? '' : String(v));

/** The CSV file of one figures list, with its name, audited as an export. */
export function exportCsv(ctx: Ctx, i: Input<'figures.exportCsv'>): Output<'figures.exportCsv'> {
  let file: ListCsv;
  if (i.list === 'bands') {
    file = bandsCsv(ctx, i);
  } else if (i.list === 'penalty') {
    file = penaltyCsv(ctx, i);
  } else {
    file = statutoryCsv(ctx, i);
  }
  const { name, lines } = file;
  auditExport(ctx, 'export.figures', { list: i.list, file: name, rows: lines.length - 1 });
  return { csv: lines.join(''), filename: name, rows: lines.length - 1 };
}

/** A list's file name and its CSV lines, the header first. */
interface ListCsv {
  name: string;
  lines: string[];
}

/** The export's input for the named lists. */
type ListInput<L extends Input<'figures.exportCsv'>['list']> = Extract<
  Input<'figures.exportCsv'>,
  { list: L }
>;

/** The attendance bands list: a row per pupil with their figures and band. */
function bandsCsv(ctx: Ctx, i: ListInput<'bands'>): ListCsv {
  const lines: string[] = [];
  const { list: _l, ...input } = i;
  void _l;
  const r = bands(ctx, input);
  const name = `bands-${r.from}-to-${r.to}.csv`;
  lines.push(
    csvLine([
      'upn',
      'name',
      'year_group',
      'reg_group',
      'possible',
      'attended',
      'authorised',
      'unauthorised',
      'attendance_pct',
      'absence_pct',
      'band',
      'band_at_since',
      'movement',
      'penalty_sessions_max_window',
      'longest_unauthorised_run_sessions',
      'overdue_n',
    ]),
  );
  for (const x of r.rows) {
    const f = x.figures;
    lines.push(
      csvLine([
        x.upn,
        x.name,
        x.yearGroup,
        x.regGroup,
        f.possible,
        f.attended,
        f.authorised,
        f.unauthorised,
        pct(f.attendancePct),
        pct(f.absencePct),
        x.band ?? '',
        x.bandAtSince ?? '',
        x.movement ?? '',
        f.penaltySessionsMaxWindow,
        f.longestUnauthorisedRunSessions,
        f.overdueN,
      ]),
    );
  }
  return { name, lines };
}

/** The penalty notice tracker: the pupils at or near the threshold, with their worst window. */
function penaltyCsv(ctx: Ctx, i: ListInput<'penalty'>): ListCsv {
  const lines: string[] = [];
  const r = tracker(ctx, { from: i.from, to: i.to });
  const name = `penalty-tracker-${r.to}.csv`;
  lines.push(
    csvLine([
      'upn',
      'name',
      'year_group',
      'reg_group',
      'sessions_worst_window',
      'sessions_to_go',
      'threshold_first_met',
      'uncited_in_last_window',
      'penalty_notices_in_3_years',
      'worst_window_from',
      'worst_window_to',
      'threshold_met_on',
      'window_in_earlier_school_year',
      'notice_can_be_considered',
    ]),
  );
  for (const x of r.rows) {
    lines.push(
      csvLine([
        x.upn,
        x.name,
        x.yearGroup,
        x.regGroup,
        x.sessionsMaxWindow,
        x.sessionsToGo,
        x.thresholdFirstMet ?? '',
        x.uncitedInLastWindow,
        x.penaltyNoticesIn3Years,
        x.worstWindow?.from ?? '',
        x.worstWindow?.to ?? '',
        x.worstWindow?.metOn ?? '',
        x.worstWindow ? (x.worstWindow.earlierYear ? 'Y' : 'N') : '',
        x.notice ? x.notice.reason : '',
      ]),
    );
  }
  return { name, lines };
}

/** The four statutory lists as of a date, as statutoryLists returns them. */
type StatutoryLists = Output<'figures.statutoryLists'>;

/** One of the statutory lists (continuous absence, deletion review, sickness or overdue N) as of a date. */
function statutoryCsv(ctx: Ctx, i: ListInput<'continuous' | 'deletion' | 'sickness' | 'overdueN'>): ListCsv {
  const r = statutoryLists(ctx, { asOf: i.asOf });
  const name = `${i.list}-${r.asOf}.csv`;
  let lines: string[];
  if (i.list === 'continuous') {
    lines = continuousLines(r);
  } else if (i.list === 'deletion') {
    lines = deletionLines(r);
  } else if (i.list === 'sickness') {
    lines = sicknessLines(r);
  } else {
    lines = overdueNLines(r);
  }
  return { name, lines };
}

/** The columns that say which pupil a statutory list's row is about, and their headings. */
const PUPIL_HEADINGS = ['upn', 'name', 'year_group', 'reg_group'];
function pupilRef(x: { upn: string; name: string; yearGroup: string; regGroup: string }) {
  return [x.upn, x.name, x.yearGroup, x.regGroup];
}

type Cell = string | number | null;

/** A statutory list's lines: the headings (after the pupil's), then each row's pupil and its own cells. */
function listLines<R extends { upn: string; name: string; yearGroup: string; regGroup: string }>(
  headings: string[],
  rows: R[],
  cells: (x: R) => Cell[],
): string[] {
  return [
    csvLine([...PUPIL_HEADINGS, ...headings]),
    ...rows.map((x) => csvLine([...pupilRef(x), ...cells(x)])),
  ];
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The lines of the list of continuous unauthorised absence. */
function continuousLines(r: StatutoryLists): string[] {
  const headings = ['run_sessions', 'run_from', 'run_to', 'ongoing', 'attendance_return_sent'];
  return listLines(headings, r.continuous, (x) => [
    x.runSessions,
    x.runFrom,
    x.runTo,
    yesNo(x.ongoing),
    x.attendanceReturnSent ?? '',
  ]);
}

/** The lines of the deletion review list (runs of G, N or O). */
function deletionLines(r: StatutoryLists): string[] {
  const headings = ['gno_run_sessions', 'run_from', 'run_to', 'ongoing', 'social_worker'];
  return listLines(headings, r.deletionReview, (x) => [
    x.runSessions,
    x.runFrom,
    x.runTo,
    yesNo(x.ongoing),
    yesNo(x.socialWorker),
  ]);
}

/** The lines of the illness list. */
function sicknessLines(r: StatutoryLists): string[] {
  const headings = ['illness_sessions', 'sickness_return_sent'];
  return listLines(headings, r.sickness, (x) => [x.illnessSessions, x.sicknessReturnSent ?? '']);
}

/** The lines of the list of overdue N marks. */
function overdueNLines(r: StatutoryLists): string[] {
  const headings = ['date', 'session', 'school_days_since'];
  return listLines(headings, r.overdueN, (x) => [x.date, x.session, x.schoolDaysSince]);
}
