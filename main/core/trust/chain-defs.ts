// The hash chains of the statutory records (docs/records-integrity.md, "Hash chains"): which tables are chained,
// which columns make a row's content, and the two hash functions. The functions are registered on every
// connection the app opens (main/core/db/cipher.ts); the triggers of resources/migrations/0027_chains.sql call
// them, so a write to a chained table from a plain SQLite shell fails for want of them. The trigger SQL is
// generated from CHAINS by chainTriggersSql (test/unit/chain-sql.test.ts checks the migration holds it).
import crypto from 'node:crypto';
import type { Db } from '../db/cipher';

export interface ChainDef {
  /** The chain's name, which is also the table's. */
  name: string;
  /** The columns whose values make the content, in order (the id first). */
  columns: readonly string[];
  /** Rows the app updates (a marks amendment, a pupil's details): each content change appends a link. */
  mutable: boolean;
}

export const CHAINS: readonly ChainDef[] = [
  {
    name: 'marks',
    columns: [
      'id',
      'pupil_id',
      'date',
      'session',
      'code',
      'minutes_late',
      'note',
      'version',
      'source',
      'recorded_by',
      'recorded_at',
    ],
    mutable: true,
  },
  {
    name: 'mark_history',
    columns: [
      'id',
      'mark_id',
      'version',
      'old_code',
      'new_code',
      'old_minutes_late',
      'new_minutes_late',
      'reason',
      'changed_at',
      'changed_by',
      'position',
      'batch_id',
    ],
    mutable: false,
  },
  {
    name: 'pupils',
    columns: [
      'id',
      'upn',
      'surname',
      'forename',
      'preferred_forename',
      'dob',
      'sex',
      'year_group',
      'reg_group',
      'admission_date',
      'leaving_date',
      'deletion_ground',
      'fsm',
      'sen',
      'cla',
      'social_worker',
      'eal',
      'young_carer',
      'boarder',
      'address',
      'previous_school',
      'created_at',
    ],
    mutable: true,
  },
  {
    name: 'leave_decisions',
    columns: [
      'id',
      'request_id',
      'outcome',
      'days_granted',
      'sessions_granted',
      'code',
      'sessions',
      'reason',
      'decider_name',
      'decider_position',
      'decider_user_id',
      'decided_at',
      'supersedes',
    ],
    mutable: false,
  },
  {
    name: 'letter_log',
    columns: [
      'id',
      'batch_id',
      'pupil_id',
      'sibling_ids',
      'template',
      'template_version',
      'template_sha256',
      'stage',
      'period_from',
      'period_to',
      'as_of',
      'letter_date',
      'reference',
      'figures',
      'addressees',
      'fields',
      'flags',
      'override_reason',
      'file_name',
      'file_sha256',
      'generated_by',
      'generated_position',
      'generated_at',
    ],
    mutable: false,
  },
  {
    name: 'leave_letters',
    columns: [
      'id',
      'decision_id',
      'pupil_id',
      'file_name',
      'sha256',
      'bytes',
      'generated_by',
      'generated_at',
    ],
    mutable: false,
  },
  {
    name: 'penalty_notices',
    columns: [
      'id',
      'pupil_id',
      'kind',
      'issued_on',
      'parent_name',
      'parent_key',
      'amount',
      'note',
      'recorded_by',
      'position',
      'recorded_at',
    ],
    mutable: false,
  },
  {
    name: 'audit_log',
    columns: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'detail'],
    mutable: false,
  },
];

// The one-shot hash: the same digest as createHash().update().digest(), without the object per call.
const sha256 = (s: string | Buffer) => crypto.hash('sha256', s, 'hex');

/** The content hash of a row: its chain's name and its values, each typed, so 1 and '1' differ. */
export function contentHash(chain: string, values: readonly unknown[]): string {
  const typed = values.map((v) =>
    Buffer.isBuffer(v) ? ['b', sha256(v)] : v === null || v === undefined ? null : [typeof v, String(v)],
  );
  return sha256(JSON.stringify([chain, typed]));
}

/** A link's hash: the previous link's hash (none for the first) and the row's content hash. */
export function linkHash(prev: string | null, content: string): string {
  return sha256(`${prev ?? ''}:${content}`);
}

/** Registers chain_content(chain, v1, v2, ...) and chain_link(prev, content) on a connection. */
export function registerChainFunctions(db: Db): void {
  db.function(
    'chain_content',
    { deterministic: true, varargs: true },
    (chain: unknown, ...values: unknown[]) => contentHash(String(chain), values),
  );
  db.function('chain_link', { deterministic: true }, (prev: unknown, content: unknown) =>
    linkHash(typeof prev === 'string' ? prev : null, String(content)),
  );
}

const lastHash = (name: string) =>
  `(SELECT hash FROM chain_links WHERE chain = '${name}' ORDER BY seq DESC LIMIT 1)`;

function content(def: ChainDef, alias: string): string {
  return `chain_content('${def.name}', ${def.columns.map((c) => `${alias}.${c}`).join(', ')})`;
}

function linkInsert(def: ChainDef): string {
  return (
    `INSERT INTO chain_links (chain, row_id, content_hash, prev_hash, hash) ` +
    `SELECT '${def.name}', NEW.id, c, p, chain_link(p, c) FROM (SELECT ${content(def, 'NEW')} AS c, ${lastHash(def.name)} AS p);`
  );
}

/** The triggers that append a link, and the statement that chains the rows already there (in id order). */
export function chainTriggersSql(def: ChainDef): string[] {
  const out = [
    `CREATE TRIGGER ${def.name}_chain_insert AFTER INSERT ON ${def.name}\nBEGIN ${linkInsert(def)} END;`,
  ];
  if (def.mutable) {
    const changed = def.columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
    out.push(
      `CREATE TRIGGER ${def.name}_chain_update AFTER UPDATE ON ${def.name}\nWHEN ${changed}\nBEGIN ${linkInsert(def)} END;`,
    );
  }
  const next = `(SELECT min(id) FROM ${def.name} WHERE id > c.id)`;
  out.push(
    `INSERT INTO chain_links (chain, row_id, content_hash, prev_hash, hash)\n` +
      `WITH RECURSIVE c(id, ch, prev, h) AS (\n` +
      `  SELECT t.id, ${content(def, 't')}, NULL, chain_link(NULL, ${content(def, 't')}) FROM ` +
      `${def.name} t WHERE t.id = (SELECT min(id) FROM ${def.name})\n` +
      `  UNION ALL\n` +
      `  SELECT t.id, ${content(def, 't')}, c.h, chain_link(c.h, ${content(def, 't')}) FROM c JOIN ${def.name} t ON t.id = ${next}\n` +
      `) SELECT '${def.name}', id, ch, prev, h FROM c;`,
  );
  return out;
}

/** The guards of the chain table itself: links are appended by the triggers above and never changed. */
export const CHAIN_GUARDS_SQL = [
  `CREATE TRIGGER chain_links_no_update BEFORE UPDATE ON chain_links\n` +
    `BEGIN SELECT RAISE(ABORT, 'refused: the hash chain of the statutory records is append-only'); END;`,
  `CREATE TRIGGER chain_links_no_delete BEFORE DELETE ON chain_links\n` +
    `BEGIN SELECT RAISE(ABORT, 'refused: the hash chain of the statutory records is append-only'); END;`,
];
