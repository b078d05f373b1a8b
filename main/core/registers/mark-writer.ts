// Register marks: the one path that writes them. A new mark is inserted; a change of code or minutes to a stored
// mark is an amendment, which needs a reason and the name and position of the person, and writes the history row
// (original, new, reason, when, who) in the same transaction before the mark itself (the triggers insist). The
// export file for the MIS is here too, as it stamps the marks it holds exported. The import of a marks file is
// mark-import.ts; the reads of marks (export, history, not yet exported) are marks.service.ts.
import type { Output } from '../../../shared/contract';
import type { IsoDate, Session } from '../../../shared/dates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { csvLine } from '../import/csv';

export interface StoredMark {
  id: number;
  code: string;
  minutesLate: number | null;
  note: string | null;
  version: number;
}
export interface Amender {
  reason: string;
  by: string;
  position: string;
  batchId?: string | null;
}

export interface MarkWriter {
  existing(pupilId: number, date: IsoDate, session: Session): StoredMark | undefined;
  insert(
    pupilId: number,
    date: IsoDate,
    session: Session,
    code: string,
    minutesLate: number | null,
    note: string | null,
    source: string,
  ): void;
  amend(mark: StoredMark, code: string, minutesLate: number | null, who: Amender): void;
  setNote(mark: StoredMark, note: string | null): void;
  markFromMis(mark: StoredMark): void;
}

/** A stored mark's columns under SQLite's names, as the raw statements below read them. */
interface StoredMarkRow {
  id: number;
  code: string;
  minutes_late: number | null;
  note: string | null;
  version: number;
}

function toStored(r: StoredMarkRow): StoredMark {
  return { id: r.id, code: r.code, minutesLate: r.minutes_late, note: r.note, version: r.version };
}

/** The SQL of the mark writer: one statement for each thing a write does to a mark. */
const WRITER_SQL = {
  get: 'SELECT id, code, minutes_late, note, version FROM marks WHERE pupil_id = ? AND date = ? AND session = ?',
  insert:
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at, ' +
    'exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  fromMis: 'UPDATE marks SET exported_at = ? WHERE id = ?',
  history:
    'INSERT INTO mark_history (mark_id, version, old_code, new_code, old_minutes_late, new_minutes_late, reason, ' +
    'changed_at, changed_by, position, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  update: 'UPDATE marks SET code = ?, minutes_late = ?, version = ?, exported_at = NULL WHERE id = ?',
  note: 'UPDATE marks SET note = ?, exported_at = NULL WHERE id = ?',
};

/** Prepared statements for writing marks, made once per transaction. They stay raw SQL: they run once per mark
 * of a register save or an import (docs/performance.md). */
export function markWriter(ctx: Ctx): MarkWriter {
  const db = ctx.store.db;
  const get = db.prepare<[number, IsoDate, Session], StoredMarkRow>(WRITER_SQL.get);
  const ins = db.prepare(WRITER_SQL.insert);
  const fromMis = db.prepare(WRITER_SQL.fromMis);
  const hist = db.prepare(WRITER_SQL.history);
  const upd = db.prepare(WRITER_SQL.update);
  const note = db.prepare(WRITER_SQL.note);
  const now = ctx.now();
  return {
    existing: (p, d, s) => {
      const r = get.get(p, d, s);
      return r && toStored(r);
    },
    // Marks that came from the MIS are already there; everything else waits for the next export
    // (docs/rules/register-law.md §10).
    insert: (p, d, s, code, min, n, source) => {
      ins.run(p, d, s, code, min, n, source, ctx.session.userName, now, source === 'import' ? now : null);
    },
    markFromMis: (m) => {
      fromMis.run(now, m.id);
    },
    amend(m, code, min, who) {
      if (!who.reason.trim() || !who.by.trim() || !who.position.trim()) {
        throw new AppError(
          'invalid',
          'An amendment needs a reason and the name and position of the person making it.',
        );
      }
      hist.run(
        m.id,
        m.version + 1,
        m.code,
        code,
        m.minutesLate,
        min,
        who.reason.trim(),
        now,
        who.by.trim(),
        who.position.trim(),
        who.batchId ?? null,
      );
      upd.run(code, min, m.version + 1, m.id);
    },
    setNote(m, n) {
      // Audit first: a note changes only when the latest audit row records it (docs/records-integrity.md).
      ctx.audit('mark.note', 'mark', m.id, { from: m.note, to: n });
      note.run(n, m.id);
    },
  };
}

/** The export file for the MIS of every mark not yet exported (docs/cli.md columns), and the stamp that it
 * was. */
export function exportForMis(ctx: Ctx): Output<'marks.exportForMis'> {
  const db = ctx.store.db;
  // Raw SQL: on the first export this is every mark the app has taken.
  const rows = db
    .prepare<
      [],
      {
        id: number;
        upn: string;
        date: string;
        session: string;
        code: string;
        minutes_late: number | null;
        note: string | null;
      }
    >(
      `SELECT m.id, p.upn, m.date, m.session, m.code, m.minutes_late, m.note
    FROM marks m JOIN pupils p ON p.id = m.pupil_id
    WHERE m.exported_at IS NULL ORDER BY p.upn, m.date, m.session`,
    )
    .all();
  let csv = csvLine(['upn', 'date', 'session', 'code', 'minutes_late', 'note']);
  const stamp = db.prepare('UPDATE marks SET exported_at = ? WHERE id = ?');
  const now = ctx.now();
  for (const r of rows) {
    csv += csvLine([r.upn, r.date, r.session, r.code, r.minutes_late, r.note]);
    stamp.run(now, r.id);
  }
  ctx.audit('marks.exportForMis', 'marks', null, { rows: rows.length });
  return { csv, rows: rows.length };
}
