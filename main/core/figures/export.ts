// CSV exports of the figures lists, formula-safe (csvLine neutralises = + - @, tab and CR), dates YYYY-MM-DD.
import type { Input, Output } from '../../../shared/contract';
import { auditExport, type Ctx } from '../context';
import { csvLine } from '../import/csv';
import { bands } from './figures.service';
import { tracker } from './penalty.service';
import { statutoryLists } from './statutory.service';

/** Unrounded, as docs/rules/statistics.md §3 returns them (a spreadsheet rounds for display). */
const pct = (v: number | null) => (v === null ? '' : String(v));

export function exportCsv(ctx: Ctx, i: Input<'figures.exportCsv'>): Output<'figures.exportCsv'> {
  const lines: string[] = [];
  let name: string;
  if (i.list === 'bands') {
    const { list: _l, ...input } = i;
    void _l;
    const r = bands(ctx, input);
    name = `bands-${r.from}-to-${r.to}.csv`;
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
  } else if (i.list === 'penalty') {
    const r = tracker(ctx, { from: i.from, to: i.to });
    name = `penalty-tracker-${r.to}.csv`;
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
  } else {
    const r = statutoryLists(ctx, { asOf: i.asOf });
    name = `${i.list}-${r.asOf}.csv`;
    const ref = (x: { upn: string; name: string; yearGroup: string; regGroup: string }) => [
      x.upn,
      x.name,
      x.yearGroup,
      x.regGroup,
    ];
    if (i.list === 'continuous') {
      lines.push(
        csvLine([
          'upn',
          'name',
          'year_group',
          'reg_group',
          'run_sessions',
          'run_from',
          'run_to',
          'ongoing',
          'attendance_return_sent',
        ]),
      );
      for (const x of r.continuous) {
        lines.push(
          csvLine([
            ...ref(x),
            x.runSessions,
            x.runFrom,
            x.runTo,
            x.ongoing ? 'yes' : 'no',
            x.attendanceReturnSent ?? '',
          ]),
        );
      }
    } else if (i.list === 'deletion') {
      lines.push(
        csvLine([
          'upn',
          'name',
          'year_group',
          'reg_group',
          'gno_run_sessions',
          'run_from',
          'run_to',
          'ongoing',
          'social_worker',
        ]),
      );
      for (const x of r.deletionReview) {
        lines.push(
          csvLine([
            ...ref(x),
            x.runSessions,
            x.runFrom,
            x.runTo,
            x.ongoing ? 'yes' : 'no',
            x.socialWorker ? 'yes' : 'no',
          ]),
        );
      }
    } else if (i.list === 'sickness') {
      lines.push(
        csvLine(['upn', 'name', 'year_group', 'reg_group', 'illness_sessions', 'sickness_return_sent']),
      );
      for (const x of r.sickness) {
        lines.push(csvLine([...ref(x), x.illnessSessions, x.sicknessReturnSent ?? '']));
      }
    } else {
      lines.push(csvLine(['upn', 'name', 'year_group', 'reg_group', 'date', 'session', 'school_days_since']));
      for (const x of r.overdueN) {
        lines.push(csvLine([...ref(x), x.date, x.session, x.schoolDaysSince]));
      }
    }
  }
  auditExport(ctx, 'export.figures', { list: i.list, file: name, rows: lines.length - 1 });
  return { csv: lines.join(''), filename: name, rows: lines.length - 1 };
}
