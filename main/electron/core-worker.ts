// The core worker thread of the desktop app (main/electron/core-client.ts): opens the encrypted store with the key
// the shell unsealed, runs the backup schedule, picks up unfinished batches of letters, and answers each window's
// calls through its SessionKeeper.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type Store } from '../core/db/connection';
import { SessionKeeper } from '../core/auth/door';
import { setResourcesDir } from '../core/paths';
import { startBackupSchedule } from '../core/backups/schedule';
import { resumeBatches } from '../core/letters/batches';
import { stopJobs } from '../core/letters/jobs';
import type { FromWorker, ToWorker } from './core-client';

const data = workerData as { dbPath: string; key: string; resourcesDir: string | null };
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const sessions = new SessionKeeper();
let store: Store | null = null;

try {
  if (data.resourcesDir) {
    setResourcesDir(data.resourcesDir);
  }
  store = openStore(data.dbPath, { create: true, key: data.key, encryptPlain: true });
  startBackupSchedule(store);
  resumeBatches(store); // a batch of letters stopped part-way by the last close (main/core/letters/batches.ts)
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}

port.on('message', (m: ToWorker) => {
  if (!store) {
    return;
  }
  if (m.op === 'call') {
    post({ type: 'result', id: m.id, result: sessions.call(store, m.windowId, m.channel, m.input) });
  } else if (m.op === 'forget') {
    sessions.forget(store, m.windowId);
  } else {
    stopJobs();
    store.db.close();
    store = null;
    port.close();
  }
});
