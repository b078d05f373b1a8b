// The order of the same-morning calling list (docs/rules/register-law.md §9): the pupils at most risk are rung
// first. A pupil with a social worker, then a looked-after child, then an open child-missing-education case or a
// safeguarding concern on record, then a severely and then a persistently absent pupil (year to date,
// docs/rules/statistics.md §4). Each reason is said in words, so the office sees why a pupil is high on the list.
import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { academicYearOf, type IsoDate } from '../../../shared/dates';
import { BAND_LABELS } from '../../../shared/bands';
import { formatPct1 } from '../../../shared/statistics/rates';
import type { Ctx } from '../context';
import { caseworkBarriers } from '../db/schema-casework';
import { loadCases } from '../arrangements/cme';
import { pupilFigures } from '../reports/pupil-figures';

export interface Risk {
  /** Larger is rung first; compared element by element. */
  rank: number[];
  reasons: string[];
}

export interface RiskPupil {
  pupilId: number;
  socialWorker: boolean;
  cla: boolean;
}

/** The risk of each pupil on the list, by pupil id. */
export function callingRisks(ctx: Ctx, pupils: readonly RiskPupil[], date: IsoDate): Map<number, Risk> {
  const db = ctx.store.db;
  const ids = pupils.map((p) => p.pupilId);
  const safeguarding = new Set(
    ids.length
      ? drizzle(db)
          .select({ pupilId: caseworkBarriers.pupilId })
          .from(caseworkBarriers)
          .where(
            and(
              inArray(caseworkBarriers.pupilId, ids),
              eq(caseworkBarriers.category, 'safeguarding'),
              inArray(caseworkBarriers.status, ['open', 'being_addressed']),
            ),
          )
          .all()
          .map((r) => r.pupilId)
      : [],
  );
  const from = `${academicYearOf(date)}-09-01`;
  const out = new Map<number, Risk>();
  for (const p of pupils) {
    const cme = loadCases(db, p.pupilId).some((c) => c.open);
    const band = pupilFigures(ctx, { pupilId: p.pupilId, from, to: date }).figures;
    const severe = band.band === 'severe',
      persistent = band.band === 'persistent';
    const reasons: string[] = [];
    if (p.socialWorker) {
      reasons.push('has a social worker');
    }
    if (p.cla) {
      reasons.push('looked after');
    }
    if (cme) {
      reasons.push('a child-missing-education case is open');
    }
    if (safeguarding.has(p.pupilId)) {
      reasons.push('a safeguarding concern is on record');
    }
    if (severe || persistent) {
      const pct = band.absencePct === null ? '' : ` (${formatPct1(band.absencePct)} absence this year)`;
      reasons.push(`${BAND_LABELS[band.band!].label.toLowerCase()}${pct}`);
    }
    const flag = (b: boolean) => (b ? 1 : 0);
    out.set(p.pupilId, {
      rank: [
        flag(p.socialWorker),
        flag(p.cla),
        flag(cme || safeguarding.has(p.pupilId)),
        flag(severe),
        flag(persistent),
      ],
      reasons,
    });
  }
  return out;
}

/** Compares two risks: the higher one first. */
export function byRisk(a: Risk, b: Risk): number {
  for (let i = 0; i < a.rank.length; i++) {
    if (a.rank[i] !== b.rank[i]) {
      return b.rank[i] - a.rank[i];
    }
  }
  return 0;
}
