// npm run bench, letters section: 200 letters in one batch (plan with guardrails and figures, docx patchDocument
// merge, checks, log rows, one .docx per letter and the combined one written to a folder), next to the raw docx
// library building the same 200 documents (the merged text, no data, no merge, no log).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { openStore } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import { createDemoSchool } from '../../main/core/demo/demo';
import { waitForJob } from '../../main/core/letters/jobs';
import { planLetters } from '../../main/core/letters/letter-plan';
import { makeCtx } from '../../main/core/context';
import { documentText, unzipDocx } from '../../main/core/letters/docx-xml';
import type { Session } from '../../shared/contract';

const SESSION: Session = {
  userName: 'Bench',
  position: 'Attendance lead',
  roles: ['office', 'lead', 'head', 'admin'],
};
const LETTERS = 200;

export async function benchLetters(
  line: (label: string, ms: number, floorMs?: number, target?: { maxRatio?: number; maxMs?: number }) => void,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-bench-letters-'));
  process.env.ATTENDANCE_TODAY = '2026-12-01';
  const store = openStore(path.join(dir, 'letters.sqlite'));
  createDemoSchool(store, { pupils: 420, seed: 2026, today: '2026-12-01' });
  const ids = (
    store.db.prepare('SELECT id FROM pupils WHERE leaving_date IS NULL ORDER BY id').all() as { id: number }[]
  ).map((r) => r.id);
  // pupils whose households make exactly 200 letters
  const all = planLetters(makeCtx(store, SESSION), {
    template: 'attendance-concern',
    pupilIds: ids,
    overrideReason: 'bench',
  }).plans;
  const per = new Map<number, number>();
  for (const p of all) {
    per.set(p.pupilId, (per.get(p.pupilId) ?? 0) + 1);
  }
  const chosen: number[] = [];
  let count = 0;
  for (const [id, k] of per) {
    if (count + k <= LETTERS) {
      chosen.push(id);
      count += k;
    }
  }
  const folder = path.join(dir, 'out');
  const t0 = performance.now();
  const g = dispatch(
    store,
    'letters.generate',
    { template: 'attendance-concern', pupilIds: chosen, overrideReason: 'bench', folder },
    SESSION,
  );
  if (!g.ok) {
    throw new Error(g.error.message);
  }
  const job = await waitForJob(g.value.jobId, 300_000);
  const real = performance.now() - t0;
  if (job.status !== 'done') {
    throw new Error(job.error ?? 'the batch failed');
  }
  const n = job.result!.letters.length;
  // the floor: the same documents' text, built directly with docx (Document + Packer), no data, merge or log
  const texts = job.result!.letters.map((l) =>
    documentText(unzipDocx(new Uint8Array(fs.readFileSync(path.join(folder, l.fileName))))),
  );
  const t1 = performance.now();
  for (const paras of texts) {
    await Packer.toBuffer(
      new Document({
        sections: [{ children: paras.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
      }),
    );
  }
  const floor = performance.now() - t1;
  line(`letters: one batch of ${n} letters for ${chosen.length} pupils + combined .docx`, real, floor, {
    maxRatio: 2,
    maxMs: 5000,
  });
  store.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
