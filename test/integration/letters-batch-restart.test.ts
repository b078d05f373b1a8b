// A batch of letters kept through a restart of the job runner (main/core/letters/batches.ts), on a real database
// file and real .docx files: the runner is stopped part-way and the store opened again, as after closing the app;
// the batch is then picked up again (at start, or by letters.job) and finishes with every planned letter logged
// exactly once, its files in the folder, and the progress counting the letters made before the restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '../../main/core/db/connection';
import { documentText, unzipDocx } from '../../main/core/letters/docx-xml';
import { getJob, stopJobs, waitForJob, type Job } from '../../main/core/letters/jobs';
import { resumeBatches } from '../../main/core/letters/batches';
import { sha256 } from '../../main/core/letters/template-source';
import { ok, tempDir } from '../helpers/store';
import { lettersSchool, LETTERS_TODAY, type LettersSchool } from '../helpers/letters';

let s: LettersSchool;
let store: Store;
beforeEach(() => {
  s = lettersSchool();
  store = s.store;
});
afterEach(() => {
  stopJobs();
});

const tick = () => new Promise<void>((r) => setImmediate(r));

/** Starts a termly update to these pupils and stops the runner once `after` letters are made. */
async function stoppedPart(pupilIds: number[], after: number) {
  const folder = path.join(tempDir(), 'Attendance letters');
  const g = ok(store, 'letters.generate', { template: 'termly-update', pupilIds, folder });
  const job = getJob(g.jobId)!;
  for (let k = 0; job.done < after && job.status === 'running'; k++) {
    expect(k).toBeLessThan(100_000);
    await tick();
  }
  stopJobs();
  while (job.status === 'running') {
    await tick();
  }
  return { g, job, folder };
}

/** Closes the store and opens the same file again: the runner holds nothing, as after a restart. */
function restart(): Store {
  stopJobs();
  const file = store.path;
  store.db.close();
  store = openStore(file);
  return store;
}

const logged = (batchId: string) =>
  store.db
    .prepare(
      'SELECT reference, count(*) AS n, file_sha256 AS sha FROM letter_log WHERE batch_id = ? GROUP BY reference',
    )
    .all(batchId) as { reference: string; n: number; sha: string }[];

const plannedRefs = (batchId: string) =>
  (
    JSON.parse(
      (store.db.prepare('SELECT params FROM letter_batches WHERE id = ?').get(batchId) as { params: string })
        .params,
    ) as { plan: { letters: { reference: string }[] } }
  ).plan.letters.map((l) => l.reference);

