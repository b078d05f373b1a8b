// The shape every self-audit item's evidence takes, and the two rules that turn a measure into a proposed status
// (docs/rules/self-audit.md, "How a status is proposed").
import type { AuditStatus, AuditTier, EvidenceRow } from '../../../shared/channels/selfaudit';
import type { IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { pupilHref } from '../../../shared/routes';
import type { Ctx } from '../context';
import { pupilsById, type PupilBits } from '../pupils/load';

export type { PupilBits };

/** The period an audit measures: the term's dates, measured up to `asOf` (the term's end, or today if earlier). */
export interface Period {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}

export interface Evidence {
  figure: string;
  /** How many fall short (registers late, pupils without a step), or null when the item does not count one. */
  shortfall: number | null;
  /** How many were measured (registers due, pupils in the band), or null. */
  measured: number | null;
  /** null: the school answers this item itself. */
  proposed: AuditStatus | null;
  rows: EvidenceRow[];
}

export type Compute = (ctx: Ctx, p: Period) => Evidence;

export interface ItemSpec {
  id: string;
  tier: AuditTier;
  /** The expectation, in the school's words. */
  wording: string;
  /** How the app measures it. */
  how: string;
  /** The threshold behind the proposed status. */
  threshold: string;
  compute: Compute;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** "97.8% (1,204 of 1,231)". */
export function ratioFigure(good: number, total: number): string {
  return `${((100 * good) / total).toFixed(1)}% (${n(good)} of ${n(total)})`;
}

/** Met at or above `metPct`, partly met at or above `partlyPct`, else not met. Nothing to measure is met. */
export function byRatio(good: number, total: number, metPct: number, partlyPct: number): AuditStatus {
  if (total === 0) {
    return 'met';
  }
  const pct = (100 * good) / total;
  return pct >= metPct ? 'met' : pct >= partlyPct ? 'partly_met' : 'not_met';
}

/** An item measured as a share: `good` of `total` meet the expectation; `rows` list the ones that do not. */
export function ratioEvidence(
  good: number,
  total: number,
  thresholds: { met: number; partly: number },
  rows: EvidenceRow[],
  none: string,
): Evidence {
  return {
    figure: total === 0 ? none : ratioFigure(good, total),
    shortfall: total - good,
    measured: total,
    proposed: byRatio(good, total, thresholds.met, thresholds.partly),
    rows,
  };
}

/** A row naming a pupil (via shared/names.ts), opening the pupil's page. */
export const pupilRow = (p: PupilBits, detail: string): EvidenceRow => ({
  label: pupilName(p),
  detail: detail ? `${p.regGroup} · ${detail}` : p.regGroup,
  href: pupilHref(p.id),
});

/** An item the school answers itself (the app holds no record of it). */
export const answeredBySchool = (why: string): Evidence => ({
  figure: why,
  shortfall: null,
  measured: null,
  proposed: null,
  rows: [],
});

/** Every pupil by id (names and groups for the evidence lists). */
export const pupilMap = pupilsById;
