// The guardrails of docs/rules/letters.md §1.1, as pure functions of the facts about one pupil and one
// template. Each returns a code and a plain message; a flagged letter is generated only with an override
// reason, which is logged with it (G6).
import { bandOf } from '../../../shared/statistics/rates';
import { formatLongDate, type IsoDate } from '../../../shared/dates';
import { LADDER, type LadderStage } from '../../../shared/ladder';
import { type TemplateSpec, templateSpec } from './templates';

export type GuardCode = 'G1' | 'G2' | 'G3' | 'G4' | 'G6' | 'IMPROVE';
export interface Flag {
  code: GuardCode;
  message: string;
  suggest?: string;
}

/** Codes of arrangements the school agreed (G4): part-time timetable, flexi-schooling and other granted leave. */
export const AGREED_CODES: readonly string[] = ['C', 'C1', 'C2', 'J1', 'S', 'T'];

export interface PastLetter {
  template: string;
  stage: string;
  date: IsoDate;
  attendancePct: number | null;
}
export interface GuardFacts {
  pupilName: string;
  /** Of compulsory school age on the letter's date (docs/rules/statistics.md §8). */
  compulsoryAge: boolean;
  possible: number;
  authorised: number;
  unauthorised: number;
  attendancePct: number | null;
  /** Absence sessions by code over the period. */
  codeCounts: Record<string, number>;
  /** Absence sessions on sessions the school agreed (timetables, flexi agreements, granted leave: read from those
   * records by main/core/arrangements/queries.ts). Without it G4 falls back to counting the agreed codes. */
  agreedSessions?: number;
  atRiskLowerPct: number;
  letters: PastLetter[];
  meetingsHeld: IsoDate[];
  /** School days strictly after d up to today. */
  schoolDaysSince: (d: IsoDate) => number;
  sameStageSchoolDays: number;
  improvementPoints: number;
}

const article = (w: string) => (/^[aeiou]/i.test(w) ? 'An' : 'A');

const SUPPORT_STAGES = new Set(['concern', 'meeting', 'reintegration', 'contract', 'part_time_timetable']);

/** G1: a legal letter needs an earlier support step on record, unless the absence is an unauthorised holiday. */
export function supportFirst(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.rules.includes('G1')) {
    return null;
  }
  const holiday = f.codeCounts.G ?? 0;
  if (f.unauthorised > 0 && holiday * 2 > f.unauthorised) {
    return null;
  }
  if (f.letters.some((l) => SUPPORT_STAGES.has(l.stage)) || f.meetingsHeld.length > 0) {
    return null;
  }
  return {
    code: 'G1',
    message:
      `Support first: there is no concern letter, meeting or plan on record for ${f.pupilName}. ` +
      `Offer support before ${article(t.title).toLowerCase()} ${t.title.toLowerCase()}.`,
    suggest: 'attendance-concern',
  };
}

/** The largest absence reason, by sessions. */
export function largestCode(counts: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [c, n] of Object.entries(counts)) {
    if (n > 0 && (best === null || n > counts[best])) {
      best = c;
    }
  }
  return best;
}

/** More than half of the absence in the period is authorised (docs/rules/letters.md §1.1 G2, project default). */
export function mostlyAuthorised(authorised: number, unauthorised: number): boolean {
  return authorised * 2 > authorised + unauthorised;
}

/** G2 (revised): illness is the largest reason but most absence is unauthorised: the concern letter is offered and
 * carries the health paragraph of the variant (docs/rules/letters.md §1.1). */
export function needsHealthParagraph(
  f: Pick<GuardFacts, 'authorised' | 'unauthorised' | 'codeCounts'>,
): boolean {
  return (
    f.authorised + f.unauthorised > 0 &&
    !mostlyAuthorised(f.authorised, f.unauthorised) &&
    largestCode(f.codeCounts) === 'I'
  );
}

/** G2: when more than half of the absence is authorised, only the health-and-wellbeing letter. Illness being the
 * largest reason no longer holds a letter back on its own (docs/rules/letters.md §1.1). */
