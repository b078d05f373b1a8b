// Importing the DfE's published absence data file (the CSV of "Pupil absence in schools in England" from the
// explore-education-statistics service: national, regional and local-authority rows by phase and time period) into
// the reference figures, for England and the school's own local authority (docs/rules/governor-report.md).
// Columns read: time_period (202324), time_identifier (Academic year, Autumn term, …), geographic_level, la_name,
// old_la_code, education_phase (or school_type in older files), sess_overall_percent, sess_authorised_percent,
// sess_unauthorised_percent, enrolments_pa_10_exact_percent, enrolments_pa_50_exact_percent. The whole file is
// checked first: a bad row refuses the file with its line number and nothing changes.
import type { Input, Issue, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { readCsv, columnIndex } from '../import/csv';
import { readSchool } from '../school/school.service';
import { saveReferenceRow } from '../figures/national';
import { isNull } from 'drizzle-orm';
import { referenceFigures } from '../db/schema-figures';

const REQUIRED = ['time_period', 'time_identifier', 'geographic_level', 'sess_overall_percent'] as const;
/** Published suppression and not-applicable markers (the DfE's symbols): no figure. */
const NO_FIGURE = new Set(['', 'c', 'x', 'z', 'u', 'low', ':', '~', 'na']);
const PHASES: Record<string, 'total' | 'primary' | 'secondary' | 'special'> = {
  total: 'total',
  'state-funded primary': 'primary',
  'state-funded secondary': 'secondary',
  special: 'special',
  'state-funded special': 'special',
};

type Figures = {
  overall: number | null;
  authorised: number | null;
  unauthorised: number | null;
  persistent: number | null;
  severe: number | null;
  primary: number | null;
  secondary: number | null;
  special: number | null;
};
const empty = (): Figures => ({
  overall: null,
  authorised: null,
  unauthorised: null,
  persistent: null,
  severe: null,
  primary: null,
  secondary: null,
  special: null,
});

/** "2023/24 full year, census" or "Autumn term 2023/24, census", as the shipped national table labels periods. */
export function dfePeriodLabel(timePeriod: string, identifier: string): string | null {
  if (
    !/^\d{6}$/.test(timePeriod) ||
    Number(timePeriod.slice(4)) !== (Number(timePeriod.slice(2, 4)) + 1) % 100
  ) {
    return null;
  }
  const year = `${timePeriod.slice(0, 4)}/${timePeriod.slice(4)}`;
  const id = identifier.trim().toLowerCase();
  if (id === 'academic year') {
    return `${year} full year, census`;
  }
  if (/^(autumn|spring|summer)( and (spring|summer))? terms?$/.test(id)) {
    return `${id[0].toUpperCase()}${id.slice(1)} ${year}, census`;
  }
  return null;
}

type Found = { period: string; area: string; f: Figures };

function checkColumns(col: (c: string) => number): number {
  const missing = REQUIRED.filter((c) => col(c) < 0);
  const phaseCol = col('education_phase') >= 0 ? col('education_phase') : col('school_type');
  if (missing.length || phaseCol < 0) {
    throw new AppError(
      'invalid',
      'This is not the DfE absence data file: it has no ' +
        `${[...missing, ...(phaseCol < 0 ? ['education_phase'] : [])].join(', ')} column. ` +
        'Download the CSV of "Pupil absence in schools in England" (national, regional and local ' +
        'authority).',
    );
  }
  return phaseCol;
}

/** The England and school-LA rows of the file; any bad row refuses the whole file with its line number. */
function parseDfe(ctx: Ctx, csv: string): { rows: Found[]; laCode: string | null } {
  const table = readCsv(csv);
  const col = columnIndex(table);
  const phaseCol = checkColumns(col);
  const la = readSchool(ctx.store.db)?.laCode ?? null;
  const issues: Issue[] = [];
  const found = new Map<string, Found>();
  const get = (cells: string[], c: string) => (col(c) >= 0 ? (cells[col(c)] ?? '').trim() : '');
  for (const { line, cells } of table.records) {
    const level = get(cells, 'geographic_level').toLowerCase();
    const phase = PHASES[(cells[phaseCol] ?? '').trim().toLowerCase()];
    const period = dfePeriodLabel(get(cells, 'time_period'), get(cells, 'time_identifier'));
    if (!period) {
      issues.push({
        line,
        message: `time period "${get(cells, 'time_period')} ${get(cells, 'time_identifier')}" is not a school year or term the app knows`,
      });
      continue;
    }
    const area =
      level === 'national'
        ? 'England'
        : level === 'local authority' && la !== null && get(cells, 'old_la_code') === la
          ? get(cells, 'la_name') || `Local authority ${la}`
          : null;
    if (!area || !phase) {
      continue;
    }
    const num = (c: string) => {
      const v = get(cells, c);
      if (NO_FIGURE.has(v.toLowerCase())) {
        return null;
      }
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 100) {
        issues.push({ line, message: `${c} "${v}" is not a percentage` });
        return null;
      }
      return n;
    };
    const key = `${period}|${area}`;
    const x = found.get(key) ?? { period, area, f: empty() };
    found.set(key, x);
    fill(x.f, phase, num);
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `The file was not imported (${issues.length} problems): nothing has changed.`,
      issues,
    );
  }
  if (!found.size) {
    throw new AppError(
      'invalid',
      `The file has no rows for England${la ? ` or local authority ${la}` : ''}: nothing has changed.`,
    );
  }
  return { rows: [...found.values()], laCode: la };
}

