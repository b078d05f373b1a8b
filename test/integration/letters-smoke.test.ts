import { test, expect } from 'vitest';
import fs from 'node:fs';
import { tempStore, STAFF_SESSION } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { makeCtx } from '../../main/core/context';
import { planLetters, renderPlan } from '../../main/core/letters/render';
import { documentText, unzipDocx, combineLetters } from '../../main/core/letters/docx-xml';
import { TEMPLATES } from '../../main/core/letters/templates';

test('smoke', async () => {
  const store = tempStore();
  createDemoSchool(store, { pupils: 60, seed: 1, today: '2026-12-01' });
  process.env.ATTENDANCE_TODAY = '2026-12-01';
  const ctx = makeCtx(store, STAFF_SESSION);
  const ids = (store.db.prepare('SELECT id FROM pupils LIMIT 20').all() as { id: number }[]).map((r) => r.id);
  for (const t of TEMPLATES) {
    const t0 = performance.now();
    const plan = planLetters(ctx, { template: t.name, pupilIds: ids, overrideReason: 'smoke', extra: { 'leave.from': '2027-01-04', 'leave.to': '2027-01-08', 'leave.decision': 'Refused', 'leave.sessionsGranted': '0', 'decider.name': 'Mr Head', 'decider.position': 'Headteacher', 'ptt.pattern': 'Mornings only', 'ptt.reason': 'Anxiety', 'ptt.start': '2026-12-07', 'ptt.end': '2027-01-29', 'ptt.reviews': 'every two weeks', 'flexi.pattern': 'Fridays', 'flexi.start': '2027-01-04', 'flexi.review': '2027-03-01', 'contract.commitments': 'a\nb', 'contract.reviews': 'monthly', 'meeting.date': '2026-12-08', 'meeting.time': '09:30', 'meeting.place': 'School office', 'meeting.attendees': 'Mrs Okafor', 'absence.date': '2026-12-01', 'absence.session': 'morning' } });
    const r = await renderPlan(ctx, plan, { log: false, limit: 3 });
    const ms = performance.now() - t0;
    console.log(t.name, plan.plans.length, plan.leftOut.length, ms.toFixed(0), plan.leftOut[0]?.reason ?? '');
    if (r[0]) {
      fs.writeFileSync(`/tmp/lt/${t.name}.docx`, r[0].bytes);
      if (t.name === 'attendance-concern') { console.log(documentText(unzipDocx(r[0].bytes)).join('\n')); fs.writeFileSync('/tmp/lt/combined.docx', combineLetters(r.map((x) => x.bytes))); }
    }
  }
  expect(1).toBe(1);
});
