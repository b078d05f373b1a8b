// A chained row in words, for verify's report (docs/records-integrity.md, "Hash chains"): which register, pupil,
// date and session, never only an internal id. Reads the row as it is now, so a forged row is described as forged.
import type { Db } from '../db/cipher';
import { formatUkDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';

interface PupilBits {
  forename: string;
  preferred_forename: string | null;
  surname: string;
  reg_group: string;
}

function pupil(db: Db, id: unknown): string {
  const p = db
    .prepare<[unknown], PupilBits>(
      'SELECT forename, preferred_forename, surname, reg_group FROM pupils WHERE id = ?',
    )
    .get(id);
  return p
    ? `${pupilName({ forename: p.forename, preferredForename: p.preferred_forename, surname: p.surname })} (${p.reg_group})`
    : 'a pupil no longer on the admission register';
}

const day = (iso: unknown) => formatUkDate(String(iso).slice(0, 10));

type Row = Record<string, unknown>;

function mark(db: Db, id: unknown): string {
  const m = db.prepare<[unknown], Row>('SELECT pupil_id, date, session FROM marks WHERE id = ?').get(id);
  return m
    ? `the ${m.session} mark of ${day(m.date)} for ${pupil(db, m.pupil_id)}`
    : 'a mark no longer there';
}

const DESCRIBE: Partial<Record<string, (db: Db, r: Row) => string>> = {
  marks: (db, r) => mark(db, r.id),
  mark_history: (db, r) => `the amendment to version ${r.version} of ${mark(db, r.mark_id)}`,
  pupils: (db, r) => `the admission register entry of ${pupil(db, r.id)}, admitted ${day(r.admission_date)}`,
  leave_decisions: (db, r) => {
    const q = db
      .prepare<[unknown], Row>('SELECT pupil_id FROM leave_requests WHERE id = ?')
      .get(r.request_id);
    return `the leave decision of ${day(r.decided_at)} for ${pupil(db, q?.pupil_id)}`;
  },
  letter_log: (db, r) => `the ${r.template} letter of ${day(r.letter_date)} for ${pupil(db, r.pupil_id)}`,
  leave_letters: (db, r) =>
    `the leave decision letter of ${day(r.generated_at)} for ${pupil(db, r.pupil_id)}`,
  penalty_notices: (db, r) =>
    `the ${r.kind === 'penalty_notice' ? 'penalty notice' : 'notice to improve'} issued ${day(r.issued_on)} for ${pupil(db, r.pupil_id)}`,
  audit_log: (_db, r) =>
    `the audit log entry "${r.action}" of ${day(r.at)} ${String(r.at).slice(11, 16)} by ${r.actor}`,
};

/** "the AM mark of 03/12/2026 for Amy Baker (4B)"; a row that is gone says so. */
export function describeRow(db: Db, table: string, id: number): string {
  const describe = DESCRIBE[table];
  const row = describe ? db.prepare<[number], Row>(`SELECT * FROM ${table} WHERE id = ?`).get(id) : undefined;
  if (!describe || !row) {
    return `a row of ${table.replace(/_/g, ' ')} that is no longer there`;
  }
  return describe(db, row);
}