describe('a batch of letters through a restart', () => {
  it('is picked up again at start: the letters made before are not made again, the rest are, and the progress counts both', async () => {
    const pupilIds = [s.ids.truant, s.ids.ill, s.ids.young, s.ids.sib1, s.ids.sib2];
    const { g, job, folder } = await stoppedPart(pupilIds, 2);
    expect(g.letters).toBe(5);
    expect(job.status).toBe('failed'); // stopped
    const before = logged(g.batchId).length;
    expect(before).toBe(job.done);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(g.letters);
    expect(g.jobId).toBe(g.batchId);

    restart();
    expect(getJob(g.batchId)).toBeUndefined();
    expect(resumeBatches(store)).toEqual([g.batchId]);
    const first = ok(store, 'letters.job', { jobId: g.jobId });
    expect(first.total).toBe(g.letters + 1);
    expect(first.done).toBeGreaterThanOrEqual(before);
    const end = await waitForJob(g.batchId);
    expect(end.error).toBeNull();
    expect(end.status).toBe('done');
    const last = ok(store, 'letters.job', { jobId: g.jobId });
    expect([last.done, last.total]).toEqual([g.letters + 1, g.letters + 1]);
    expect(last.result!.problems).toEqual([]);

    // every planned letter logged exactly once
    const rows = logged(g.batchId);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.map((r) => r.reference).sort()).toEqual(plannedRefs(g.batchId).sort());
    // the files: one a letter (none written twice) and the combined document, each opening as a .docx
    const letters = last.result!.letters;
    expect(letters.map((l) => l.reference)).toEqual(plannedRefs(g.batchId));
    expect(fs.readdirSync(folder).length).toBe(g.letters + 1);
    for (const l of letters) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(folder, l.fileName)));
      expect(sha256(bytes)).toBe(rows.find((r) => r.reference === l.reference)!.sha);
      expect(documentText(unzipDocx(bytes)).join('\n')).toContain(l.reference);
    }
    const combined = new Uint8Array(fs.readFileSync(path.join(folder, last.result!.combinedFile!)));
    const text = documentText(unzipDocx(combined)).join('\n');
    for (const who of ['Dear Ann Truman', 'Dear Ben Truman', 'Dear Carla Ingram', 'Dear Dora Young']) {
      expect(text).toContain(who);
    }
    expect(text.match(/Dear /g)!.length).toBe(g.letters);
  });

  it('puts back the file of a letter made before the restart when it is missing from the folder', async () => {
    const { g, folder } = await stoppedPart([s.ids.truant, s.ids.ill, s.ids.young], 1);
    const gone = fs.readdirSync(folder);
    expect(gone.length).toBeGreaterThan(0);
    fs.rmSync(path.join(folder, gone[0]));
    restart();
    resumeBatches(store);
    const end = await waitForJob(g.batchId);
    expect(end.status).toBe('done');
    expect(fs.existsSync(path.join(folder, gone[0]))).toBe(true);
    expect(fs.readdirSync(folder).length).toBe(g.letters + 1);
    expect(logged(g.batchId).every((r) => r.n === 1)).toBe(true);
  });

  it('is picked up again by letters.job, and a pupil who has left since is a problem naming the pupil', async () => {
    const { g } = await stoppedPart([s.ids.truant, s.ids.young, s.ids.sib1, s.ids.sib2, s.ids.ill], 1);
    restart();
    ok(store, 'pupils.recordLeaving', {
      id: s.ids.ill,
      leavingDate: LETTERS_TODAY,
      ground: '2024-9(1)(a)',
      confirmedBy: 'Head Teacher',
    });
    const running = ok(store, 'letters.job', { jobId: g.jobId });
    expect(running.status).toBe('running');
    await waitForJob(g.jobId);
    const end = ok(store, 'letters.job', { jobId: g.jobId });
    expect(end.status).toBe('done');
    expect(end.result!.letters.length).toBe(g.letters - 1);
    expect(end.result!.problems).toEqual([
      {
        pupilId: s.ids.ill,
        name: expect.stringMatching(/Ingram/),
        reason: expect.stringMatching(/^has left the school/),
      },
    ]);
    expect(`${end.result!.problems![0].name} ${end.result!.problems![0].reason}`).not.toMatch(
      new RegExp(`\\b${s.ids.ill}\\b`),
    );
    expect(logged(g.batchId).length).toBe(g.letters - 1);
    // after the runner forgets it, the finished batch still reports its problem
    stopJobs();
    expect(ok(store, 'letters.job', { jobId: g.jobId }).result!.problems!.length).toBe(1);
  });

  it('names the pupil whose family contacts changed since: that letter is not made to someone else', async () => {
    const { g } = await stoppedPart([s.ids.truant, s.ids.young, s.ids.ill], 1);
    restart();
    ok(store, 'pupils.saveContacts', {
      pupilId: s.ids.ill,
      contacts: [
        {
          name: 'Dan Ingram',
          relationship: 'Father',
          phone: '07700 900008',
          email: '',
          address: '2 Elm Close, Riverside, RV2 2EC',
          livesWith: true,
          parentalResponsibility: true,
          emergency: false,
        },
      ],
    });
    resumeBatches(store);
    await waitForJob(g.jobId);
    const end = ok(store, 'letters.job', { jobId: g.jobId });
    expect(end.status).toBe('done');
    expect(end.result!.problems).toEqual([
      {
        pupilId: s.ids.ill,
        name: expect.stringMatching(/Ingram/),
        reason: expect.stringMatching(
          /^the letter to Carla Ingram can no longer be made: the family's contacts/,
        ),
      },
    ]);
    expect(end.result!.letters.some((l) => l.addressees.includes('Dan Ingram'))).toBe(false);
    expect(logged(g.batchId).length).toBe(g.letters - 1);
  });
});

describe('a finished batch', () => {
  it('is not made again: not at start, not by letters.job, and its progress stays complete', async () => {
    const folder = path.join(tempDir(), 'Attendance letters');
    const g = ok(store, 'letters.generate', {
      template: 'termly-update',
      pupilIds: [s.ids.truant, s.ids.ill],
      folder,
    });
    const done: Job = await waitForJob(g.jobId);
    expect(done.status).toBe('done');
    const count = logged(g.batchId).length;
    const files = fs.readdirSync(folder).sort();
    restart();
    expect(resumeBatches(store)).toEqual([]);
    const j = ok(store, 'letters.job', { jobId: g.jobId });
    expect(j.status).toBe('done');
    expect([j.done, j.total]).toEqual([g.letters + 1, g.letters + 1]);
    expect(j.result!.letters.length).toBe(g.letters);
    expect(j.result!.combinedFile).toBe(done.result!.combinedFile);
    await tick();
    expect(getJob(g.jobId)).toBeUndefined();
    expect(logged(g.batchId).length).toBe(count);
    expect(fs.readdirSync(folder).sort()).toEqual(files);
  });
});
