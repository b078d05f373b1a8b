// Tamper evidence (docs/records-integrity.md, "Hash chains" and "What verify checks"), on real files: an
// untouched store verifies clean; a forged amendment and a changed admission date made by direct SQL on a copy
// (triggers dropped first) are named by verify in words; a dropped trigger is detected; the chain head is in the
// backup manifest, and a perfect rewrite of a chain is caught against an earlier head. The command line runs
// in-process (test/helpers/cli.ts) as in cli.test.ts.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { cli } from '../helpers/cli';
import { runCli } from '../../main/cli/attendance';
import { tempDir } from '../helpers/store';
import { openStore } from '../../main/core/db/connection';
import { loadMigrations, migrate } from '../../main/core/db/migrate';
import { chainHead, headStillMatches, verifyChains } from '../../main/core/trust/chains';
import { CHAINS, chainTriggersSql } from '../../main/core/trust/chain-defs';
import { formatUkDate } from '../../shared/dates';

let master = '';

beforeAll(() => {
  master = path.join(tempDir(), 'master.sqlite');
  expect(cli(['demo', '--db', master, '--pupils', '12', '--seed', '7']).code).toBe(0);
}, 120_000);

/** A copy of the demo database, as someone with the file and a SQLite shell would work on it. */
function copy(): string {
  const file = path.join(tempDir(), 'school.sqlite');
  fs.copyFileSync(master, file);
  return file;
}

interface VerifyJson {
  ok: boolean;
  integrity: string[];
  foreignKeys: number;
  schema: { ok: boolean; problems: string[] };
  chains: { name: string; rows: number; head: string | null; firstBroken: Record<string, unknown> | null }[];
}

function verify(db: string): { code: number; json: VerifyJson; err: string } {
  const r = cli(['verify', '--db', db, '--json']);
  return { code: r.code, json: JSON.parse(r.out) as VerifyJson, err: r.err };
}

function pupilOf(raw: Database.Database, id: number) {
  return raw
    .prepare('SELECT forename, preferred_forename, surname, reg_group FROM pupils WHERE id = ?')
    .get(id) as { forename: string; preferred_forename: string | null; surname: string; reg_group: string };
}

