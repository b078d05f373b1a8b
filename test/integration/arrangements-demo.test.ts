// The demo school's arrangements: a part-time timetable agreed today (afternoons C2 for four weeks) and a flexi
// agreement from next week (Fridays C), created through the same service, deterministic for a seed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/db/connection';
import { createDemoSchool } from '../../main/core/demo/demo';
import { arrangementsDue } from '../../main/core/arrangements/queries';
import { loadArrangements } from '../../main/core/arrangements/read';
import { tempDir } from '../helpers/store';

describe('demo arrangements', () => {
  it('holds a timetable in force with afternoons planned as C2 and a flexi agreement planned as C on Fridays', () => {
    const dir = tempDir();
    const store = openStore(path.join(dir, 'demo.sqlite'));
    createDemoSchool(store, { pupils: 120, seed: 7, today: '2026-12-01' });
    const rows = loadArrangements(store.db, '2026-12-01');
    expect(rows.map((r) => [r.kind, r.status, r.startDate, r.endDate])).toEqual([
      ['part_time', 'active', '2026-12-01', rows[0].endDate],
      ['flexi', 'planned', '2026-12-07', null],
    ]);
    const codes = (source: string) =>
      store.db
        .prepare('SELECT DISTINCT session, code FROM planned_marks WHERE source = ? ORDER BY session')
        .all(source);
    expect(codes('timetable')).toEqual([{ session: 'PM', code: 'C2' }]);
    expect(codes('flexi')).toEqual([
      { session: 'AM', code: 'C' },
      { session: 'PM', code: 'C' },
    ]);
    expect(arrangementsDue(store.db, '2026-12-10').map((d) => d.what)).toEqual(['review']);
    store.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
