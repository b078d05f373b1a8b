// Candidates for a batch of letters: the pupils on roll in the chosen band, with their ladder stage
// (docs/rules/letters.md §1.3), guardrail flags and addressees, and who is left out (G5).
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { checkGuardrails } from './guardrails';
import { households, LetterDataLoader, pupilName } from './letter-data';
import { ladderStages } from './ladder';
import { loadTemplate } from './template-source';
import { resolvePeriod } from './letter-plan';
import { pupilsOnRoll } from './letter-rows';
import { bandOf, isPersistentOrSevere } from '../../../shared/statistics/rates';

const BAND_FILTER: Record<string, (b: string | null) => boolean> = {
  any: () => true,
  at_risk: (b) => b === 'at_risk',
  persistent: (b) => b === 'persistent',
  severe: (b) => b === 'severe',
  persistent_or_severe: isPersistentOrSevere,
  at_risk_or_worse: (b) => b === 'at_risk' || isPersistentOrSevere(b),
};

/** An agreement letter (part-time timetable, flexi-schooling, attendance contract) is one pupil's document with
 * that agreement's details: it is made from its record, never chosen here (docs/rules/arrangements.md). */
export function refuseAgreement(db: Db, template: string): void {
  const t = loadTemplate(db, template);
  if (t.spec.madeFrom) {
    throw new AppError(
      'refused',
      `The ${t.spec.title.toLowerCase()} is one pupil's agreement, with its own details:` +
        ` make it from ${t.spec.madeFrom}, not as a letter here.`,
      [{ path: 'template', message: `made from ${t.spec.madeFrom}` }],
    );
  }
}

export function candidates(ctx: Ctx, i: Input<'letters.candidates'>): Output<'letters.candidates'> {
  const db = ctx.store.db;
  refuseAgreement(db, i.template);
  const t = loadTemplate(db, i.template);
  const period = resolvePeriod(ctx.today(), i);
  const loader = new LetterDataLoader(db, period).readForMany();
  const ids = pupilsOnRoll(ctx.store.orm, period.to, i);
  const ladder = ladderStages(db, ids);
  const pupils: Output<'letters.candidates'>['pupils'] = [];
  const leftOut: Output<'letters.candidates'>['leftOut'] = [];
  const keep = BAND_FILTER[i.band ?? 'any'];
  const today = ctx.today();
  for (const id of ids) {
    const d = loader.load(id);
    const band = bandOf(
      d.stats.authorised + d.stats.unauthorised,
      d.stats.possible,
      loader.school.atRiskLowerPct,
    );
    if (!keep(band)) {
      continue;
    }
    const name = pupilName(d.pupil);
    const hh = households(d.pupil, d.contacts, d.restricted, t.spec.addressing);
    if (!hh.length) {
      leftOut.push({
        pupilId: id,
        name,
        reason:
          'no parent the pupil lives with or with parental responsibility is recorded (or every one is restricted)',
      });
      continue;
    }
    pupils.push({
      pupilId: id,
      upn: d.pupil.upn,
      name,
      yearGroup: d.pupil.yearGroup,
      regGroup: d.pupil.regGroup,
      attendancePct: d.stats.attendancePct,
      band,
      compulsoryAge: d.compulsoryAge,
      ladder: ladder.get(id)!,
      flags: checkGuardrails(t.spec, loader.facts(d, today)),
      letters: d.letters.length,
      addressees: hh.map((h) => h.names.join(' and ')),
    });
  }
  return { ...period, pupils, leftOut };
}
