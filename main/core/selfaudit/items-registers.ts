// Self-audit items measured from the registers and the follow-up of unexplained absence
// (docs/rules/self-audit.md): registers by close, day-one follow-up, N resolved within 5 school days, social
// workers told. Each reads the owning area's exported functions.
import { formatUkDate } from '../../../shared/dates';
import { plural } from '../../../shared/names';
import { registerHref } from '../../../shared/routes';
import { registerTimeliness } from '../governors/compliance';
import { nDaysIn, nMarksIn } from '../registers/followup-evidence';
import { pupilMap, pupilRow, ratioEvidence, type Compute } from './evidence';

/** N marks are resolved within 5 school days (docs/rules/statistics.md §7). */
export const N_DAYS = 5;
const SESSION = { AM: 'morning', PM: 'afternoon' } as const;

export const registerEvidence = {
  registers_by_close(ctx, p) {
    const t = registerTimeliness(ctx, p.from, p.asOf);
    const rows = t.missed.map((m) => ({
      label: `${formatUkDate(m.date)} ${SESSION[m.session]}, ${m.regGroup}`,
      detail: m.takenAt ? 'taken after the register closed' : 'not taken',
      href: registerHref(m.regGroup, m.session, m.date),
    }));
    return ratioEvidence(t.onTime, t.due, { met: 99, partly: 95 }, rows, 'no registers were due');
  },
  day_one_followup(ctx, p) {
    const db = ctx.store.db;
    const days = nDaysIn(db, p.from, p.asOf);
    const missed = days.filter((d) => !d.contacted);
    const rows = missed.map((d) =>
      pupilRow({ ...d, id: d.pupilId }, `${formatUkDate(d.date)}: no contact attempt logged that day`),
    );
    return ratioEvidence(
      days.length - missed.length,
      days.length,
      { met: 95, partly: 80 },
      rows,
      'no unexplained absence in the period',
    );
  },
  n_resolved(ctx, p) {
    const db = ctx.store.db;
    const names = pupilMap(db);
    const marks = nMarksIn(db, p.from, p.asOf, p.asOf);
    // A mark still N with fewer than 5 school days behind it is not due yet.
    const due = marks.filter((m) => m.resolvedOn !== null || m.schoolDays >= N_DAYS);
    // Overdue at 5 school days, as the statutory follow-up counts it (docs/rules/statistics.md §7).
    const late = due.filter((m) => m.schoolDays >= N_DAYS);
    const rows = late.map((m) =>
      pupilRow(
        names.get(m.pupilId)!,
        `${formatUkDate(m.date)} ${SESSION[m.session]}: ${
          m.resolvedOn
            ? `resolved after ${plural(m.schoolDays, 'school day')}`
            : `still N after ${plural(m.schoolDays, 'school day')}`
        }`,
      ),
    );
    return ratioEvidence(
      due.length - late.length,
      due.length,
      { met: 100, partly: 90 },
      rows,
      'no N marks were due',
    );
  },
  social_worker_told(ctx, p) {
    const days = nDaysIn(ctx.store.db, p.from, p.asOf).filter((d) => d.socialWorker);
    const missed = days.filter((d) => !d.socialWorkerTold);
    const rows = missed.map((d) =>
      pupilRow({ ...d, id: d.pupilId }, `${formatUkDate(d.date)}: the social worker was not told that day`),
    );
    return ratioEvidence(
      days.length - missed.length,
      days.length,
      { met: 100, partly: 80 },
      rows,
      'no unexplained absence of a pupil with a social worker',
    );
  },
} satisfies Record<string, Compute>;
