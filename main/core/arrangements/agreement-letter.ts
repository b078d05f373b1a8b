// The agreement letter of one part-time timetable or flexi-schooling agreement (docs/rules/arrangements.md,
// "Agreement letters"): the shipped (or the school's own) template filled from this arrangement's record, made for
// this one pupil through the letters engine, so it is in the pupil's letter log like every letter. The Letters
// screen and its batch channels refuse these templates.
import type { Input, Output } from '../../../shared/contract';
import { patternText, TIMETABLE_REASON_LABELS, WEEKDAYS } from '../../../shared/arrangements';
import { formatUkDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { startLetters } from '../letters/letters.service';
import { getArrangement } from './queries';

const ALL_SESSIONS = WEEKDAYS.flatMap((d) => [`${d}AM`, `${d}PM`]);

export function agreementLetter(
  ctx: Ctx,
  i: Input<'arrangements.agreementLetter'>,
): Output<'arrangements.agreementLetter'> {
  const a = getArrangement(ctx, { id: i.id }).arrangement;
  if (a.outcome) {
    throw new AppError(
      'refused',
      `The ${a.kind === 'flexi' ? 'flexi-schooling agreement' : 'part-time timetable'} for ${a.pupilName} has ` +
        'ended: no agreement letter is made for it now.',
    );
  }
  const reviews = [...a.reviews.map((r) => r.reviewedOn), ...(a.nextReviewOn ? [a.nextReviewOn] : [])];
  const extra: Record<string, string> =
    a.kind === 'part_time'
      ? {
          'ptt.pattern': [
            `In school: ${patternText(ALL_SESSIONS.filter((s) => !a.pattern.includes(s)))}`,
            `Not expected in school: ${patternText(a.pattern)}`,
          ].join('\n'),
          'ptt.reason': a.reasonCategory
            ? `${TIMETABLE_REASON_LABELS[a.reasonCategory]}: ${a.reason}`
            : a.reason,
          'ptt.start': a.startDate,
          'ptt.end': a.endDate ?? '',
          'ptt.reviews': reviews.map(formatUkDate).join(', ') || 'to be agreed',
        }
      : {
          'flexi.pattern': `At home: ${patternText(a.pattern)}`,
          'flexi.start': a.startDate,
          'flexi.review': a.nextReviewOn ?? '',
        };
  const started = startLetters(ctx, {
    template: a.kind === 'part_time' ? 'part-time-timetable' : 'flexi-schooling',
    pupilIds: [a.pupilId],
    extra,
  });
  ctx.audit('arrangements.agreementLetter', 'arrangement', i.id, { pupilId: a.pupilId });
  return { jobId: started.jobId, letters: started.letters };
}
