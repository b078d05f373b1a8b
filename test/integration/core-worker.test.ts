// The desktop app's core runs in a worker thread (main/electron/core-client.ts, core-worker.ts): the bundled worker
// opens an encrypted store with the key it is given and answers calls by id; a failure to open is reported, not
// hung on; and a stopped worker settles every pending call. Needs `npm run build` (like the CLI's bundle test).
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CoreClient, type Port } from '../../main/electron/core-client';
import { isPlainDatabase } from '../../main/core/db/cipher';
import { tempDir } from '../helpers/store';

const BUNDLE = path.join(__dirname, '../../dist/electron/core-worker.cjs');
const KEY = 'worker test key, long enough';

function start(dbPath: string, key: string) {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error('build first: npm run build');
  }
  return new Worker(BUNDLE, { workerData: { dbPath, key, resourcesDir: null } });
}

describe('the core worker', () => {
  it('opens an encrypted store and answers calls in their own order', async () => {
    const db = path.join(tempDir(), 'desk.sqlite');
    const client = new CoreClient(start(db, KEY));
    await client.ready;
    const [a, b] = await Promise.all([
      client.call(1, 'school.appStatus', {}),
      client.call(2, 'backups.health', {}),
    ]);
    expect(a).toMatchObject({ ok: true, value: { hasSchool: false } });
    expect(b).toMatchObject({ ok: true, value: { ok: true } });
    client.close();
    expect(isPlainDatabase(db)).toBe(false);
  });

  it('reports a store it cannot open instead of hanging', async () => {
    const db = path.join(tempDir(), 'desk.sqlite');
    const first = new CoreClient(start(db, KEY));
    await first.ready;
    first.close();
    await new Promise((r) => setTimeout(r, 200));
    const wrong = new CoreClient(start(db, 'a different key entirely'));
    await expect(wrong.ready).rejects.toThrow(/key does not open/);
  });

  it('a worker that stops settles every pending call with a clear message', async () => {
    const port = new EventEmitter() as EventEmitter & Port;
    const sent: unknown[] = [];
    port.postMessage = (m) => void sent.push(m);
    const client = new CoreClient(port);
    client.ready.catch(() => undefined);
    port.emit('message', { type: 'ready' });
    const pending = client.call(7, 'school.appStatus', {});
    expect(sent).toEqual([{ op: 'call', id: 1, windowId: 7, channel: 'school.appStatus', input: {} }]);
    port.emit('exit', 1);
    expect(await pending).toMatchObject({ ok: false, error: { message: /core stopped/ } });
    expect(await client.call(7, 'school.appStatus', {})).toMatchObject({ ok: false });
  });
});
