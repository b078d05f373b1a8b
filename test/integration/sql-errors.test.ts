// SQLite failures reach the caller with their own kind, chosen by code and trigger prefix, not by wording
// (docs/records-integrity.md).
import { describe, expect, it } from 'vitest';
import { toRpcError } from '../../main/core/dispatch';
import { tempStore } from '../helpers/store';

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected the statement to fail');
}

describe('SQLite errors as envelopes', () => {
  it('takes the kind from a trigger prefix and strips it', () => {
    const s = tempStore();
    s.db.exec('CREATE TABLE t (x INTEGER)');
    s.db.exec(
      "CREATE TRIGGER t_guard BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'conflict: that is taken'); END",
    );
    const e = toRpcError(failure(() => s.db.prepare('INSERT INTO t VALUES (1)').run()));
    expect(e).toEqual({ kind: 'conflict', message: 'that is taken' });
  });

  it('treats an unprefixed trigger message as a refusal, whatever its words', () => {
    const s = tempStore();
    s.db.exec('CREATE TABLE t (x INTEGER)');
    s.db.exec("CREATE TRIGGER t_guard BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'no thank you'); END");
    const e = toRpcError(failure(() => s.db.prepare('INSERT INTO t VALUES (1)').run()));
    expect(e).toEqual({ kind: 'refused', message: 'no thank you' });
  });

  it('an unknown pupil id is not_found, not internal', () => {
    const s = tempStore();
    s.db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    s.db.exec('CREATE TABLE child (p INTEGER NOT NULL REFERENCES parent(id), u TEXT UNIQUE)');
    const fk = toRpcError(failure(() => s.db.prepare('INSERT INTO child (p) VALUES (99)').run()));
    expect(fk.kind).toBe('not_found');
    expect(fk.message).toMatch(/^there is no pupil, session, account/);
    s.db.exec("INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 'a')");
    const dup = toRpcError(failure(() => s.db.prepare("INSERT INTO child VALUES (1, 'a')").run()));
    expect(dup.kind).toBe('conflict');
    const nul = toRpcError(failure(() => s.db.prepare('INSERT INTO child (u) VALUES (?)').run('b')));
    expect(nul.kind).toBe('invalid');
  });

  it('a full disk says so and what to do, and the write is rolled back', () => {
    const s = tempStore();
    s.db.exec('CREATE TABLE big (x TEXT)');
    const pages = (s.db.pragma('page_count', { simple: true }) as number) + 2;
    s.db.pragma(`max_page_count = ${pages}`);
    const fill = s.db.transaction(() => {
      for (let i = 0; i < 100; i++) {
        s.db.prepare('INSERT INTO big VALUES (?)').run('x'.repeat(4000));
      }
    });
    const e = toRpcError(failure(() => fill()));
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/^The disk is full, so nothing was saved\. Free some space/);
    expect(s.db.prepare('SELECT count(*) AS n FROM big').get()).toEqual({ n: 0 });
  });
});
