// What keeps the hash chains cheap (docs/performance.md, "The cost of the hash chains") without changing what they
// prove: every connection the app opens keeps SQLite's temporary data (the statement journal each chained insert
// needs) in memory, and the hashes written by the one-shot SHA-256 are the ones the chains always held, so a store
// chained before still verifies.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, PAGE_CACHE_KIB } from '../../main/core/db/connection';
import { contentHash, linkHash } from '../../main/core/trust/chain-defs';
import { tempDir } from '../helpers/store';

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

describe('the cost of the hash chains', () => {
  it('a store opened by the app keeps temporary data in memory (temp_store = MEMORY)', () => {
    const store = openStore(path.join(tempDir(), 'school.sqlite'), { key: null });
    expect(store.db.pragma('temp_store', { simple: true })).toBe(2);
    store.db.close();
  });

  it(`a store opened by the app caches up to 32 MiB of pages, not SQLite's default 2 MiB`, () => {
    const store = openStore(path.join(tempDir(), 'school.sqlite'), { key: null });
    expect(store.db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(PAGE_CACHE_KIB).toBe(32 * 1024);
    store.db.close();
  });

  it('content and link hashes are the same digests as before the one-shot hash', () => {
    const values = [7, 3, '2025-09-01', 'AM', '/', null, 'a note', 1, 'import', 'Office', 'now'];
    const typed = values.map((v) => (v === null ? null : [typeof v, String(v)]));
    const content = sha(JSON.stringify(['marks', typed]));
    expect(contentHash('marks', values)).toBe(content);
    expect(linkHash(null, content)).toBe(sha(`:${content}`));
    expect(linkHash('ab', content)).toBe(sha(`ab:${content}`));
    const blob = Buffer.from([1, 2, 3]);
    const blobContent = sha(
      JSON.stringify(['x', [['b', crypto.createHash('sha256').update(blob).digest('hex')]]]),
    );
    expect(contentHash('x', [blob])).toBe(blobContent);
  });
});
