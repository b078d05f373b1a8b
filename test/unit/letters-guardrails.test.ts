// The guardrails of docs/rules/letters.md §1.1 as pure functions: each flags exactly the letters it should.
import { describe, expect, it } from 'vitest';
import {
  agreedArrangements,
  checkGuardrails,
  compulsoryAge,
  illnessVariant,
  improved,
  needsHealthParagraph,
  sameStage,
  supportFirst,
  type GuardFacts,
} from '../../main/core/letters/guardrails';
import { templateSpec, TEMPLATES, STABLE_NAMES } from '../../main/core/letters/templates';

const t = (name: string) => templateSpec(name)!;
const base = (over: Partial<GuardFacts> = {}): GuardFacts => ({
  pupilName: 'Amy Smith',
  compulsoryAge: true,
  possible: 100,
  authorised: 4,
  unauthorised: 12,
  attendancePct: 84,
  codeCounts: { O: 12, I: 4 },
  atRiskLowerPct: 5,
  letters: [],
  meetingsHeld: [],
  schoolDaysSince: () => 30,
  sameStageSchoolDays: 20,
  improvementPoints: 3,
  ...over,
});

describe('the template manifest', () => {
  it('has every stable name of cli.md and legal wording only in the three legal letters', () => {
    for (const n of STABLE_NAMES) {
      expect(templateSpec(n), n).toBeDefined();
    }
    expect(
      TEMPLATES.filter((x) => x.legal)
        .map((x) => x.name)
        .sort(),
    ).toEqual(['formal-warning', 'notice-to-improve', 'penalty-warning']);
  });
});

describe('G1 support first', () => {
  it('flags a formal warning with no support step on record', () => {
    expect(supportFirst(t('formal-warning'), base())?.code).toBe('G1');
  });
  it('is satisfied by an earlier concern letter or a meeting held', () => {
    expect(
      supportFirst(
        t('formal-warning'),
        base({
          letters: [
            { template: 'attendance-concern', stage: 'concern', date: '2025-10-01', attendancePct: 88 },
          ],
        }),
      ),
    ).toBeNull();
    expect(supportFirst(t('notice-to-improve'), base({ meetingsHeld: ['2025-10-10'] }))).toBeNull();
  });
  it('does not apply when most unauthorised absence is a holiday not granted', () => {
    expect(
      supportFirst(t('penalty-warning'), base({ codeCounts: { G: 10, O: 2 }, unauthorised: 12 })),
    ).toBeNull();
  });
  it('never applies to a concern letter', () => {
    expect(supportFirst(t('attendance-concern'), base())).toBeNull();
  });
});

describe('G2 illness and authorised absence', () => {
  it('offers the health variant when most absence is authorised', () => {
    const f = illnessVariant(
      t('attendance-concern'),
      base({ authorised: 12, unauthorised: 4, codeCounts: { M: 12, O: 4 } }),
    );
    expect(f).toMatchObject({ code: 'G2', suggest: 'attendance-concern-health' });
  });
  it('no longer holds a letter back when illness is the largest reason but most absence is unauthorised', () => {
    const facts = base({ authorised: 7, unauthorised: 9, codeCounts: { I: 7, O: 5, G: 4 } });
    expect(illnessVariant(t('formal-warning'), facts)).toBeNull();
    expect(illnessVariant(t('attendance-concern'), facts)).toBeNull();
    expect(needsHealthParagraph(facts)).toBe(true);
  });
  it('adds the health paragraph only when illness is the largest reason and most absence is unauthorised', () => {
    expect(needsHealthParagraph(base())).toBe(false);
    expect(needsHealthParagraph(base({ authorised: 12, unauthorised: 4, codeCounts: { I: 12, O: 4 } }))).toBe(
      false,
    );
    expect(
      needsHealthParagraph(base({ authorised: 8, unauthorised: 8, codeCounts: { I: 8, O: 5, G: 3 } })),
    ).toBe(true);
  });
  it('stays quiet when unauthorised absence dominates', () => {
    expect(illnessVariant(t('attendance-concern'), base())).toBeNull();
    expect(
      illnessVariant(
        t('attendance-concern-health'),
        base({ authorised: 20, unauthorised: 0, codeCounts: { I: 20 } }),
      ),
    ).toBeNull();
  });
});

