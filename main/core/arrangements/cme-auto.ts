// CME cases open by themselves (docs/rules/arrangements.md, "Children missing education"): every pupil
// arrangements.cmeProposals finds (10 continuous school days of unauthorised absence, or not back 10 school days
// after leave ended) gets a case opened by the app, audited, with the reasonable-enquiries checklist still to do.
// It runs when a register is saved (only that register's pupils) and once a day on the backup schedule's tick
// (main/core/backups/schedule.ts). Idempotent: a pupil with an open case, or one opened since the run began, is not
// proposed again, so a second run opens nothing. Nothing is ever deleted.
import { CME_AUTO_BY } from '../../../shared/arrangements';
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import type { Session } from '../../../shared/contract';
import type { Ctx } from '../context';
import { makeCtx } from '../context';
import type { Store } from '../db/connection';
import { openCase } from './cme';
import { cmeProposals } from './cme-proposals';

/** Who the case records as opening it: the app, not the person whose action ran the check. */
export const CME_AUTO_SESSION: Session = {
  userName: 'the app (automatic CME check)',
  position: 'the app',
  roles: [],
};

type Proposal = ReturnType<typeof cmeProposals>[number];

function autoDetail(p: Proposal, today: IsoDate): string {
  return p.trigger === 'unauthorised_10_days'
    ? `Opened automatically: 10 continuous school days of unauthorised absence to ${formatUkDate(today)}.`
    : `Opened automatically: not back 10 school days after leave ended. ${p.detail}`;
}

/** Opens a case for every proposal (optionally only for `pupilIds`) not already open. Returns the names opened.
 * Runs in a savepoint: either every case of the run is written, or none. */
export function autoOpenCmeCases(store: Store, today: IsoDate, pupilIds?: readonly number[]): string[] {
  if (!store.health.ok) {
    return [];
  }
  const base = makeCtx(store, { ...CME_AUTO_SESSION, displayName: CME_AUTO_BY });
  const ctx: Ctx = { ...base, today: () => today };
  return store.db.transaction(() => {
    const opened: string[] = [];
    for (const p of cmeProposals(store.db, today, pupilIds)) {
      const { id } = openCase(ctx, { pupilId: p.pupilId, trigger: p.trigger, detail: autoDetail(p, today) });
      ctx.audit('arrangements.cmeAutoOpen', 'cme_case', id, {
        pupilId: p.pupilId,
        trigger: p.trigger,
        since: p.since,
      });
      opened.push(p.pupilName);
    }
    return opened;
  })();
}

/** The same check from a handler (a register just saved): never fails the caller's write. */
export function autoOpenAfterRegister(ctx: Ctx, pupilIds: readonly number[]): void {
  try {
    autoOpenCmeCases(ctx.store, ctx.today(), pupilIds);
  } catch (e) {
    process.stderr.write(`Automatic CME check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

const lastDailyRun = new WeakMap<Store, IsoDate>();

/** The daily run on the schedule's tick: at most once per day per store (the first tick of the day). */
export function runDailyCmeCheck(store: Store, today: IsoDate): string[] {
  if (lastDailyRun.get(store) === today) {
    return [];
  }
  try {
    const opened = autoOpenCmeCases(store, today);
    lastDailyRun.set(store, today);
    return opened;
  } catch (e) {
    process.stderr.write(`Automatic CME check failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return [];
  }
}
