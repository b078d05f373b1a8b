// Every shipped template: the committed .docx is what the script writes, its placeholders are all known, and a
// letter merged from it opens again with every placeholder resolved and the pupil's own names, figures and dates.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { buildTemplateDocx } from '../../main/core/letters/template-docx';
import { STABLE_NAMES, TEMPLATES } from '../../main/core/letters/templates';
import { KNOWN_FIELDS } from '../../main/core/letters/template-fields';
import { documentText, scanPlaceholders, unzipDocx } from '../../main/core/letters/docx-xml';
import { planLetters } from '../../main/core/letters/letter-plan';
import { renderPlan } from '../../main/core/letters/render';
import { makeCtx } from '../../main/core/context';
import { STAFF_SESSION } from '../helpers/store';
import { ALL_EXTRA, lettersSchool, type LettersSchool } from '../helpers/letters';
import { formatLongDate } from '../../shared/dates';

const dir = path.join(__dirname, '..', '..', 'resources', 'letters');

describe('shipped templates', () => {
  it('are all there, one per stable name plus the health variant', () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => f.replace(/\.docx$/, ''))
      .sort();
    expect(files).toEqual(TEMPLATES.map((t) => t.name).sort());
    for (const n of STABLE_NAMES) {
      expect(files).toContain(n);
    }
  });

  for (const t of TEMPLATES) {
    it(`${t.name}: the committed file is what scripts/make-letter-templates.mjs writes, with known placeholders only`, async () => {
      const committed = unzipDocx(new Uint8Array(fs.readFileSync(path.join(dir, `${t.name}.docx`))));
      const fresh = unzipDocx(await buildTemplateDocx(t.name));
      const parts = Object.keys(fresh)
        .filter((k) => k.startsWith('word/'))
        .sort();
      expect(
        Object.keys(committed)
          .filter((k) => k.startsWith('word/'))
          .sort(),
      ).toEqual(parts);
      for (const k of parts) {
        expect(strFromU8(committed[k]), k).toBe(strFromU8(fresh[k]));
      }
      const scan = scanPlaceholders(committed);
      expect(scan.unknown).toEqual([]);
      expect(scan.split).toEqual([]);
      for (const e of t.extra) {
        expect(scan.placeholders, `${t.name} uses its extra field ${e.key}`).toContain(e.key);
      }
      for (const k of scan.placeholders) {
        expect(KNOWN_FIELDS.has(k)).toBe(true);
      }
    });
  }
});

describe('merged letters', () => {
  let s: LettersSchool;
  beforeAll(() => {
    s = lettersSchool();
  });

  // a school document (the attendance policy) is merged on the policy screen: test/integration/policy.test.ts
  for (const t of TEMPLATES.filter((x) => !x.document)) {
    it(`${t.name}: every placeholder is resolved, and the text names the pupil, the addressees and the facts`, async () => {
      const ctx = makeCtx(s.store, STAFF_SESSION);
      const plan = planLetters(ctx, {
        template: t.name,
        pupilIds: [s.ids.truant],
        extra: ALL_EXTRA,
        overrideReason: 'test of every template',
      });
      expect(plan.leftOut).toEqual([]);
      const [letter] = await renderPlan(ctx, plan, { log: false, limit: 1 });
      const files = unzipDocx(letter.bytes);
      const xml = strFromU8(files['word/document.xml']);
      expect(xml).not.toContain('{{');
      for (const part of Object.keys(files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))) {
        expect(strFromU8(files[part])).not.toContain('{{');
      }
      const text = documentText(files).join('\n');
      expect(text).toContain('Test Primary');
      expect(text).toContain('Dear Ann Truman');
      expect(text).toContain('4 Mill Road');
      expect(text).toContain(formatLongDate('2025-12-10'));
      expect(text).not.toMatch(/\bundefined\b|\bnull\b|NaN/);
      if (t.name !== 'policy-summary' && t.name !== 'termly-update') {
        expect(text).toContain('Tom');
      } else {
        expect(text).toContain('Tom Truman');
      }
      if (
        [
          'attendance-concern',
          'attendance-meeting',
          'formal-warning',
          'notice-to-improve',
          'penalty-warning',
          'attendance-contract',
          'punctuality-concern',
          'termly-update',
          'attendance-concern-health',
        ].includes(t.name)
      ) {
        expect(text).toContain(plan.plans[0].values['figures.attendancePct'] as string);
        expect(text).toMatch(/\d+\.\d%/);
      }
      if (t.legal) {
        expect(text).toMatch(/local authority/);
      } else {
        expect(text).not.toMatch(/prosecution|penalty notice is a fine/i);
      }
    });
  }
});