describe('verify and the hash chains', () => {
  it('an untouched store verifies clean: exit 0, one JSON document of the contract shape, every chain intact', () => {
    const db = copy();
    const r = cli(['verify', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as VerifyJson;
    expect(Object.keys(json)).toEqual(['ok', 'integrity', 'foreignKeys', 'schema', 'chains']);
    expect(json).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: 0, schema: { ok: true } });
    expect(json.chains.map((c) => c.name)).toEqual(CHAINS.map((c) => c.name));
    for (const c of json.chains) {
      expect(Object.keys(c)).toEqual(['name', 'rows', 'head', 'firstBroken']);
      expect(c.firstBroken).toBeNull();
    }
    const marks = json.chains.find((c) => c.name === 'marks')!;
    expect(marks.rows).toBeGreaterThan(100);
    expect(marks.head).toMatch(/^[0-9a-f]{64}$/);
    const human = cli(['verify', '--db', db]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/Chain head: \d+:[0-9a-f]{64}/);
  });

  it('a plain SQLite shell cannot write a chained table: the chain functions are missing there', () => {
    const raw = new Database(copy());
    expect(() => raw.prepare("UPDATE marks SET note = 'edited' WHERE id = 1").run()).toThrow(
      /no such function: chain_/,
    );
    raw.close();
  });

  it('a forged amendment (triggers dropped first) is named: which mark, date, session and pupil', () => {
    const db = copy();
    const raw = new Database(db);
    const m = raw
      .prepare("SELECT id, pupil_id, date, session, code FROM marks WHERE code = '/' LIMIT 1")
      .get() as {
      id: number;
      pupil_id: number;
      date: string;
      session: string;
    };
    for (const t of ['marks_guard_update', 'marks_chain_update', 'mark_history_chain_insert']) {
      raw.exec(`DROP TRIGGER ${t}`);
    }
    raw
      .prepare(
        'INSERT INTO mark_history (mark_id, version, old_code, new_code, reason, changed_at, ' +
          "changed_by, position) VALUES (?, 2, '/', 'I', 'forged', '2025-10-01T10:00:00Z', 'Nobody', " +
          "'None')",
      )
      .run(m.id);
    raw.prepare("UPDATE marks SET code = 'I', version = 2 WHERE id = ?").run(m.id);
    const p = pupilOf(raw, m.pupil_id);
    raw.close();

    const r = verify(db);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    const name = `${p.preferred_forename || p.forename} ${p.surname} (${p.reg_group})`;
    const marks = r.json.chains.find((c) => c.name === 'marks')!;
    expect(marks.firstBroken).toMatchObject({
      table: 'marks',
      id: m.id,
      row: `the ${m.session} mark of ${formatUkDate(m.date)} for ${name}`,
      problem: 'its content does not match the hash recorded when it was written',
    });
    const history = r.json.chains.find((c) => c.name === 'mark_history')!;
    expect(history.firstBroken).toMatchObject({
      table: 'mark_history',
      problem: 'it was written without a link to the chain',
    });
    expect(history.firstBroken!.row).toContain(name);
    expect(r.err).toContain(`chain marks: first broken row: marks row ${m.id}, the ${m.session} mark of`);
    expect(r.json.schema.problems).toContain('the trigger marks_guard_update on marks is missing');
  });

  it('a deleted mark (its guard dropped) is named as chained but gone, and a rewritten link as the break', () => {
    const db = copy();
    const raw = new Database(db);
    const ids = raw.prepare("SELECT id FROM marks WHERE code = '/' ORDER BY id LIMIT 2").all() as {
      id: number;
    }[];
    raw.exec('DROP TRIGGER marks_no_delete');
    raw.prepare('DELETE FROM marks WHERE id = ?').run(ids[1]!.id);
    const link = raw
      .prepare("SELECT seq FROM chain_links WHERE chain = 'pupils' ORDER BY seq LIMIT 1 OFFSET 1")
      .get() as { seq: number };
    raw.exec('DROP TRIGGER IF EXISTS chain_links_no_update');
    raw.prepare("UPDATE chain_links SET hash = 'forged' WHERE seq = ?").run(link.seq);
    raw.close();

    const r = verify(db);
    expect(r.code).toBe(1);
    const marks = r.json.chains.find((c) => c.name === 'marks')!;
    expect(marks.firstBroken).toMatchObject({
      table: 'marks',
      id: ids[1]!.id,
      problem: 'it was chained but is no longer there',
    });
    const pupils = r.json.chains.find((c) => c.name === 'pupils')!;
    expect(pupils.firstBroken).toMatchObject({
      table: 'pupils',
      problem: 'the chain is broken here: a link was changed, removed or inserted after it was written',
    });
  });

  it('a changed admission date is named with the pupil, and the other chains stay intact', () => {
    const db = copy();
    const raw = new Database(db);
    const id = (raw.prepare('SELECT min(id) AS id FROM pupils').get() as { id: number }).id;
    raw.exec('DROP TRIGGER pupils_chain_update');
    for (const t of ['pupils_guard_register_facts']) {
      raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
    }
    raw.prepare("UPDATE pupils SET admission_date = '2020-01-06' WHERE id = ?").run(id);
    const p = pupilOf(raw, id);
    raw.close();

    const r = verify(db);
    expect(r.code).toBe(1);
    const broken = r.json.chains.filter((c) => c.firstBroken);
    expect(broken.map((c) => c.name)).toEqual(['pupils']);
    expect(broken[0]!.firstBroken).toMatchObject({
      table: 'pupils',
      id,
      row: `the admission register entry of ${p.preferred_forename || p.forename} ${p.surname} (${p.reg_group}), admitted 06/01/2020`,
    });
  });

  it('a dropped trigger is detected even when no row was touched', () => {
    const db = copy();
    const raw = new Database(db);
    raw.exec('DROP TRIGGER marks_no_delete');
    raw.close();
    const r = verify(db);
    expect(r.code).toBe(1);
    expect(r.json.schema.ok).toBe(false);
    expect(r.json.schema.problems).toEqual(['the trigger marks_no_delete on marks is missing']);
    expect(r.json.chains.every((c) => c.firstBroken === null)).toBe(true);
    expect(r.err).toContain('schema: the trigger marks_no_delete on marks is missing');
  });

  it('a weekly tally edited by hand fails verify as a schema problem, and rebuild-tallies mends it with a progress bar', () => {
    const db = copy();
    const raw = new Database(db);
    raw.exec(
      'UPDATE mark_tallies SET slashes = slashes + 1 WHERE (pupil_id, week) IN (SELECT pupil_id, week FROM mark_tallies LIMIT 2)',
    );
    const marksBefore = raw.prepare('SELECT count(*) AS n, sum(length(code)) AS c FROM marks').get();
    raw.close();
    const bad = verify(db);
    expect(bad.code).toBe(1);
    expect(Object.keys(bad.json)).toEqual(['ok', 'integrity', 'foreignKeys', 'schema', 'chains']);
    expect(bad.json.schema.problems).toEqual([
      '2 weekly tallies of present marks disagree with the marks: run rebuild-tallies',
    ]);
    expect(bad.json.chains.every((c) => c.firstBroken === null)).toBe(true);

    const r = cli(['rebuild-tallies', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { ok: boolean; tallies: number; mended: number };
    expect(out.ok).toBe(true);
    expect(out.mended).toBe(2);
    expect(out.tallies).toBeGreaterThan(12 * 10);
    expect(r.err).toMatch(/^Recounting pupils \[\.+\] 0% \(0 of 12\)$/m);
    expect(r.err).toMatch(/^Recounting pupils \[#+\] 100% \(12 of 12\)$/m);
    expect(verify(db).code).toBe(0);
    const after = new Database(db);
    expect(after.prepare('SELECT count(*) AS n, sum(length(code)) AS c FROM marks').get()).toEqual(
      marksBefore,
    );
    after.close();
  });

  it('every backup manifest carries the chain head, and backups lists it', () => {
    const db = copy();
    const store = openStore(db, { create: false, key: null });
    const head = chainHead(store.db);
    store.db.close();
    const to = path.join(path.dirname(db), 'backups', 'copy.sqlite');
    expect(cli(['backup', '--db', db, '--to', to]).code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(`${to}.json`, 'utf8')) as { chainHead: string };
    expect(manifest.chainHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(manifest.chainHead).toBe(head);
    const listed = JSON.parse(cli(['backups', '--db', db, '--json']).out) as {
      backups: { file: string; chainHead: string }[];
    };
    expect(listed.backups.find((b) => b.file === 'copy.sqlite')?.chainHead).toBe(head);
  });

  it('the governor report prints the chain head in its compliance checks', async () => {
    const db = copy();
    const store = openStore(db, { create: false, key: null });
    const head = chainHead(store.db)!;
    store.db.close();
    const out = path.join(path.dirname(db), 'governors.docx');
    const args = [
      'report',
      'governors',
      '--db',
      db,
      '--from',
      '2025-09-01',
      '--to',
      '2025-12-19',
      '--out',
      out,
    ];
    const code = await runCli([...args, '--as-of', '2025-12-19'], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    const doc = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['word/document.xml']!);
    expect(doc).toContain('Register records sealed');
    expect(doc).toContain(`${head}; every chain verifies`);
  }, 60_000);

  it('a perfect rewrite of a chain verifies but no longer gives an earlier printed head', () => {
    const db = copy();
    const store = openStore(db, { create: false, key: null });
    const earlier = chainHead(store.db)!;
    expect(headStillMatches(store.db, earlier)).toBe(true);
    // The forger knows the algorithm: changes a mark and recomputes the whole marks chain.
    for (const t of ['chain_links_no_delete', 'marks_guard_update', 'marks_chain_update']) {
      store.db.exec(`DROP TRIGGER ${t}`);
    }
    store.db.exec("UPDATE marks SET code = 'I' WHERE id = (SELECT min(id) FROM marks WHERE code = '/')");
    store.db.exec("DELETE FROM chain_links WHERE chain = 'marks'");
    store.db.exec(chainTriggersSql(CHAINS[0]!).at(-1)!);
    expect(verifyChains(store.db).every((c) => c.firstBroken === null)).toBe(true);
    expect(headStillMatches(store.db, earlier)).toBe(false);
    store.db.close();
  });

  it('an upgraded database has its existing rows chained once, in order, by the migration', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const all = loadMigrations();
    const before = all.findIndex((m) => m.tag === '0027_chains');
    const raw = new Database(file);
    migrate(raw, file, all.slice(0, before));
    raw.prepare("INSERT INTO school (id, name, created_at) VALUES (1, 'Old School', '2025-01-01')").run();
    raw
      .prepare(
        'INSERT INTO pupils (upn, surname, forename, dob, sex, year_group, reg_group, ' +
          "admission_date, created_at, updated_at) VALUES ('A1', 'Old', 'Pupil', '2018-01-01', 'F', " +
          "'2', '2A', '2022-09-01', 'x', 'x')",
      )
      .run();
    const mark = raw.prepare(
      "INSERT INTO marks (pupil_id, date, session, code, source, recorded_by, recorded_at) VALUES (1, ?, 'AM', '/', 'register', 'T', 'x')",
    );
    for (const d of ['2025-09-03', '2025-09-04', '2025-09-05']) {
      mark.run(d);
    }
    raw.close();
    const store = openStore(file, { key: null });
    const chains = verifyChains(store.db);
    expect(chains.find((c) => c.name === 'marks')).toMatchObject({ rows: 3, firstBroken: null });
    expect(chains.find((c) => c.name === 'pupils')).toMatchObject({ rows: 1, firstBroken: null });
    const order = store.db
      .prepare("SELECT row_id FROM chain_links WHERE chain = 'marks' ORDER BY seq")
      .pluck()
      .all();
    expect(order).toEqual([1, 2, 3]);
    store.db.close();
  });

  it('verify: a usage error exits 2, a missing database exits 1', () => {
    expect(cli(['verify', '--db', 'x.sqlite', '--bogus']).code).toBe(2);
    expect(cli(['verify', '--db', path.join(tempDir(), 'none.sqlite')]).code).toBe(1);
  });
});
