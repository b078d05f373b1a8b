// The triggers of migration 0027 are the ones chainTriggersSql generates from CHAINS (one definition of each
// chain's columns: main/core/trust/chain-defs.ts, docs/records-integrity.md).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CHAINS, CHAIN_GUARDS_SQL, chainTriggersSql } from '../../main/core/trust/chain-defs';

it('migration 0027 holds every statement generated from CHAINS, and nothing else after the table', () => {
  const sql = fs.readFileSync(path.join('resources', 'migrations', '0027_chains.sql'), 'utf8');
  const statements = sql
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
  const generated = [...CHAIN_GUARDS_SQL, ...CHAINS.flatMap(chainTriggersSql)];
  expect(statements.slice(2)).toEqual(generated);
});
