// The first proposal of a new reintegration plan (docs/rules/casework.md), which the lead edits before saving.
import type { Output } from '../../../../shared/contract';
import { FIRST_REVIEW_DAYS, type PlanContent } from '../../../../shared/casework';
import { addDays } from '../../../../shared/dates';
import { STEP_PATTERNS } from './steps';

/** A first proposal the lead edits: mornings only for the first fortnight, then full time. */
export function proposal(today: string, d: Output<'casework.pupil'>): PlanContent {
  const partTo = addDays(today, 11);
  return {
    trigger: d.severe ? 'severe' : 'persistent',
    why: '',
    barrierIds: d.barriers.filter((b) => b.status !== 'resolved').map((b) => b.id),
    pupilView: '',
    keyAdult: '',
    checkInEveryDays: 2,
    checkInHow: 'A short check-in at the start of the day',
    steps: [
      { label: 'Mornings only', from: today, to: partTo, attends: [...STEP_PATTERNS.mornings.attends] },
      {
        label: 'Full time',
        from: addDays(partTo, 1),
        to: addDays(today, 60),
        attends: [...STEP_PATTERNS.full.attends],
      },
    ],
    measures: [
      { kind: 'sessions_per_week', target: 5 },
      { kind: 'attendance_pct', target: 90 },
    ],
    firstReview: addDays(today, FIRST_REVIEW_DAYS - 4),
    agreement: {
      parentName: '',
      pupilName: d.pupilName,
      agreedOn: today,
      signatory: '',
      signatoryPosition: '',
    },
  };
}
