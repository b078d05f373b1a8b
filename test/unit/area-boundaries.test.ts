// Boundaries between areas (docs/areas.md): every table has one owning area in main/core/areas.ts, and no file
// of an area writes another area's table, in SQL or through drizzle; it calls the owner's exported function.
import fs from 'node:fs';
import path from 'node:path';
import { getTableName, isTable, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SHARED_WRITERS, TABLE_OWNERS, WRITE_ANYWHERE } from '../../main/core/areas';
import { tempStore } from '../helpers/store';

const CORE = 'main/core';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(p);
    }
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** drizzle table variables (as written in code) to SQL table names, from every schema file. */
async function tableVariables(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(path.join(CORE, 'db')).filter((n) => /^schema.*\.ts$/.test(n))) {
    const mod = (await import(path.resolve(CORE, 'db', f))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isTable(value)) {
        out.set(name, getTableName(value as Table));
      }
    }
  }
  return out;
}

/** The tables a source file writes: SQL INSERT/UPDATE/DELETE/REPLACE, and drizzle insert/update/delete. */
function writtenTables(src: string, vars: Map<string, string>): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const sql = [
    ...code.matchAll(/\b(?:INSERT(?: OR \w+)? INTO|REPLACE INTO|UPDATE|DELETE FROM)\s+"?([a-z_]+)/g),
  ];
  const orm = [...code.matchAll(/\.(?:insert|update|delete)\(\s*([A-Za-z]\w*)\s*\)/g)];
  const fromOrm = orm.map((m) => vars.get(m[1])).filter((t): t is string => t !== undefined);
  return [...sql.map((m) => m[1]), ...fromOrm];
}

const OWNER = new Map<string, string>(
  Object.entries(TABLE_OWNERS).flatMap(([area, tables]) => tables.map((t): [string, string] => [t, area])),
);

describe('area boundaries', () => {
  it('every table of a migrated database has exactly one owning area', () => {
    const s = tempStore();
    const tables = s.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    const unowned = tables.map((t) => t.name).filter((t) => !OWNER.has(t));
    expect(unowned).toEqual([]);
    const all = Object.values(TABLE_OWNERS).flat();
    expect(new Set(all).size).toBe(all.length);
    s.db.close();
  });

  it('an area writes only its own tables (others through the owner, never by SQL of its own)', async () => {
    const vars = await tableVariables();
    const crossings: string[] = [];
    for (const file of sourceFiles(CORE)) {
      const rel = path.relative(CORE, file).split(path.sep);
      const folder = rel.length > 1 ? rel[0] : null;
      if (folder && folder in WRITE_ANYWHERE) {
        continue;
      }
      const allowed = folder ? (TABLE_OWNERS as Record<string, readonly string[]>)[folder] : undefined;
      const mine = new Set([...(allowed ?? []), ...(SHARED_WRITERS[rel.join('/')] ?? [])]);
      for (const t of writtenTables(fs.readFileSync(file, 'utf8'), vars)) {
        if (!mine.has(t)) {
          crossings.push(`${rel.join('/')} writes ${t} (owned by ${OWNER.get(t) ?? 'nobody'})`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it('the check sees a crossing: SQL and drizzle writes are both found', async () => {
    const vars = await tableVariables();
    const src =
      "db.prepare('INSERT INTO planned_marks (x) VALUES (?)');\norm.update(leaveDecisions).set({});";
    expect(writtenTables(src, vars)).toEqual(['planned_marks', 'leave_decisions']);
    expect(writtenTables('// UPDATE marks in a comment\n', vars)).toEqual([]);
  });
});
