// Corruption caught before it spreads (docs/data-safety.md): one flipped byte in a real file (plain or encrypted) is
// found by the quick check at open; the store reads but refuses every write with a message naming restore, and
// a damaged file is neither migrated nor encrypted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import { cli } from '../helpers/cli';
import { ok, PUPIL_HEADER, pupilRow, rowCount, setupSchool, STAFF_SESSION, tempDir } from '../helpers/store';

const KEY = 'a test key of enough length';

function schoolFile(key: string | null) {
  const file = path.join(tempDir(), 'school.sqlite');
  const store = openStore(file, { key });
  setupSchool(store);
  const rows = Array.from({ length: 60 }, (_, i) => pupilRow(i + 1)).join('\n');
  ok(store, 'pupils.import', { csv: `${PUPIL_HEADER}\n${rows}\n` });
  const page = store.db.pragma('page_size', { simple: true }) as number;
  const root = store.db
    .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'pupils'")
    .pluck()
    .get() as number;
  store.db.close();
  return { file, offset: (root - 1) * page };
}

function flipByte(file: string, offset: number) {
  const fd = fs.openSync(file, 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, offset);
  b[0] ^= 0xff;
  fs.writeSync(fd, b, 0, 1, offset);
  fs.closeSync(fd);
}

describe('a damaged database', () => {
  for (const key of [null, KEY]) {
    it(`${key ? 'encrypted' : 'plain'}: a flipped byte is caught at open and every write is refused`, () => {
      const { file, offset } = schoolFile(key);
      flipByte(file, offset);
      const store = openStore(file, { key });
      expect(store.health.ok).toBe(false);
      expect(store.health.problems.length).toBeGreaterThan(0);
      const before = rowCount(store, 'calendar_ranges');
      const r = dispatch(
        store,
        'calendar.addRange',
        { dateFrom: '2026-01-05', dateTo: '2026-02-13', kind: 'term', label: 'Spring 1' },
        STAFF_SESSION,
      );
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.kind).toBe('refused');
      expect(!r.ok && r.error.message).toMatch(/integrity check.*read-only.*restore/s);
      expect(rowCount(store, 'calendar_ranges')).toBe(before);
      expect(dispatch(store, 'school.get', {}, STAFF_SESSION).ok).toBe(true);
      store.db.close();
    });
  }

  it('the command line reads a damaged file but refuses writes, naming restore', () => {
    const { file, offset } = schoolFile(null);
    flipByte(file, offset);
    const csv = path.join(path.dirname(file), 'cal.csv');
    fs.writeFileSync(csv, 'date_from,date_to,kind,label\n2026-01-05,2026-02-13,term,Spring 1\n');
    const w = cli(['import', 'calendar', '--db', file, csv]);
    expect(w.code).toBe(1);
    expect(w.err).toMatch(/read-only.*attendance restore/s);
    expect(cli(['init', '--db', file, '--school', 'X']).err).toMatch(/read-only/);
  });

  it('an undamaged file is healthy at open', () => {
    const { file } = schoolFile(KEY);
    const store = openStore(file, { key: KEY });
    expect(store.health).toMatchObject({ ok: true, check: 'quick', problems: [] });
    store.db.close();
  });
});
