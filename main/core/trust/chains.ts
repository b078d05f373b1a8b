// Recomputes the hash chains of the statutory records and reads their head (docs/records-integrity.md, "Hash
// chains"). A chain is broken where a link does not follow from the one before it, where a row's content no
// longer matches its latest link, where a chained row is gone, or where a row was written without a link.
import crypto from 'node:crypto';
import type { Db } from '../db/cipher';
import { CHAINS, contentHash, linkHash, type ChainDef } from './chain-defs';
import { describeRow } from './describe';

export interface BrokenRow {
  table: string;
  id: number;
  /** The row in words (which pupil, date and session), never only its id. */
  row: string;
  problem: string;
}

export interface ChainReport {
  name: string;
  rows: number;
  head: string | null;
  firstBroken: BrokenRow | null;
}

interface Link {
  seq: number;
  row_id: number;
  content_hash: string;
  prev_hash: string | null;
  hash: string;
}

interface Candidate {
  order: number;
  id: number;
  problem: string;
}

export function hasChains(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_links'").get() !==
    undefined
  );
}

/** What reading a chain's links in order found: how many, the last hash, the first link that does not follow
 * from the one before it, and the number of each row's latest link. */
interface LinkWalk {
  rows: number;
  head: string | null;
  broken: Candidate | null;
  latestSeq: Map<number, number>;
}

/** Reads the links one at a time (a chain of a year of marks is millions of them), keeping only the number of
 * each row's latest link. */
function walkLinks(db: Db, def: ChainDef): LinkWalk {
  const links = db
    .prepare<[string], Link>(
      'SELECT seq, row_id, content_hash, prev_hash, hash FROM chain_links WHERE chain = ? ORDER BY seq',
    )
    .iterate(def.name);
  const walk: LinkWalk = { rows: 0, head: null, broken: null, latestSeq: new Map() };
  for (const l of links) {
    walk.rows++;
    if (!walk.broken && (l.prev_hash !== walk.head || l.hash !== linkHash(walk.head, l.content_hash))) {
      walk.broken = {
        order: l.seq,
        id: l.row_id,
        problem: 'the chain is broken here: a link was changed, removed or inserted after it was written',
      };
    }
    walk.head = l.hash;
    walk.latestSeq.set(l.row_id, l.seq);
  }
  return walk;
}

/** Each row whose content does not match its latest link, was written without one, or was chained and is gone.
 * The rows are read one at a time, each latest link's content hash by its number. */
function contentProblems(db: Db, def: ChainDef, latestSeq: Map<number, number>): Candidate[] {
  const hashOf = db.prepare<[number], { content_hash: string }>(
    'SELECT content_hash FROM chain_links WHERE seq = ?',
  );
  const out: Candidate[] = [];
  let linkedRows = 0;
  const rows = db
    .prepare<[], unknown[]>(`SELECT ${def.columns.join(', ')} FROM ${def.name} ORDER BY id`)
    .raw()
    .iterate();
  for (const values of rows) {
    const id = Number(values[0]);
    const seq = latestSeq.get(id);
    if (seq === undefined) {
      out.push({ order: Number.MAX_SAFE_INTEGER, id, problem: 'it was written without a link to the chain' });
      continue;
    }
    linkedRows++;
    if (hashOf.get(seq)?.content_hash !== contentHash(def.name, values)) {
      out.push({
        order: seq,
        id,
        problem: 'its content does not match the hash recorded when it was written',
      });
    }
  }
  // Ids are unique on both sides: when fewer rows had a link than rows were linked, some linked rows are gone.
  if (linkedRows < latestSeq.size) {
    const exists = db.prepare<[number], { id: number }>(`SELECT id FROM ${def.name} WHERE id = ?`);
    for (const [id, seq] of latestSeq) {
      if (!exists.get(id)) {
        out.push({ order: seq, id, problem: 'it was chained but is no longer there' });
      }
    }
  }
  return out;
}

export function verifyChain(db: Db, def: ChainDef): ChainReport {
  const walk = walkLinks(db, def);
  const candidates = contentProblems(db, def, walk.latestSeq);
  if (walk.broken) {
    candidates.push(walk.broken);
  }
  candidates.sort((a, b) => a.order - b.order || a.id - b.id);
  const first = candidates[0];
  return {
    name: def.name,
    rows: walk.rows,
    head: walk.head,
    firstBroken: first
      ? { table: def.name, id: first.id, row: describeRow(db, def.name, first.id), problem: first.problem }
      : null,
  };
}

/** Every chain, recomputed; an empty list for a database from before the chains. */
export function verifyChains(db: Db): ChainReport[] {
  return hasChains(db) ? CHAINS.map((def) => verifyChain(db, def)) : [];
}

/** The combined head at a link number: the last hash of each chain up to it, hashed in the order of CHAINS. */
export function headAt(db: Db, seq: number): string {
  const rows = db
    .prepare<[number], { chain: string; hash: string }>(
      'SELECT chain, hash FROM chain_links WHERE seq IN (SELECT max(seq) FROM chain_links WHERE seq <= ? GROUP BY chain)',
    )
    .all(seq);
  const byChain = new Map(rows.map((r) => [r.chain, r.hash]));
  const text = CHAINS.map((c) => `${c.name}=${byChain.get(c.name) ?? ''}`).join('\n');
  return `${seq}:${crypto.createHash('sha256').update(text).digest('hex')}`;
}

/**
 * The chain head printed in backup manifests, on the governor report and by verify: the number of the last link
 * and a hash of every chain's last link. An earlier head stays checkable: headAt(its number) must give it again.
 */
export function chainHead(db: Db): string | null {
  if (!hasChains(db)) {
    return null;
  }
  // max() without GROUP BY: always one row (s null when empty), hence the `!`.
  const last = db.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM chain_links').get()!;
  return headAt(db, last.s ?? 0);
}

/** True when an earlier printed head still follows from the chains (history before it was not rewritten). */
export function headStillMatches(db: Db, head: string): boolean {
  const m = /^(\d+):[0-9a-f]{64}$/.exec(head);
  return m !== null && hasChains(db) && headAt(db, Number(m[1])) === head;
}
