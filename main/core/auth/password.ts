// Password hashing with scrypt (node:crypto) at the OWASP Password Storage Cheat Sheet's parameters
// (N=2^17, r=8, p=1: about 128 MiB and a few hundred milliseconds), stored as scrypt$N$r$p$salt$hash so older
// hashes keep verifying after the parameters rise. Comparison is constant-time.
import crypto from 'node:crypto';
import type { Store } from '../db/connection';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** For accounts whose passwords are public anyway (the demo school prints them on the sign-in screen). */
export const DEMO_SCRYPT: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };
const KEY_LEN = 32;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** What is wrong with a new password, or null (NIST SP 800-63B: length, not composition rules). */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) {
    return `a password needs at least ${PASSWORD_MIN} characters`;
  }
  if (password.length > PASSWORD_MAX) {
    return `a password can have at most ${PASSWORD_MAX} characters`;
  }
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return 'the password cannot be the username';
  }
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|password\d*|qwertyuiop)/i.test(password)) {
    return 'that password is too easy to guess';
  }
  return null;
}

const maxmem = (c: ScryptCost) => 128 * c.N * c.r * c.p + 32 * 1024 * 1024;

export function hashPassword(password: string, cost: ScryptCost = OWASP_SCRYPT): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFC'), salt, KEY_LEN, {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: maxmem(cost),
  });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function parseHash(stored: string): (ScryptCost & { salt: Buffer; key: Buffer }) | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) {
    return null;
  }
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) {
    return null;
  }
  return { N, r, p, salt: Buffer.from(m[4], 'base64'), key: Buffer.from(m[5], 'base64') };
}

export function verifyPassword(password: string, stored: string): boolean {
  const h = parseHash(stored);
  if (!h || h.key.length !== KEY_LEN) {
    return false;
  }
  const key = crypto.scryptSync(password.normalize('NFC'), h.salt, KEY_LEN, {
    N: h.N,
    r: h.r,
    p: h.p,
    maxmem: maxmem(h),
  });
  return crypto.timingSafeEqual(key, h.key);
}

/** True when a stored hash is cheaper than the cost now wanted: it is re-hashed at the next good sign-in. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const h = parseHash(stored);
  return !h || h.N < cost.N || h.r < cost.r || h.p < cost.p;
}

// The cost for new hashes of one store. Production never changes it; tests lower it through this option on the
// store object (not an environment variable, which could weaken a real installation).
const costs = new WeakMap<Store, ScryptCost>();
export function setHashCost(store: Store, cost: ScryptCost): void {
  costs.set(store, cost);
}
export function hashCostFor(store: Store): ScryptCost {
  return costs.get(store) ?? OWASP_SCRYPT;
}

/** A hash to verify against when the username is unknown, so the answer takes as long as for a real account. */
const dummies = new Map<string, string>();
export function dummyHash(cost: ScryptCost): string {
  const k = `${cost.N}/${cost.r}/${cost.p}`;
  let h = dummies.get(k);
  if (!h) {
    h = hashPassword(crypto.randomBytes(12).toString('hex'), cost);
    dummies.set(k, h);
  }
  return h;
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
