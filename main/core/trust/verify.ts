// What `verify` checks (docs/records-integrity.md, "What verify checks"): SQLite's integrity and foreign keys,
// the schema and triggers the app expects (with the weekly tallies the triggers keep, which must agree with the
// marks), and every hash chain of the statutory records, with the chain head.
import type { Db } from '../db/cipher';
import { verifyDb } from '../backups/backup';
import { chainHead, verifyChains, type ChainReport } from './chains';
import { checkSchema, type SchemaReport } from './schema-check';
import { tallyProblems } from '../registers/tallies';

export interface FullVerifyReport {
  ok: boolean;
  integrity: string[];
  foreignKeys: number;
  schema: SchemaReport;
  chains: ChainReport[];
  chainHead: string | null;
}

export function verifyStore(db: Db): FullVerifyReport {
  const base = verifyDb(db);
  const schema = withTallies(db, checkSchema(db));
  const chains = verifyChains(db);
  const chainsOk = chains.length > 0 && chains.every((c) => c.firstBroken === null);
  return {
    ok: base.ok && schema.ok && chainsOk,
    integrity: base.integrity,
    foreignKeys: base.foreignKeys,
    schema,
    chains,
    chainHead: chainHead(db),
  };
}

/** The weekly tallies are derived from the marks by triggers, so they belong with the schema's checks: a tally
 * that disagrees with the marks (a hand edit, a restore of a copy written without the triggers) is a schema problem,
 * which `rebuild-tallies` mends. The JSON keeps the shape docs/cli.md gives. */
function withTallies(db: Db, schema: SchemaReport): SchemaReport {
  const problems = tallyProblems(db);
  if (problems.length === 0) {
    return schema;
  }
  return { ...schema, ok: false, problems: [...schema.problems, ...problems] };
}

/** The problems in sentences, one a line, for stderr. */
export function verifyProblems(r: FullVerifyReport): string[] {
  const out: string[] = [];
  if (!(r.integrity.length === 1 && r.integrity[0] === 'ok')) {
    out.push(...r.integrity.map((i) => `integrity: ${i}`));
  }
  if (r.foreignKeys > 0) {
    out.push(`foreign keys: ${r.foreignKeys} rows point at records that are not there`);
  }
  out.push(...r.schema.problems.map((p) => `schema: ${p}`));
  if (r.chains.length === 0) {
    out.push('chains: this database holds no hash chains (it was not brought up to date)');
  }
  for (const c of r.chains) {
    const b = c.firstBroken;
    if (b) {
      out.push(`chain ${c.name}: first broken row: ${b.table} row ${b.id}, ${b.row}: ${b.problem}`);
    }
  }
  return out;
}
