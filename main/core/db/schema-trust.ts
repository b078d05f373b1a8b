// The hash chains of the statutory records (docs/records-integrity.md, "Hash chains"). Rows are written only by
// the AFTER INSERT/UPDATE triggers of the chained tables (resources/migrations/0027_chains.sql), never by code.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** One link per chained row version: its content hash and the hash of the previous link of the same chain. */
export const chainLinks = sqliteTable(
  'chain_links',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    chain: text('chain').notNull(),
    rowId: integer('row_id').notNull(),
    contentHash: text('content_hash').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [index('chain_links_chain_idx').on(t.chain, t.seq)],
);
