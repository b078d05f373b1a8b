// Bands and rates (docs/rules/statistics.md §3–5): the band of a pupil's absence, the school and group rates as
// aggregate ratios, and a percentage written to one decimal place.
import type { PupilStats } from './pupils';

export type Band = 'severe' | 'persistent' | 'at_risk' | 'expected';

/** School or group rates (§5): aggregate ratios over the pupils given. */
export interface GroupRates {
  pupils: number;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  absencePct: number | null;
  persistentPct: number | null;
  severePct: number | null;
  persistentCount: number;
  severeCount: number;
}

export const DEFAULT_AT_RISK_LOWER_PCT = 5;

/** 100 × absence >= pct × possible, in integers (pct is scaled by 1000, so up to three decimals are exact). */
function atLeastPct(absence: number, possible: number, pct: number): boolean {
  return absence * 100 * 1000 >= Math.round(pct * 1000) * possible;
}

/** Persistently absent (§4): absent for 10% or more of possible sessions, so the persistent and the severe bands. */
export function isPersistentOrSevere(b: string | null): boolean {
  return b === 'persistent' || b === 'severe';
}

/** The band of §4 from the unrounded figures; null when nothing was possible. */
export function bandOf(
  absence: number,
  possible: number,
  atRiskLowerPct: number = DEFAULT_AT_RISK_LOWER_PCT,
): Band | null {
  if (possible <= 0) {
    return null;
  }
  if (atLeastPct(absence, possible, 50)) {
    return 'severe';
  }
  if (atLeastPct(absence, possible, 10)) {
    return 'persistent';
  }
  if (atLeastPct(absence, possible, atRiskLowerPct)) {
    return 'at_risk';
  }
  return 'expected';
}

export function pct(num: number, den: number): number | null {
  return den === 0 ? null : (100 * num) / den;
}

/** §5: aggregate ratios (never a mean of pupil rates); persistentCount includes severe; pupils = possible > 0. */
export function aggregateRates(
  stats: readonly Pick<PupilStats, 'possible' | 'attended' | 'authorised' | 'unauthorised'>[],
): GroupRates {
  let pupils = 0,
    possible = 0,
    attended = 0,
    authorised = 0,
    unauthorised = 0,
    persistentCount = 0,
    severeCount = 0;
  for (const s of stats) {
    possible += s.possible;
    attended += s.attended;
    authorised += s.authorised;
    unauthorised += s.unauthorised;
    if (s.possible <= 0) {
      continue;
    }
    pupils++;
    const b = bandOf(s.authorised + s.unauthorised, s.possible);
    if (b === 'severe') {
      severeCount++;
      persistentCount++;
    } else if (b === 'persistent') {
      persistentCount++;
    }
  }
  return {
    pupils,
    possible,
    attended,
    authorised,
    unauthorised,
    absencePct: pct(authorised + unauthorised, possible),
    persistentPct: pct(persistentCount, pupils),
    severePct: pct(severeCount, pupils),
    persistentCount,
    severeCount,
  };
}

/** One decimal place for screens and documents (§3: stored and returned values are never rounded). */
export function formatPct1(v: number | null): string {
  return v === null ? '–' : `${(Math.round(v * 10) / 10).toFixed(1)}%`;
}
