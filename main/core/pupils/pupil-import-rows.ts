// Reading one row of a pupils file for `import pupils` (docs/cli.md): the pupil's details and contacts, and
// everything wrong with them. The checks run in a fixed order, so a file's problems are always listed the same
// way.
import type { IsoDate } from '../../../shared/dates';
import { parseInputDate } from '../../../shared/dates';
import {
  importFieldWords as words,
  SEN_STATUSES,
  unsafeNameReason,
  YEAR_GROUPS,
  type Contact,
  type PupilFields,
} from '../../../shared/pupil';
import { checkUpn } from '../../../shared/upn';
import { parseYesNo } from '../import/csv';

const CONTACT_FIELDS = [
  'name',
  'relationship',
  'phone',
  'email',
  'address',
  'lives_with',
  'parental_responsibility',
] as const;

/** A row's cell for an import field, trimmed ('' when the file has no such column). */
export type Cell = (field: string) => string;

/** What one row of a pupils file says, before it is known to be free of problems. */
export interface PupilRow {
  upn: string;
  surname: string;
  forename: string;
  preferredForename: string | null;
  dob: IsoDate | null;
  sex: string;
  yearGroup: string;
  regGroup: string;
  admissionDate: IsoDate | null;
  leavingDate: IsoDate | null;
  sen: string;
  flags: { fsm: boolean; cla: boolean; socialWorker: boolean; eal: boolean; boarder: boolean };
  contacts: Contact[] | null;
}

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

/** Reads one row of a pupils file, adding what is wrong with it to `problems`. `seen` holds the line of each UPN
 * on an earlier row; `contactSlots` the numbers of the file's contact columns (contact1_name, …). */
export function readPupilRow(
  cell: Cell,
  problems: string[],
  seen: Map<string, number>,
  contactSlots: number[],
): PupilRow {
  const upn = cell('upn').toUpperCase();
  const upnProblem = checkRowUpn(upn, seen);
  if (upnProblem) {
    problems.push(upnProblem);
  }
  const surname = cell('surname');
  const forename = cell('forename');
  if (!surname) {
    problems.push(`${words('surname')} is missing`);
  }
  if (!forename) {
    problems.push(`${words('forename')} is missing`);
  }
  for (const f of ['surname', 'forename', 'preferred_forename']) {
    const why = unsafeNameReason(words(f), cell(f));
    if (why) {
      problems.push(why);
    }
  }
  const details = readDetails(cell, problems);
  const flags = {
    fsm: yesNoCell(cell, 'fsm', problems),
    cla: yesNoCell(cell, 'cla', problems),
    socialWorker: yesNoCell(cell, 'social_worker', problems),
    eal: yesNoCell(cell, 'eal', problems),
    boarder: yesNoCell(cell, 'boarder', problems),
  };
  const contacts = contactSlots.length ? readContacts(cell, contactSlots, problems) : null;
  const preferredForename = cell('preferred_forename') || null;
  return { upn, surname, forename, preferredForename, ...details, flags, contacts };
}

/** What is wrong with a row's UPN (missing, not a valid UPN, or on an earlier line), or null. */
function checkRowUpn(upn: string, seen: Map<string, number>): string | null {
  if (!upn) {
    return 'UPN is missing';
  }
  const c = checkUpn(upn);
  if (!c.ok) {
    return c.message;
  } else if (seen.has(upn)) {
    return `UPN ${upn} is already on line ${seen.get(upn)}`;
  }
  return null;
}

/** The row's date of birth, sex, year and registration groups, admission and leaving dates and SEN status, with
 * the problems of each added to `problems`. */