function fill(f: Figures, phase: (typeof PHASES)[string], num: (c: string) => number | null): void {
  if (phase === 'total') {
    f.overall = num('sess_overall_percent');
    f.authorised = num('sess_authorised_percent');
    f.unauthorised = num('sess_unauthorised_percent');
    f.persistent = num('enrolments_pa_10_exact_percent');
    f.severe = num('enrolments_pa_50_exact_percent');
  } else {
    f[phase] = num('sess_overall_percent');
  }
}

/** What an import of the file would write, changing nothing: the rows, each new or replacing one kept. */
export function previewDfe(ctx: Ctx, i: Input<'governors.previewDfe'>): Output<'governors.previewDfe'> {
  const { rows, laCode } = parseDfe(ctx, i.csv);
  const kept = new Set(
    ctx.store.orm
      .select({ period: referenceFigures.period, area: referenceFigures.area })
      .from(referenceFigures)
      .where(isNull(referenceFigures.shippedId))
      .all()
      .map((r) => `${r.period}|${r.area}`),
  );
  return {
    laCode,
    rows: rows.map((r) => ({
      period: r.period,
      area: r.area,
      ...r.f,
      isNew: !kept.has(`${r.period}|${r.area}`),
    })),
  };
}

export function importDfe(ctx: Ctx, i: Input<'governors.importDfe'>): Output<'governors.importDfe'> {
  return save(ctx, parseDfe(ctx, i.csv).rows, i.fileName);
}

function save(ctx: Ctx, rows: Found[], fileName?: string) {
  const source = `DfE, Pupil absence in schools in England${fileName ? ` (${fileName})` : ''}`;
  const by = { updatedBy: ctx.session.displayName ?? ctx.session.userName, updatedAt: ctx.now() };
  let added = 0,
    updated = 0;
  for (const r of rows) {
    const values = {
      period: r.period,
      area: r.area,
      dataKind: 'census' as const,
      ...r.f,
      source,
      hidden: false,
      ...by,
    };
    if (saveReferenceRow(ctx.store.orm, values) === 'updated') {
      updated++;
    } else {
      added++;
    }
  }
  ctx.audit('governors.importDfe', 'reference_figures', null, { added, updated, source });
  return { added, updated, rows: rows.length, areas: [...new Set(rows.map((r) => r.area))] };
}
