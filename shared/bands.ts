// The attendance bands (docs/rules/statistics.md §4) as people read them: one label and one badge colour each,
// imported by every screen, letter and report that names a band.
import type { Band } from './statistics/rates';

export const BANDS = ['severe', 'persistent', 'at_risk', 'expected'] as const satisfies readonly Band[];

export interface BandLabel {
  /** Sentence case, as in a list or a badge: "Persistently absent". */
  label: string;
  /** The threshold in words, for a sentence: "persistently absent (10% or more)". */
  inSentence: string;
  color: 'danger' | 'severe' | 'warning' | 'success';
}

export const BAND_LABELS: Record<Band, BandLabel> = {
  severe: { label: 'Severely absent', inSentence: 'severely absent (50% or more)', color: 'danger' },
  persistent: {
    label: 'Persistently absent',
    inSentence: 'persistently absent (10% or more)',
    color: 'severe',
  },
  at_risk: { label: 'At risk', inSentence: 'at risk', color: 'warning' },
  expected: { label: 'Expected', inSentence: 'expected', color: 'success' },
};

/** The label of a band, or of a band given as a string by an output schema; '' for none. */
export function bandLabel(band: string | null | undefined): string {
  return band && band in BAND_LABELS ? BAND_LABELS[band as Band].label : '';
}
