// Attendance codes: the typed table, lookup by date, and how each code counts (docs/rules/statistics.md §2).
import { CODE_ROWS } from './codes.generated';
import type { IsoDate, Session } from './dates';

export { CODE_ROWS };
export type CodeRow = (typeof CODE_ROWS)[number];
export type Code = CodeRow['code'];
export type CodeCategory = CodeRow['category'];
export const CODE_CATEGORIES = ['present', 'aea', 'authorised', 'unauthorised', 'not_possible'] as const;
/** The day the 2024 Regulations came into force; the code set and the penalty threshold switch here. */
export const REGS_2024_START: IsoDate = '2024-08-19';

/** The row of `code` in force on `date`, or undefined when the code was not valid that day. */
export function codeOn(code: string, date: IsoDate): CodeRow | undefined {
  return CODE_ROWS.find(
    (r) =>
      r.code === code &&
      (r.validFrom === null || r.validFrom <= date) &&
      (r.validTo === null || date <= r.validTo),
  );
}

export function codesValidOn(date: IsoDate): CodeRow[] {
  return CODE_ROWS.filter(
    (r) => (r.validFrom === null || r.validFrom <= date) && (r.validTo === null || date <= r.validTo),
  );
}

export const PRESENT_CODE: Record<Session, '/' | '\\'> = { AM: '/', PM: '\\' };

/** Checks a code for a session; the present slash of the other session is stored as this session's slash. */
export function normaliseCode(
  raw: string,
  date: IsoDate,
  session: Session,
): { ok: true; code: string; row: CodeRow } | { ok: false; message: string } {
  let code = raw.trim().toUpperCase();
  if (code === '/' || code === '\\') {
    code = PRESENT_CODE[session];
  }
  const row = codeOn(code, date);
  if (!row) {
    const exists = CODE_ROWS.some((r) => r.code === code);
    return {
      ok: false,
      message: exists
        ? `code ${code} is not valid on ${date}`
        : `${JSON.stringify(raw)} is not an attendance code`,
    };
  }
  return { ok: true, code, row };
}
