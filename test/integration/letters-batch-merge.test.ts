// A batch is merged once (main/core/letters/batch-merge.ts): every letter of it must be the document docx's
// patchDocument gives for that letter on its own, word for word, tables and line breaks included.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { tempStore } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { makeCtx } from '../../main/core/context';
import { mergeDocx } from '../../main/core/letters/docx-merge';
import { planLetters } from '../../main/core/letters/letter-plan';
import { prepareBatch } from '../../main/core/letters/batch-merge';
import { TEMPLATES } from '../../main/core/letters/templates';
import type { FieldValue } from '../../main/core/letters/merge-values';
import type { Session } from '../../shared/contract';

const SESSION: Session = { userName: 'Test', position: 'Head', roles: ['office', 'lead', 'head', 'admin'] };
const TODAY = '2025-12-19';
const EXTRA: Record<string, string> = {
  'meeting.date': '2026-01-12',
  'meeting.time': '10:00',
  'meeting.place': 'the school office',
  'leave.from': '2026-02-02',
  'leave.to': '2026-02-06',
  'leave.reason': 'a family funeral & travel <abroad>',
};

describe('the batch merge', () => {
  it('gives each letter the same XML as merging it on its own, for every shipped letter template', async () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 60, seed: 7, today: TODAY });
    const ctx = makeCtx(s, SESSION);
    const ids = (s.db.prepare('SELECT id FROM pupils ORDER BY id LIMIT 12').all() as { id: number }[]).map(
      (r) => r.id,
    );
    let compared = 0;
    for (const t of TEMPLATES.filter((x) => !x.document && !x.madeFrom)) {
      const extra = Object.fromEntries(t.extra.map((e) => [e.key, EXTRA[e.key] ?? `${e.label} & more`]));
      const plan = planLetters(ctx, { template: t.name, pupilIds: ids, overrideReason: 'test', extra });
      if (plan.plans.length < 2) {
        continue;
      }
      const values = plan.plans.map((p) => p.values);
      const batch = await prepareBatch(plan.template, values, null);
      for (let i = 0; i < values.length; i++) {
        const alone = unzipSync(await mergeDocx(plan.template, values[i], null));
        const inBatch = batch.letter(values[i], i);
        for (const part of Object.keys(alone).filter((n) =>
          /^word\/(document|header\d*|footer\d*)\.xml$/.test(n),
        )) {
          expect(strFromU8(inBatch[part]), `${t.name}, letter ${i + 1}, ${part}`).toBe(
            strFromU8(alone[part]),
          );
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  }, 300_000);

  it('writes tables of any shape as docx does: no rows, cells to escape or empty, rows of other lengths', async () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 40, seed: 11, today: TODAY });
    const ctx = makeCtx(s, SESSION);
    const ids = (s.db.prepare('SELECT id FROM pupils ORDER BY id LIMIT 14').all() as { id: number }[]).map(
      (r) => r.id,
    );
    const plan = planLetters(ctx, { template: 'attendance-concern', pupilIds: ids, overrideReason: 'test' });
    expect(plan.template.placeholders).toContain('figures.reasonsTable');
    const table = (rows: string[][], header = ['Reason', 'Code', 'Sessions']): FieldValue => ({
      kind: 'table',
      header,
      widths: header.length === 3 ? [64, 14, 22] : undefined,
      empty: 'No absence was recorded in this period.',
      rows,
    });
    const tables = [
      table([]),
      table([
        ['Family & friends <abroad>', 'O', '"3"'],
        ["O'Brien's ill", '', ''],
      ]),
      table([['Two cells', 'only'], ['Three', 'cells', 'here'], ['One']]),
      table([['Other header', 'x']], ['First', 'Second']),
      table([]),
      table([['Illness', 'I', '2']]),
    ];
    const values = plan.plans.slice(0, tables.length).map((p, i) => ({
      ...p.values,
      'figures.reasonsTable': tables[i],
    }));
    expect(values.length).toBe(tables.length);
    const batch = await prepareBatch(plan.template, values, null);
    for (let i = 0; i < values.length; i++) {
      const alone = unzipSync(await mergeDocx(plan.template, values[i], null));
      const inBatch = batch.letter(values[i], i);
      expect(strFromU8(inBatch['word/document.xml']), `letter ${i + 1}`).toBe(
        strFromU8(alone['word/document.xml']),
      );
    }
  }, 120_000);
});
