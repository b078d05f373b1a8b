// Statements a bulk path runs once per row, compiled once per connection. Each db.prepare compiles the statement
// (with the triggers it fires) again, and the compiled copies stay in native memory until the garbage collector,
// which does not see that memory, gets round to them: importing 5,000 pupils held about 230 MB of them
// (docs/performance.md, "Memory").
import type Database from 'better-sqlite3';
import type { Db } from './cipher';

/** A value made once for each connection (prepared statements, typed drizzle queries), kept while it lives. */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}

const byText = perConnection(() => new Map<string, Database.Statement>());

/** The one prepared statement for this SQL text on this connection, for SQL built from a row's columns (each
 * distinct text is compiled once). Only for run(): a statement being iterated cannot be shared. */
export function statementFor(db: Db, sql: string): Database.Statement {
  const cache = byText(db);
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}
