// The reintegration plan's Word template on a real SQLite file (docs/rules/casework.md): the shipped template's
// fields, an export filled from it (figures, chart, no field left), the school's own version checked, uploaded
// and used (its wording, a field Word split, a header), a bad file refused with nothing written, going back to the
// shipped template, every version kept, and the roles.
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import type { Store } from '../../main/core/db/connection';
import type { Role, Session } from '../../shared/contract';
import { ok, tempStore } from '../helpers/store';

const TODAY = '2026-12-01';
const as = (role: Role): Session => ({ userName: `A ${role}`, position: role, roles: [role] });
let s: Store;
let planId: number;
let name: string;

beforeAll(() => {
  process.env.ATTENDANCE_TODAY = TODAY;
  s = tempStore();
  createDemoSchool(s, { pupils: 40, seed: 7, today: TODAY });
  const row = s.db
    .prepare("SELECT id FROM casework_plans WHERE status = 'open' ORDER BY id LIMIT 1")
    .get() as {
    id: number;
  };
  planId = row.id;
  name = ok(s, 'casework.plan.get', { planId }).plan.pupilName;
});

const unzip = (b64: string) => unzipSync(new Uint8Array(Buffer.from(b64, 'base64')));
const docText = (files: Record<string, Uint8Array>) =>
  strFromU8(files['word/document.xml'])
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
const rows = () =>
  (s.db.prepare('SELECT count(*) AS n FROM casework_plan_templates').get() as { n: number }).n;

/** The shipped template with its XML changed by `edit`, zipped again as Word would save it. */
function edited(edit: (xml: string) => string, extra: Record<string, string> = {}): string {
  const files = unzip(ok(s, 'casework.planTemplate.download', {}).base64);
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml'])));
  for (const [k, v] of Object.entries(extra)) {
    files[k] = strToU8(v);
  }
  return Buffer.from(zipSync(files)).toString('base64');
}

describe('the shipped plan template', () => {
  it('is a Word file of merge fields, and an export fills every one with the figures and the chart', () => {
    const t = ok(s, 'casework.planTemplate.get', {});
    expect(t.source).toBe('shipped');
    for (const k of ['pupil.name', 'plan.figuresTable', 'plan.chart', 'plan.agreementTable', 'plan.why']) {
      expect(t.placeholders).toContain(k);
    }
    const d = ok(s, 'casework.planTemplate.download', {});
    expect(d.fileName).toBe('reintegration-plan.docx');
    expect(docText(unzip(d.base64))).toContain('{{plan.stepsTable}}');

    const e = ok(s, 'casework.plan.export', { planId });
    const files = unzip(e.base64);
    const text = docText(files);
    const p = ok(s, 'casework.plan.get', { planId });
    expect(text).toContain(name);
    expect(text).not.toContain('{{');
    expect(text).toContain('During the plan');
    expect(text).toContain(`${p.during.possible}`);
    expect(text).toContain(p.plan.content.keyAdult);
    expect(files['word/media/plan-chart.png'].slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain('media/plan-chart.png');
    expect(p.exports[0]?.template).toBe('shipped');
  });
});

describe("the school's own plan template", () => {
  it('refuses a broken file and one with an unknown field, writing nothing', () => {
    const before = rows();
    const broken = dispatch(s, 'casework.planTemplate.upload', { base64: 'bm90IGEgemlw' }, as('lead'));
    expect(broken.ok ? '' : broken.error.message).toMatch(/not a Word document/);
    const unknownB64 = edited((x) => x.replace('{{plan.why}}', '{{plan.whyy}}'));
    const check = ok(s, 'casework.planTemplate.check', { base64: unknownB64 }, as('lead'));
    expect(check.errors.join(' ')).toContain('{{plan.whyy}} is not a field of the plan');
    const r = dispatch(s, 'casework.planTemplate.upload', { base64: unknownB64 }, as('lead'));
    expect(r.ok ? '' : r.error.kind).toBe('invalid');
    const inline = edited((x) => x.replace('{{plan.chart}}', 'Chart: {{plan.chart}}'));
    expect(ok(s, 'casework.planTemplate.check', { base64: inline }, as('lead')).errors.join(' ')).toContain(
      'on a line of its own',
    );
    expect(rows()).toBe(before);
  });

  it('is used for the next export: its wording, a field Word split, and its header', () => {
    const header =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:p><w:r><w:t>{{school.name}} – private</w:t></w:r></w:p></w:hdr>';
    const b64 = edited(
      (x) =>
        x
          .replace('Attendance reintegration plan', 'Our plan together: Riverside way')
          .replace('{{plan.checkIns}}', 'Key adult: {{plan.keyAdult}}')
          // Word split the field across two runs
          .replace(
            '{{plan.keyAdult}}',
            '{{plan.key</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Adult}}',
          ),
      { 'word/header1.xml': header },
    );
    const check = ok(s, 'casework.planTemplate.check', { base64: b64 }, as('lead'));
    expect(check.errors).toEqual([]);
    expect(check.warnings.join(' ')).toContain('{{plan.keyAdult}} is split');
    const up = ok(s, 'casework.planTemplate.upload', { base64: b64 }, as('lead'));
    expect(up.version).toBe(1);
    expect(ok(s, 'casework.planTemplate.get', {}, as('head')).version).toBe('school v1');

    const e = ok(s, 'casework.plan.export', { planId }, as('lead'));
    const files = unzip(e.base64);
    const text = docText(files);
    const p = ok(s, 'casework.plan.get', { planId });
    expect(text).toContain('Our plan together: Riverside way');
    expect(text).not.toContain('Attendance reintegration plan');
    expect(text).toContain(`Key adult: ${p.plan.content.keyAdult}`);
    expect(text).not.toContain('{{');
    expect(strFromU8(files['word/header1.xml'])).not.toContain('{{');
    expect(strFromU8(files['word/header1.xml'])).toContain('private');
    expect(files['word/media/plan-chart.png']).toBeDefined();
    expect(p.exports[0].template).toBe('school v1');
    expect(ok(s, 'casework.planTemplate.download', {}).fileName).toBe('reintegration-plan-school-v1.docx');
  });

  it('goes back to the shipped template; every version stays and none can be rewritten', () => {
    expect(ok(s, 'casework.planTemplate.revert', {}, as('head')).version).toBe(2);
    expect(ok(s, 'casework.planTemplate.get', {}).source).toBe('shipped');
    const again = dispatch(s, 'casework.planTemplate.revert', {}, as('head'));
    expect(again.ok ? '' : again.error.message).toMatch(/already uses the shipped template/);
    expect(docText(unzip(ok(s, 'casework.plan.export', { planId }).base64))).toContain(
      'Attendance reintegration plan',
    );
    expect(rows()).toBe(2);
    expect(() => s.db.prepare('DELETE FROM casework_plan_templates').run()).toThrow(/refused/);
    expect(() => s.db.prepare("UPDATE casework_plan_templates SET uploaded_by = 'x'").run()).toThrow(
      /refused/,
    );
  });

  it('is the lead’s and the head’s: the office and governors are refused', () => {
    for (const role of ['office', 'governor', 'admin'] as Role[]) {
      for (const c of ['casework.planTemplate.get', 'casework.planTemplate.revert'] as const) {
        const r = dispatch(s, c, {}, as(role));
        expect(r.ok ? '' : r.error.kind, `${role} ${c}`).toBe('forbidden');
      }
    }
  });
});
