// Migration 0037 turns the two tally tables into WITHOUT ROWID tables (docs/performance.md, "One row per pupil"):
// on a file that holds marks it keeps every tally as it was, and the triggers on marks still keep them afterwards.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/cipher';
import { applyPragmas, openStore } from '../../main/core/db/connection';
import { loadMigrations, migrate } from '../../main/core/db/migrate';
import { tallyMismatches } from '../../main/core/registers/tallies';
import { tempDir } from '../helpers/store';

const TALLIES = {
  mark_tallies: 'SELECT pupil_id, week, slashes FROM mark_tallies ORDER BY 1, 2',
  mark_code_tallies:
    'SELECT pupil_id, week, code, sessions, minutes_late FROM mark_code_tallies ORDER BY 1, 2, 3',
};

describe('migration 0037, the tallies without rowids', () => {
  it('keeps every tally of a file with marks, and the triggers keep counting after it', () => {
    const file = path.join(tempDir(), 'before-0037.sqlite');
    const all = loadMigrations();
    const at = all.findIndex((m) => m.tag === '0037_tallies_without_rowid');
    expect(at).toBeGreaterThan(0);
    const db = openDatabase(file, null);
    applyPragmas(db);
    migrate(db, file, all.slice(0, at));
    db.prepare(
      'INSERT INTO pupils (upn, surname, forename, dob, sex, year_group, reg_group, admission_date, ' +
        "created_at, updated_at) VALUES (?, 'S', 'F', '2014-01-01', 'F', '7', '7A', '2022-09-01', 'x', 'x')",
    ).run('A123456789012');
    const mark = db.prepare(
      'INSERT INTO marks (pupil_id, date, session, code, minutes_late, source, recorded_by, recorded_at) ' +
        "VALUES (1, ?, ?, ?, ?, 'register', 'T', 'x')",
    );
    const days = ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-08', '2025-09-09'];
    days.forEach((d, k) => {
      mark.run(d, 'AM', ['/', 'L', 'I', '/', 'O'][k], k === 1 ? 12 : null);
      mark.run(d, 'PM', ['\\', '\\', 'I', 'N', '\\'][k], null);
    });
    const before = Object.fromEntries(
      Object.entries(TALLIES).map(([t, sql]) => [t, db.prepare(sql).raw().all()]),
    );
    expect(before.mark_code_tallies.length).toBeGreaterThan(0);
    db.close();

    const store = openStore(file, { key: null });
    for (const [t, sql] of Object.entries(TALLIES)) {
      expect(store.db.prepare(sql).raw().all(), t).toEqual(before[t]);
      const ddl = store.db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t);
      expect(ddl, t).toMatch(/WITHOUT ROWID\s*$/);
    }
    store.db
      .prepare(
        'INSERT INTO marks (pupil_id, date, session, code, minutes_late, source, recorded_by, recorded_at) ' +
          "VALUES (1, '2025-09-10', 'AM', 'L', 5, 'register', 'T', 'x')",
      )
      .run();
    expect(tallyMismatches(store.db)).toBe(0);
    const late = store.db
      .prepare(
        "SELECT sessions, minutes_late FROM mark_code_tallies WHERE week = '2025-09-08' AND code = 'L'",
      )
      .get();
    expect(late).toEqual({ sessions: 1, minutes_late: 5 });
    store.db.close();
  });
});
