// Importing pupils and their admission-register details from the MIS (docs/cli.md "import pupils"): every row
// checked, every problem reported with its line, all-or-nothing, re-import a no-op, changes to existing
// pupils audited.
import type { Input, Issue, Output } from '../../../shared/contract';
import { CONTACT_IMPORT_FIELDS, IMPORT_FIELDS } from '../../../shared/contract';
import { parseInputDate } from '../../../shared/dates';
import {
  SEN_STATUSES,
  unsafeNameReason,
  YEAR_GROUPS,
  type Contact,
  type PupilFields,
} from '../../../shared/pupil';
import { checkUpn } from '../../../shared/upn';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { columnIndex, parseYesNo, readCsv, unneutralise, type CsvTable } from '../import/csv';
import { wouldChange, writePupil } from './pupils.service';
import { withMisAliases } from '../import/mis-headers';
import { lonelyGroupWarnings } from './import-groups';

const REQUIRED = [
  'upn',
  'surname',
  'forename',
  'dob',
  'sex',
  'year_group',
  'reg_group',
  'admission_date',
] as const;
const CONTACT_FIELDS = [
  'name',
  'relationship',
  'phone',
  'email',
  'address',
  'lives_with',
  'parental_responsibility',
] as const;

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

function normaliseYear(v: string): string {
  const s = v
    .trim()
    .toUpperCase()
    .replace(/^(YEAR|YR|Y)\s*(?=\d)/, '');
  return s === 'RECEPTION' ? 'R' : s;
}

/** An MIS code cell: "Female" → F, "K - SEN Support" → K; otherwise the cell as it is, upper case. */
function misCode(v: string, re: RegExp): string {
  const u = v.trim().toUpperCase();
  return re.exec(u)?.[1] ?? u;
}

