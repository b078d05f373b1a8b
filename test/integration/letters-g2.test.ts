// G2 as revised in docs/rules/letters.md §1.1: only the health-and-wellbeing variant when more than half of the
// absence is authorised; when illness is the largest reason but most absence is unauthorised, the concern letter is
// offered and carries the health paragraph.
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8 } from 'fflate';
import type { Store } from '../../main/core/db/connection';
import { ok, setupSchool, STAFF_SESSION, tempStore, upn } from '../helpers/store';
import { dispatch } from '../../main/core/dispatch';
import { loadCalendar } from '../../main/core/calendar/calendar.service';
import { makeCtx } from '../../main/core/context';
import { planLetters } from '../../main/core/letters/letter-plan';
import { renderPlan } from '../../main/core/letters/render';
import { documentText, unzipDocx } from '../../main/core/letters/docx-xml';
import { LETTERS_TODAY } from '../helpers/letters';

const HEADER =
  'upn,surname,forename,dob,sex,year_group,reg_group,admission_date,' +
  'contact1_name,contact1_relationship,contact1_phone,contact1_address,contact1_lives_with,' +
  'contact1_parental_responsibility';

let store: Store;
const ids: Record<'mixed' | 'ill', number> = { mixed: 0, ill: 0 };

/** mixed: every Monday ill (2 sessions), Tuesday morning truant (O), Tuesday afternoon holiday (G), Wednesday
 * morning no reason (N): illness is the largest reason, but 3 of 5 absence sessions are unauthorised.
 * ill: illness on Mondays only. */
beforeAll(() => {
  process.env.ATTENDANCE_TODAY = LETTERS_TODAY;
  store = tempStore();
  setupSchool(store);
  const u = { mixed: upn(11), ill: upn(12) };
  ok(store, 'pupils.import', {
    csv: [
      HEADER,
      `${u.mixed},Mixon,Max,2017-05-04,M,3,3 Ash,2022-09-05,Mia Mixon,Mother,07700 900011,"1 Mill Road, Riverside",Y,Y`,
      `${u.ill},Illing,Ida,2017-02-01,F,3,3 Ash,2022-09-05,Ian Illing,Father,07700 900012,"2 Mill Road, Riverside",Y,Y`,
    ].join('\n'),
  });
  const marks = ['upn,date,session,code,minutes_late'];
  for (const d of loadCalendar(store.db).schoolDays('2025-09-03', LETTERS_TODAY)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const s of ['AM', 'PM'] as const) {
      const present = s === 'AM' ? '/' : '\\';
      const mixed =
        wd === 1 ? 'I' : wd === 2 ? (s === 'AM' ? 'O' : 'G') : wd === 3 && s === 'AM' ? 'N' : present;
      marks.push(`${u.mixed},${d},${s},${mixed},`);
      marks.push(`${u.ill},${d},${s},${wd === 1 ? 'I' : present},`);
    }
  }
  ok(store, 'marks.import', { csv: marks.join('\n') });
  const id = (x: string) =>
    (store.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(x) as { id: number }).id;
  ids.mixed = id(u.mixed);
  ids.ill = id(u.ill);
});

async function letterText(pupilId: number, overrideReason?: string): Promise<string> {
  const ctx = makeCtx(store, STAFF_SESSION);
  const plan = planLetters(ctx, {
    template: 'attendance-concern',
    pupilIds: [pupilId],
    extra: {},
    overrideReason,
  });
  expect(plan.leftOut).toEqual([]);
  const [letter] = await renderPlan(ctx, plan, { log: false, limit: 1 });
  const files = unzipDocx(letter.bytes);
  expect(strFromU8(files['word/document.xml'])).not.toContain('{{');
  return documentText(files).join('\n');
}

describe('G2 illness and authorised absence', () => {
  it('offers the concern letter when illness is the largest reason but most absence is unauthorised', () => {
    const c = ok(store, 'letters.candidates', { template: 'attendance-concern', yearGroup: '3' });
    const mixed = c.pupils.find((p) => p.pupilId === ids.mixed);
    expect(mixed?.flags).toEqual([]);
    const ill = c.pupils.find((p) => p.pupilId === ids.ill);
    expect(ill?.flags).toEqual([
      expect.objectContaining({ code: 'G2', suggest: 'attendance-concern-health' }),
    ]);
  });
  it('puts the health paragraph in that concern letter, and not in one whose absence is mostly authorised', async () => {
    const text = await letterText(ids.mixed);
    expect(text).toMatch(/Illness is the largest single reason for Max's absence \(\d+ sessions\)/);
    expect(text).toContain('school nurse');
    const ill = await letterText(ids.ill, 'the family asked for the ordinary letter');
    expect(ill).not.toContain('Illness is the largest single reason');
  });
});

describe('messages people read (issue 15.6)', () => {
  it('a letter left out for a missing detail names the pupil and the detail in words, never an id or a merge field', () => {
    const r = dispatch(
      store,
      'letters.preview',
      { template: 'reintegration-meeting', pupilIds: [ids.mixed], extra: {} },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const texts = [r.error.message, ...(r.error.issues ?? []).map((i) => i.message)];
      expect(texts.join(' ')).toContain('Max Mixon: the letter needs meeting date');
      for (const t of texts) {
        expect(t).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/);
        expect(t).not.toContain(String(ids.mixed));
      }
      for (const i of r.error.issues ?? []) {
        expect(i.path).not.toBe(String(ids.mixed));
      }
    }
  });
});