describe('G3 compulsory school age', () => {
  it('refuses legal wording for a pupil outside compulsory school age, and only that', () => {
    const young = base({ compulsoryAge: false });
    for (const n of ['formal-warning', 'notice-to-improve', 'penalty-warning']) {
      expect(compulsoryAge(t(n), young)?.code, n).toBe('G3');
    }
    expect(compulsoryAge(t('attendance-concern'), young)).toBeNull();
    expect(compulsoryAge(t('formal-warning'), base())).toBeNull();
  });
});

describe('G4 agreed arrangements', () => {
  it('flags a concern letter caused only by a part-time timetable', () => {
    expect(
      agreedArrangements(
        t('attendance-concern'),
        base({ authorised: 14, unauthorised: 1, codeCounts: { C2: 12, I: 2, O: 1 } }),
      )?.code,
    ).toBe('G4');
  });
  it('does not flag when absence without the arrangements still gives cause for concern', () => {
    expect(
      agreedArrangements(
        t('attendance-concern'),
        base({ authorised: 6, unauthorised: 12, codeCounts: { C2: 2, I: 4, O: 12 } }),
      ),
    ).toBeNull();
  });
});

describe('G6 the same stage again', () => {
  const sent = [{ template: 'attendance-concern', stage: 'concern', date: '2025-11-20', attendancePct: 85 }];
  it('flags the same stage within the set number of school days', () => {
    const f = sameStage(t('attendance-concern'), base({ letters: sent, schoolDaysSince: () => 7 }));
    expect(f?.code).toBe('G6');
    expect(f?.message).toContain('20 November 2025');
  });
  it('counts the health variant as the same stage', () => {
    expect(
      sameStage(t('attendance-concern-health'), base({ letters: sent, schoolDaysSince: () => 7 }))?.code,
    ).toBe('G6');
  });
  it('allows it after the interval, and another stage at any time', () => {
    expect(sameStage(t('attendance-concern'), base({ letters: sent, schoolDaysSince: () => 20 }))).toBeNull();
    expect(sameStage(t('attendance-meeting'), base({ letters: sent, schoolDaysSince: () => 1 }))).toBeNull();
  });
});

describe('improvement since the last letter', () => {
  const sent = [
    { template: 'attendance-concern', stage: 'concern', date: '2025-10-01', attendancePct: 84.0 },
  ];
  it('offers the improvement letter when attendance rose by the set points', () => {
    expect(improved(t('attendance-meeting'), base({ letters: sent, attendancePct: 87.5 }))).toMatchObject({
      code: 'IMPROVE',
      suggest: 'improvement',
    });
  });
  it('stays quiet for a smaller rise or no earlier letter', () => {
    expect(improved(t('attendance-meeting'), base({ letters: sent, attendancePct: 86.9 }))).toBeNull();
    expect(improved(t('attendance-meeting'), base({ attendancePct: 99 }))).toBeNull();
  });
});

describe('checkGuardrails', () => {
  it('lists every flag in order, each with a message', () => {
    const flags = checkGuardrails(
      'formal-warning',
      base({ compulsoryAge: false, authorised: 12, unauthorised: 4, codeCounts: { I: 12, O: 4 } }),
    );
    expect(flags.map((f) => f.code)).toEqual(['G1', 'G2', 'G3']);
    for (const f of flags) {
      expect(f.message.length).toBeGreaterThan(20);
    }
  });
  it('returns nothing for a supportive letter sent for the first time', () => {
    expect(checkGuardrails('attendance-concern', base())).toEqual([]);
  });
});
