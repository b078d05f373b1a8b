// What the letters screen's files share: the bands a batch can choose and the shapes of a template and a candidate.
import type { Output } from '../../../../shared/contract';

export type Template = Output<'letters.templates'>['templates'][number];
export type CandidatesOut = Output<'letters.candidates'>;
export type Candidate = CandidatesOut['pupils'][number];

export type Band = 'any' | 'at_risk' | 'persistent' | 'severe' | 'persistent_or_severe' | 'at_risk_or_worse';
export const BANDS: [Band, string][] = [
  ['persistent_or_severe', 'Persistently or severely absent'],
  ['severe', 'Severely absent'],
  ['persistent', 'Persistently absent (not severe)'],
  ['at_risk', 'At risk'],
  ['at_risk_or_worse', 'At risk or worse'],
  ['any', 'Every pupil'],
];
