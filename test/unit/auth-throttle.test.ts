// Failed sign-ins: the growing delay and the lock-out, on a clock the test sets.
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  delayAfter,
  gate,
  NO_FAILURES,
  type ThrottleState,
} from '../../main/core/auth/throttle';

const policy = { maxFailures: 5, lockoutMinutes: 15 };
const at = (s: string) => new Date(`2026-12-01T${s}Z`);

describe('sign-in throttle', () => {
  it('waits nothing after the first failure, then 1, 2, 4, 8 … seconds, never more than a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(delayAfter)).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('records the delay as a not-before time and refuses an attempt before it, without sleeping', () => {
    let s: ThrottleState = NO_FAILURES;
    s = afterFailure(s, at('09:00:00.000'), policy);
    expect(s).toEqual({ failures: 1, notBefore: null, lockedUntil: null });
    expect(gate(s, at('09:00:00.001')).open).toBe(true);
    s = afterFailure(s, at('09:00:10.000'), policy);
    expect(s.notBefore).toBe('2026-12-01T09:00:11.000Z');
    expect(gate(s, at('09:00:10.500'))).toEqual({
      open: false,
      why: 'wait',
      until: '2026-12-01T09:00:11.000Z',
      seconds: 1,
    });
    expect(gate(s, at('09:00:11.000')).open).toBe(true);
    s = afterFailure(s, at('09:00:20.000'), policy);
    expect(s.notBefore).toBe('2026-12-01T09:00:22.000Z');
  });

  it('locks the name for the policy minutes at the fifth failure, and an expired lock starts the count again', () => {
    let s: ThrottleState = NO_FAILURES;
    for (let i = 0; i < 4; i++) {
      s = afterFailure(s, at('09:00:00.000'), policy);
    }
    expect(s.lockedUntil).toBeNull();
    s = afterFailure(s, at('09:01:00.000'), policy);
    expect(s).toEqual({ failures: 5, notBefore: null, lockedUntil: '2026-12-01T09:16:00.000Z' });
    const g = gate(s, at('09:10:00.000'));
    expect(g).toEqual({ open: false, why: 'locked', until: '2026-12-01T09:16:00.000Z', seconds: 360 });
    const later = gate(s, at('09:16:00.000'));
    expect(later).toEqual({ open: true, state: NO_FAILURES });
  });

  it('follows the school’s own policy', () => {
    let s: ThrottleState = NO_FAILURES;
    for (let i = 0; i < 3; i++) {
      s = afterFailure(s, at('09:00:00.000'), { maxFailures: 3, lockoutMinutes: 60 });
    }
    expect(s.lockedUntil).toBe('2026-12-01T10:00:00.000Z');
  });
});