export function parsePupilCsv(
  csv: string,
  mapping?: Record<string, string>,
  ignore?: readonly string[],
): ParsedImport {
  const table = readCsv(csv);
  const col = columnIndex(table, withMisAliases(table.headers, mapping, ignore), ignore);
  const matched: Record<string, string | null> = {};
  for (const f of [...IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS]) {
    matched[f] = col(f) >= 0 ? table.headers[col(f)] : null;
  }
  const carried = new Set([
    ...ALWAYS_CARRIED,
    ...OPTIONAL_FIELDS.filter(([c]) => col(c) >= 0).map(([, f]) => f),
  ]);
  const missing = REQUIRED.filter((f) => col(f) < 0);
  if (missing.length) {
    return {
      table,
      pupils: [],
      warnings: [],
      matched,
      carried,
      issues: [
        {
          message: `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Match the file's columns to these fields.`,
        },
      ],
    };
  }
  // Contact columns present: contact1_name, contact2_name, …
  const contactSlots: number[] = [];
  for (let k = 1; k <= 20; k++) {
    if (col(`contact${k}_name`) >= 0) {
      contactSlots.push(k);
    }
  }
  const issues: Issue[] = [];
  const absent = OPTIONAL_FIELDS.filter(([c]) => col(c) < 0).map(([, , label]) => label);
  const warnings: Issue[] = absent.length
    ? [
        {
          message: `The file does not carry ${absent.join(', ')}: for pupils already on roll these are left as they are.`,
        },
      ]
    : [];
  const pupils: ParsedPupil[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const cell = (f: string) => (col(f) >= 0 ? unneutralise(rec.cells[col(f)] ?? '').trim() : '');
    const problems: string[] = [];
    const upn = cell('upn').toUpperCase();
    if (!upn) {
      problems.push('UPN is missing');
    } else {
      const c = checkUpn(upn);
      if (!c.ok) {
        problems.push(c.message);
      } else if (seen.has(upn)) {
        problems.push(`UPN ${upn} is already on line ${seen.get(upn)}`);
      }
    }
    const date = (f: string, required: boolean) => {
      const raw = cell(f);
      if (!raw) {
        if (required) {
          problems.push(`${f} is missing`);
        }
        return null;
      }
      const d = parseInputDate(raw);
      if (!d) {
        problems.push(`${f} ${JSON.stringify(raw)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      }
      return d;
    };
    const yesNo = (f: string) => {
      const v = parseYesNo(cell(f));
      if (v === null) {
        problems.push(`${f} ${JSON.stringify(cell(f))} must be Y or N`);
      }
      return v ?? false;
    };
    const surname = cell('surname');
    const forename = cell('forename');
    if (!surname) {
      problems.push('surname is missing');
    }
    if (!forename) {
      problems.push('forename is missing');
    }
    for (const f of ['surname', 'forename', 'preferred_forename']) {
      const why = unsafeNameReason(f, cell(f));
      if (why) {
        problems.push(why);
      }
    }
    const dob = date('dob', true);
    const sex = misCode(cell('sex'), /^(M|F)(ALE|EMALE)?$/);
    if (sex !== 'M' && sex !== 'F') {
      problems.push(`sex ${JSON.stringify(cell('sex'))} must be M or F`);
    }
    const yearGroup = normaliseYear(cell('year_group'));
    if (!(YEAR_GROUPS as readonly string[]).includes(yearGroup)) {
      problems.push(`year_group ${JSON.stringify(cell('year_group'))} must be N1, N2, R or 1 to 14`);
    }
    const regGroup = cell('reg_group');
    if (!regGroup) {
      problems.push('reg_group is missing');
    }
    const admissionDate = date('admission_date', true);
    const leavingDate = date('leaving_date', false);
    if (admissionDate && leavingDate && leavingDate < admissionDate) {
      problems.push(`leaving_date ${leavingDate} is before admission_date ${admissionDate}`);
    }
    if (dob && admissionDate && dob >= admissionDate) {
      problems.push(`dob ${dob} is not before admission_date ${admissionDate}`);
    }
    const sen = misCode(cell('sen') || 'N', /^([NKE])(\b.*)?$/);
    if (!(SEN_STATUSES as readonly string[]).includes(sen)) {
      problems.push(`sen ${JSON.stringify(cell('sen'))} must be N, K or E`);
    }
    const flags = {
      fsm: yesNo('fsm'),
      cla: yesNo('cla'),
      socialWorker: yesNo('social_worker'),
      eal: yesNo('eal'),
      boarder: yesNo('boarder'),
    };
    let contacts: Contact[] | null = null;
    if (contactSlots.length) {
      contacts = [];
      for (const k of contactSlots) {
        const c = (f: string) => cell(`contact${k}_${f}`);
        if (!c('name')) {
          if (
            CONTACT_FIELDS.slice(1).some((f) => f !== 'lives_with' && f !== 'parental_responsibility' && c(f))
          ) {
            problems.push(`contact${k} has details but no name`);
          }
          continue;
        }
        const nameWhy = unsafeNameReason(`contact${k}_name`, c('name'));
        if (nameWhy) {
          problems.push(nameWhy);
        }
        const lw = parseYesNo(c('lives_with'));
        const pr = parseYesNo(c('parental_responsibility'));
        if (lw === null) {
          problems.push(`contact${k}_lives_with ${JSON.stringify(c('lives_with'))} must be Y or N`);
        }
        if (pr === null) {
          problems.push(
            `contact${k}_parental_responsibility ${JSON.stringify(c('parental_responsibility'))} must be Y or N`,
          );
        }
        const email = c('email');
        if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
          problems.push(`contact${k}_email ${JSON.stringify(email)} is not an email address`);
        }
        contacts.push({
          name: c('name'),
          relationship: c('relationship') || null,
          phone: c('phone') || null,
          email: email || null,
          address: c('address') || null,
          livesWith: lw ?? false,
          parentalResponsibility: pr ?? false,
          emergency: !!c('phone') && (lw ?? false),
        });
      }
    }
    if (upn && !seen.has(upn)) {
      seen.set(upn, rec.line);
    }
    if (problems.length) {
      for (const p of problems) {
        issues.push({ line: rec.line, message: p });
      }
      continue;
    }
    pupils.push({
      line: rec.line,
      fields: {
        upn,
        surname,
        forename,
        preferredForename: cell('preferred_forename') || null,
        dob: dob!,
        sex: sex as 'M' | 'F',
        yearGroup: yearGroup as PupilFields['yearGroup'],
        regGroup,
        admissionDate: admissionDate!,
        leavingDate,
        sen: sen as PupilFields['sen'],
        ...flags,
      },
      contacts,
    });
  }
  if (table.records.length === 0) {
    issues.push({ message: 'The file has a header row but no pupils.' });
  }
  return { table, pupils, issues, warnings, matched, carried };
}

export function importPupils(ctx: Ctx, input: Input<'pupils.import'>): Output<'pupils.import'> {
  const parsed = parsePupilCsv(input.csv, input.mapping, input.ignore);
  if (parsed.issues.length) {
    const n = parsed.issues.length;
    throw new AppError(
      'invalid',
      `${n} problem${n > 1 ? 's' : ''} in the file; no pupil was imported.`,
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
