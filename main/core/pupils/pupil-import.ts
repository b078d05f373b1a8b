// Importing pupils and their admission-register details from the MIS (docs/cli.md "import pupils"): every row
// checked, every problem reported with its line, all-or-nothing, re-import a no-op, changes to existing
// pupils audited.
import type { Input, Issue, Output } from '../../../shared/contract';
import { CONTACT_IMPORT_FIELDS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from '../../../shared/contract';
import {
  importFieldWords as words,
  unsafeNameReason,
  type Contact,
  type PupilFields,
} from '../../../shared/pupil';
import { plural, pluralS, pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { columnIndex, readCsv, unneutralise, type CsvTable } from '../import/csv';
import { wouldChange, writePupil } from './pupil-write';
import { withMisAliases } from '../import/mis-headers';
import { lonelyGroupWarnings } from './import-groups';
import { pupilFields, readPupilRow, type PupilRow } from './pupil-import-rows';

export interface ParsedPupil {
  line: number;
  fields: PupilFields;
  contacts: Contact[] | null;
}
export interface ParsedImport {
  table: CsvTable;
  pupils: ParsedPupil[];
  issues: Issue[];
  warnings: Issue[];
  matched: Record<string, string | null>;
  /** The pupil fields the file carries (by PupilFields name): only these change on a pupil already on roll. */
  carried: Set<string>;
}

/** The optional fields of an import, by file column and PupilFields name, with the office's word for each. */
const OPTIONAL_FIELDS: [column: string, field: string, label: string][] = [
  ['preferred_forename', 'preferredForename', 'preferred forename'],
  ['leaving_date', 'leavingDate', 'leaving date'],
  ['sen', 'sen', 'SEN status'],
  ['fsm', 'fsm', 'FSM'],
  ['cla', 'cla', 'looked after'],
  ['social_worker', 'socialWorker', 'social worker'],
  ['eal', 'eal', 'EAL'],
  ['boarder', 'boarder', 'boarder'],
];
const ALWAYS_CARRIED = ['upn', 'surname', 'forename', 'dob', 'sex', 'yearGroup', 'regGroup', 'admissionDate'];

export function parsePupilCsv(
  csv: string,
  mapping?: Record<string, string>,
  ignore?: readonly string[],
): ParsedImport {
  const table = readCsv(csv);
  const col = columnIndex(table, withMisAliases(table.headers, mapping, ignore), ignore);
  const matched = matchedColumns(table, col);
  const carried = new Set([
    ...ALWAYS_CARRIED,
    ...OPTIONAL_FIELDS.filter(([c]) => col(c) >= 0).map(([, f]) => f),
  ]);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => col(f) < 0);
  if (missing.length) {
    return { table, pupils: [], warnings: [], matched, carried, issues: [missingColumnsIssue(missing)] };
  }
  const slots = contactSlots(col);
  const issues: Issue[] = [];
  const warnings = absentFieldsWarnings(col);
  const pupils: ParsedPupil[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const cell = (f: string) => (col(f) >= 0 ? unneutralise(rec.cells[col(f)] ?? '').trim() : '');
    const problems: string[] = [];
    const row = readPupilRow(cell, problems, seen, slots);
    if (row.upn && !seen.has(row.upn)) {
      seen.set(row.upn, rec.line);
    }
    if (problems.length) {
      const who = rowPupilName(row);
      for (const p of problems) {
        issues.push({ line: rec.line, message: who + p });
      }
      continue;
    }
    pupils.push({ line: rec.line, fields: pupilFields(row), contacts: row.contacts });
  }
  if (table.records.length === 0) {
    issues.push({ message: 'The file has a header row but no pupils.' });
  }
  return { table, pupils, issues, warnings, matched, carried };
}

/** Which of the file's headers each import field was matched to, or null for a field the file lacks. */
function matchedColumns(table: CsvTable, col: (field: string) => number): Record<string, string | null> {
  const matched: Record<string, string | null> = {};
  for (const f of [...IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS]) {
    matched[f] = col(f) >= 0 ? table.headers[col(f)] : null;
  }
  return matched;
}

/** The issue for a file that lacks required columns. */
function missingColumnsIssue(missing: string[]): Issue {
  return {
    message: `The file has no ${missing.map(words).join(', ')} column${pluralS(missing.length)}. Match the file's columns to these fields.`,
  };
}

/** The numbers of the contacts the file has columns for (contact1_name, contact2_name, …, up to 20). */
function contactSlots(col: (field: string) => number): number[] {
  const slots: number[] = [];
  for (let k = 1; k <= 20; k++) {
    if (col(`contact${k}_name`) >= 0) {
      slots.push(k);
    }
  }
  return slots;
}

/** The warning that names the optional fields the file does not carry, which stay as they are for pupils already
 * on roll; none when it carries them all. */
function absentFieldsWarnings(col: (field: string) => number): Issue[] {
  const absent = OPTIONAL_FIELDS.filter(([c]) => col(c) < 0).map(([, , label]) => label);
  return absent.length
    ? [
        {
          message: `The file does not carry ${absent.join(', ')}: for pupils already on roll these are left as they are.`,
        },
      ]
    : [];
}

/** "Forename Surname: " to put before a row's problems when the row says who it is (docs/mis-headers.md), else
 * nothing. */
function rowPupilName({ surname, forename }: PupilRow): string {
  return surname && forename && !unsafeNameReason('', surname) && !unsafeNameReason('', forename)
    ? `${pupilName({ forename, surname })}: `
    : '';
}

export function importPupils(ctx: Ctx, input: Input<'pupils.import'>): Output<'pupils.import'> {
  const parsed = parsePupilCsv(input.csv, input.mapping, input.ignore);
  if (parsed.issues.length) {
    const n = parsed.issues.length;
    throw new AppError(
      'invalid',
      `${plural(n, 'problem')} in the file; no pupil was imported.`,
      parsed.issues,
    );
  }
  const warnings = [...parsed.warnings, ...lonelyGroupWarnings(ctx.store.db, parsed.pupils)];
  let created = 0,
    updated = 0,
    unchanged = 0;
  for (const p of parsed.pupils) {
    const r = writePupil(ctx, p.fields, p.contacts, 'import', parsed.carried);
    if (r === 'created') {
      created++;
    } else if (r === 'updated') {
      updated++;
    } else {
      unchanged++;
    }
  }
  return { rows: parsed.pupils.length, created, updated, unchanged, warnings };
}

/** The same checks without writing: what the import would do, for the screen's preview step. */
export function previewPupils(
  ctx: Ctx,
  input: Input<'pupils.importPreview'>,
): Output<'pupils.importPreview'> {
  let parsed: ParsedImport;
  try {
    parsed = parsePupilCsv(input.csv, input.mapping, input.ignore);
  } catch (e) {
    if (e instanceof AppError) {
      return {
        headers: [],
        matched: {},
        preview: [],
        errors: e.issues ?? [{ message: e.message }],
        summary: null,
      };
    }
    throw e;
  }
  const preview = parsed.table.records
    .slice(0, 10)
    .map((r) => Object.fromEntries(parsed.table.headers.map((h, i) => [h, r.cells[i] ?? ''])));
  let summary: Output<'pupils.importPreview'>['summary'] = null;
  if (!parsed.issues.length) {
    const existing = ctx.store.db.prepare('SELECT 1 FROM pupils WHERE upn = ?');
    const created = parsed.pupils.filter((p) => !existing.get(p.fields.upn)).length;
    const changing = parsed.pupils.filter((p) => wouldChange(ctx, p.fields, parsed.carried)).length;
    summary = {
      rows: parsed.pupils.length,
      created,
      updated: changing - created,
      unchanged: parsed.pupils.length - changing,
      warnings: [...parsed.warnings, ...lonelyGroupWarnings(ctx.store.db, parsed.pupils)],
    };
  }
  return { headers: parsed.table.headers, matched: parsed.matched, preview, errors: parsed.issues, summary };
}
