// Failed sign-ins: a growing delay and then a lock-out, as pure functions of the recorded state and the clock.
// The delay is stored as a "not before" time, so nothing sleeps (and no transaction is held) while it runs.
export interface ThrottleState {
  failures: number;
  notBefore: string | null;
  lockedUntil: string | null;
}
export interface LockoutPolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

export const NO_FAILURES: ThrottleState = { failures: 0, notBefore: null, lockedUntil: null };

/** Seconds to wait after the nth failure in a row: none after the first, then 1, 2, 4, 8 … (at most 60). */
export function delayAfter(failures: number): number {
  return failures <= 1 ? 0 : Math.min(60, 2 ** (failures - 2));
}

/** The state after one more failure at `now`: at maxFailures the name is locked for lockoutMinutes. */
export function afterFailure(s: ThrottleState, now: Date, policy: LockoutPolicy): ThrottleState {
  const failures = s.failures + 1;
  if (failures >= policy.maxFailures) {
    return {
      failures,
      notBefore: null,
      lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString(),
    };
  }
  const d = delayAfter(failures);
  return {
    failures,
    notBefore: d ? new Date(now.getTime() + d * 1000).toISOString() : null,
    lockedUntil: null,
  };
}

export type Gate =
  | { open: true; state: ThrottleState }
  | { open: false; why: 'locked' | 'wait'; until: string; seconds: number };

/** May a sign-in be tried now? An expired lock-out starts the count again. */
export function gate(s: ThrottleState, now: Date): Gate {
  const t = now.getTime();
  if (s.lockedUntil) {
    const until = Date.parse(s.lockedUntil);
    if (t < until) {
      return { open: false, why: 'locked', until: s.lockedUntil, seconds: Math.ceil((until - t) / 1000) };
    }
    return { open: true, state: NO_FAILURES };
  }
  if (s.notBefore) {
    const nb = Date.parse(s.notBefore);
    if (t < nb) {
      return { open: false, why: 'wait', until: s.notBefore, seconds: Math.ceil((nb - t) / 1000) };
    }
  }
  return { open: true, state: s };
}
