// The commands that read data out (docs/cli.md): export marks, history, report pupils, pupils and timetables.
// The exports of pupils' data are audited as the app's are.
import { auditExport } from '../core/context';
import { exportPupilsJson } from '../core/pupils/pupils.service';
import { reportPupils } from '../core/reports/report-pupils';
import { timetablesJson } from '../core/arrangements/export';
import { formatPct1 } from '../../shared/statistics/rates';
import { COMMON, UsageError, dateOption, type Command, type CommandArgs } from './command-kit';

function exportMarksCommand({ v, io, call }: CommandArgs): number {
  const from = dateOption(v.from, '--from'),
    to = dateOption(v.to, '--to');
  io.out(call('marks.export', { from, to }).csv);
  return 0;
}

function historyCommand({ v, io, call }: CommandArgs): number {
  if (!v.upn) {
    throw new UsageError('--upn UPN is required');
  }
  const r = call('marks.history', { upn: v.upn as string });
  if (v.json) {
    io.out(JSON.stringify(r) + '\n');
  } else {
    for (const a of r.amendments) {
      io.out(
        `${a.date} ${a.session} ${a.oldCode} -> ${a.newCode}  ${a.reason}  (${a.changedBy}, ${a.position}, ${a.changedAt})\n`,
      );
    }
  }
  return 0;
}

function reportPupilsCommand({ v, store, ctx, io }: CommandArgs): number {
  const from = dateOption(v.from, '--from'),
    to = dateOption(v.to, '--to');
  const asOf = v['as-of'] === undefined ? undefined : dateOption(v['as-of'], '--as-of');
  const r = reportPupils(store.db, { from, to, asOf });
  auditExport(ctx, 'export.reportPupils', { from: r.from, to: r.to, rows: r.pupils.length });
  if (v.json) {
    io.out(JSON.stringify(r) + '\n');
  } else {
    io.out(
      `All pupils ${r.from} to ${r.to}: ` +
        `absence ${formatPct1(r.school.all.absencePct)}, persistently absent ${formatPct1(r.school.all.persistentPct)}\n`,
    );
    for (const p of r.pupils) {
      io.out(`${p.upn}\t${p.possible}\t${formatPct1(p.attendancePct)}\t${p.band ?? '-'}\n`);
    }
  }
  return 0;
}

function pupilsCommand({ v, ctx, io }: CommandArgs): number {
  const pupils = exportPupilsJson(ctx);
  auditExport(ctx, 'export.pupils', { rows: pupils.length });
  if (v.json) {
    io.out(JSON.stringify({ pupils }) + '\n');
  } else {
    for (const p of pupils) {
      io.out(`${p.upn}\t${p.surname}, ${p.forename}\t${p.yearGroup}\t${p.regGroup}\n`);
    }
  }
  return 0;
}

function timetablesCommand({ v, store, ctx, io }: CommandArgs): number {
  const r = timetablesJson(store.db, ctx.today());
  auditExport(ctx, 'export.timetables', { rows: r.timetables.length });
  if (v.json) {
    io.out(JSON.stringify(r) + '\n');
  } else {
    for (const a of r.timetables) {
      io.out(
        `${a.upn}\t${a.kind}\t${a.startDate}\t${a.endDate ?? '-'}\t${a.pattern.join(' ')}\t${a.status}\n`,
      );
    }
  }
  return 0;
}

export const EXPORT_COMMANDS: Record<string, Command> = {
  'export marks': {
    options: { ...COMMON, from: { type: 'string' }, to: { type: 'string' } },
    run: exportMarksCommand,
  },
  history: { options: { ...COMMON, upn: { type: 'string' } }, run: historyCommand },
  'report pupils': {
    options: {
      ...COMMON,
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
    },
    run: reportPupilsCommand,
  },
  pupils: { options: COMMON, run: pupilsCommand },
  timetables: { options: COMMON, run: timetablesCommand },
};