export function illnessVariant(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.rules.includes('G2')) {
    return null;
  }
  const absence = f.authorised + f.unauthorised;
  if (absence === 0 || !mostlyAuthorised(f.authorised, f.unauthorised)) {
    return null;
  }
  return {
    code: 'G2',
    message:
      `For ${f.pupilName}, most of the absence (${f.authorised} of ${absence} sessions) is authorised: ` +
      'send the health-and-wellbeing letter instead, without warnings.',
    suggest: 'attendance-concern-health',
  };
}

/** G3: no legal-action wording for a pupil outside compulsory school age. */
export function compulsoryAge(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.legal || f.compulsoryAge) {
    return null;
  }
  return {
    code: 'G3',
    message:
      `${f.pupilName} is not of compulsory school age: ${article(t.title).toLowerCase()} ` +
      `${t.title.toLowerCase()} speaks of legal measures that do not apply. ` +
      'Send a concern letter or an invitation to meet instead.',
    suggest: 'attendance-meeting',
  };
}

/** G4: agreed arrangements (part-time timetable, flexi-schooling, granted leave) never trigger a concern letter on their own. */
export function agreedArrangements(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.rules.includes('G4') || f.possible === 0) {
    return null;
  }
  const agreed = f.agreedSessions ?? AGREED_CODES.reduce((s, c) => s + (f.codeCounts[c] ?? 0), 0);
  if (agreed === 0) {
    return null;
  }
  const absence = f.authorised + f.unauthorised;
  const without = bandOf(absence - agreed, f.possible, f.atRiskLowerPct);
  if (without === 'at_risk' || without === 'persistent' || without === 'severe') {
    return null;
  }
  return {
    code: 'G4',
    message:
      `${agreed} of ${f.pupilName}'s ${absence} absence sessions are agreed arrangements (part-time ` +
      'timetable, flexi-schooling or granted leave); without them attendance gives no cause for ' +
      'concern.',
  };
}

/** G6: the same stage again within the set number of school days. */
export function sameStage(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.rules.includes('G6')) {
    return null;
  }
  const last = [...f.letters]
    .filter((l) => l.stage === t.stage)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (!last) {
    return null;
  }
  const days = f.schoolDaysSince(last.date);
  if (days >= f.sameStageSchoolDays) {
    return null;
  }
  const when = days === 0 ? 'today' : days === 1 ? '1 school day ago' : `${days} school days ago`;
  return {
    code: 'G6',
    message:
      `${article(t.title)} ${t.title.toLowerCase()} was already sent to ${f.pupilName}'s family on ` +
      `${formatLongDate(last.date)}, ${when} (the school waits ${f.sameStageSchoolDays} school days ` +
      'before the same stage again).',
  };
}

/** Attendance has improved since the last ladder letter: offer the improvement letter instead. */
export function improved(t: TemplateSpec, f: GuardFacts): Flag | null {
  if (!t.rules.includes('IMPROVE') || f.attendancePct === null) {
    return null;
  }
  const last = [...f.letters]
    .filter((l) => LADDER.includes(l.stage as LadderStage) && l.attendancePct !== null)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (!last || last.attendancePct === null) {
    return null;
  }
  if (f.attendancePct - last.attendancePct < f.improvementPoints) {
    return null;
  }
  return {
    code: 'IMPROVE',
    message:
      `${f.pupilName}'s attendance has improved since the last letter ` +
      `(${last.attendancePct.toFixed(1)}% then, ${f.attendancePct.toFixed(1)}% now): ` +
      'send the improvement letter instead.',
    suggest: 'improvement',
  };
}

/** Every guardrail that flags this letter, in the order of §1.1. */
export function checkGuardrails(template: string | TemplateSpec, f: GuardFacts): Flag[] {
  const t = typeof template === 'string' ? templateSpec(template) : template;
  if (!t) {
    return [];
  }
  return [supportFirst, illnessVariant, compulsoryAge, agreedArrangements, sameStage, improved]
    .map((g) => g(t, f))
    .filter((x): x is Flag => x !== null);
}