function readDetails(
  cell: Cell,
  problems: string[],
): Pick<PupilRow, 'dob' | 'sex' | 'yearGroup' | 'regGroup' | 'admissionDate' | 'leavingDate' | 'sen'> {
  const dob = dateCell(cell, 'dob', true, problems);
  const sex = misCode(cell('sex'), /^(M|F)(ALE|EMALE)?$/);
  if (sex !== 'M' && sex !== 'F') {
    problems.push(`sex ${JSON.stringify(cell('sex'))} must be M or F`);
  }
  const yearGroup = normaliseYear(cell('year_group'));
  if (!(YEAR_GROUPS as readonly string[]).includes(yearGroup)) {
    problems.push(`year group ${JSON.stringify(cell('year_group'))} must be N1, N2, R or 1 to 14`);
  }
  const regGroup = cell('reg_group');
  if (!regGroup) {
    problems.push('registration group is missing');
  }
  const admissionDate = dateCell(cell, 'admission_date', true, problems);
  const leavingDate = dateCell(cell, 'leaving_date', false, problems);
  if (admissionDate && leavingDate && leavingDate < admissionDate) {
    problems.push(`date of leaving ${leavingDate} is before the date of admission ${admissionDate}`);
  }
  if (dob && admissionDate && dob >= admissionDate) {
    problems.push(`date of birth ${dob} is not before the date of admission ${admissionDate}`);
  }
  const sen = misCode(cell('sen') || 'N', /^([NKE])(\b.*)?$/);
  if (!(SEN_STATUSES as readonly string[]).includes(sen)) {
    problems.push(`SEN status ${JSON.stringify(cell('sen'))} must be N, K or E`);
  }
  return { dob, sex, yearGroup, regGroup, admissionDate, leavingDate, sen };
}

/** A date cell, or null when it is empty (a problem when the date is required) or not a date (a problem). */
function dateCell(cell: Cell, f: string, required: boolean, problems: string[]): IsoDate | null {
  const raw = cell(f);
  if (!raw) {
    if (required) {
      problems.push(`${words(f)} is missing`);
    }
    return null;
  }
  const d = parseInputDate(raw);
  if (!d) {
    problems.push(`${words(f)} ${JSON.stringify(raw)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  }
  return d;
}

/** A Y/N cell; anything else is a problem, and counts as N. */
function yesNoCell(cell: Cell, f: string, problems: string[]): boolean {
  const v = parseYesNo(cell(f));
  if (v === null) {
    problems.push(`${words(f)} ${JSON.stringify(cell(f))} must be Y or N`);
  }
  return v ?? false;
}

/** The contacts in the row's contact slots, in slot order; a slot without a name is left out. */
function readContacts(cell: Cell, contactSlots: number[], problems: string[]): Contact[] {
  const contacts: Contact[] = [];
  for (const k of contactSlots) {
    const contact = readContact(k, (f) => cell(`contact${k}_${f}`), problems);
    if (contact) {
      contacts.push(contact);
    }
  }
  return contacts;
}

/** Contact `k` of the row, or null when it has no name (a problem if it has other details); what is wrong with
 * it is added to `problems`. */
function readContact(k: number, c: Cell, problems: string[]): Contact | null {
  if (!c('name')) {
    if (CONTACT_FIELDS.slice(1).some((f) => f !== 'lives_with' && f !== 'parental_responsibility' && c(f))) {
      problems.push(`contact ${k} has details but no name`);
    }
    return null;
  }
  const nameWhy = unsafeNameReason(words(`contact${k}_name`), c('name'));
  if (nameWhy) {
    problems.push(nameWhy);
  }
  const lw = parseYesNo(c('lives_with'));
  const pr = parseYesNo(c('parental_responsibility'));
  if (lw === null) {
    problems.push(`${words(`contact${k}_lives_with`)} ${JSON.stringify(c('lives_with'))} must be Y or N`);
  }
  if (pr === null) {
    problems.push(
      `${words(`contact${k}_parental_responsibility`)} ${JSON.stringify(c('parental_responsibility'))} must be Y or N`,
    );
  }
  const email = c('email');
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    problems.push(`${words(`contact${k}_email`)} ${JSON.stringify(email)} is not an email address`);
  }
  return {
    name: c('name'),
    relationship: c('relationship') || null,
    phone: c('phone') || null,
    email: email || null,
    address: c('address') || null,
    livesWith: lw ?? false,
    parentalResponsibility: pr ?? false,
    emergency: !!c('phone') && (lw ?? false),
  };
}

/** A problem-free row's details as the pupil's fields. */
export function pupilFields(row: PupilRow): PupilFields {
  return {
    upn: row.upn,
    surname: row.surname,
    forename: row.forename,
    preferredForename: row.preferredForename,
    dob: row.dob!,
    sex: row.sex as 'M' | 'F',
    yearGroup: row.yearGroup as PupilFields['yearGroup'],
    regGroup: row.regGroup,
    admissionDate: row.admissionDate!,
    leavingDate: row.leavingDate,
    sen: row.sen as PupilFields['sen'],
    ...row.flags,
  };
}
