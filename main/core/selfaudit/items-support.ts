// Self-audit items measured from the bands and the support on record (docs/rules/self-audit.md): at-risk and
// persistent pupils with a support step, every severe pupil with an LA joint approach, part-time timetables
// reviewed on time, CME enquiries complete. Bands are the school year's to the audit's as-of date.
import { formatUkDate } from '../../../shared/dates';
import type { Band } from '../../../shared/statistics/rates';
import { bandsTo, jointApproachPupils, supportStepPupils } from '../casework/due';
import { loadArrangements } from '../arrangements/read';
import { loadCases } from '../arrangements/cme';
import { pupilMap, pupilRow, ratioEvidence, type Compute, type Period } from './evidence';
import type { Ctx } from '../context';

const BAND_WORDS: Record<Band, string> = {
  severe: 'severely absent',
  persistent: 'persistently absent',
  at_risk: 'at risk of persistent absence',
  expected: 'expected',
};

function inBands(ctx: Ctx, p: Period, bands: Band[]): [number, Band][] {
  return [...bandsTo(ctx.store.db, p.asOf)].filter(
    (e): e is [number, Band] => e[1] !== null && bands.includes(e[1]),
  );
}

export const supportEvidence = {
  support_step(ctx, p) {
    const flagged = inBands(ctx, p, ['at_risk', 'persistent', 'severe']);
    const supported = supportStepPupils(
      ctx.store.db,
      flagged.map(([id]) => id),
    );
    const names = pupilMap(ctx.store.db);
    const rows = flagged
      .filter(([id]) => !supported.has(id))
      .map(([id, b]) => pupilRow(names.get(id)!, `${BAND_WORDS[b]}, no support step on record`));
    return ratioEvidence(
      flagged.length - rows.length,
      flagged.length,
      { met: 100, partly: 80 },
      rows,
      'no pupils in these bands',
    );
  },
  severe_joint(ctx, p) {
    const severe = inBands(ctx, p, ['severe']);
    const joint = jointApproachPupils(ctx.store.db, p.asOf);
    const names = pupilMap(ctx.store.db);
    const rows = severe
      .filter(([id]) => !joint.has(id))
      .map(([id]) => pupilRow(names.get(id)!, 'no joint approach with the LA on record'));
    return ratioEvidence(
      severe.length - rows.length,
      severe.length,
      { met: 100, partly: 80 },
      rows,
      'no severely absent pupils',
    );
  },
  part_time_reviewed(ctx, p) {
    const names = pupilMap(ctx.store.db);
    const inForce = loadArrangements(ctx.store.db, p.asOf).filter(
      (a) => a.kind === 'part_time' && a.startDate <= p.asOf && (!a.endDate || a.endDate >= p.from),
    );
    const overdue = inForce.filter((a) => !a.outcome && a.nextReviewOn !== null && a.nextReviewOn < p.asOf);
    const rows = overdue.map((a) =>
      pupilRow(names.get(a.pupilId)!, `review was due ${formatUkDate(a.nextReviewOn)}`),
    );
    return ratioEvidence(
      inForce.length - rows.length,
      inForce.length,
      { met: 100, partly: 80 },
      rows,
      'no part-time timetables in force',
    );
  },
  cme_complete(ctx, p) {
    const names = pupilMap(ctx.store.db);
    const cases = loadCases(ctx.store.db).filter(
      (c) => c.openedOn <= p.asOf && (c.open || c.steps.some((s) => s.doneOn >= p.from)),
    );
    const incomplete = cases.filter((c) => c.open && c.missing.length > 0);
    const rows = incomplete.map((c) =>
      pupilRow(
        names.get(c.pupilId)!,
        `opened ${formatUkDate(c.openedOn)}; still to do: ${c.missing.join('; ')}`,
      ),
    );
    return ratioEvidence(
      cases.length - rows.length,
      cases.length,
      { met: 100, partly: 80 },
      rows,
      'no CME cases',
    );
  },
} satisfies Record<string, Compute>;
