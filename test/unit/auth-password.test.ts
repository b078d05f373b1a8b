// Password hashing: scrypt at OWASP parameters by default, parameters stored with the hash, constant-time verify.
import { describe, expect, it } from 'vitest';
import {
  DEMO_SCRYPT,
  hashPassword,
  needsRehash,
  OWASP_SCRYPT,
  parseHash,
  passwordProblem,
  verifyPassword,
} from '../../main/core/auth/password';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses the OWASP scrypt parameters (N=2^17, r=8, p=1) unless told otherwise, and the result verifies', () => {
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    const h = hashPassword('correct horse battery');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(verifyPassword('correct horse battery', h)).toBe(true);
    expect(verifyPassword('correct horse batterY', h)).toBe(false);
  });

  it('salts every hash, keeps its own parameters, and asks for a re-hash when they are below the wanted cost', () => {
    const a = hashPassword('same password', FAST),
      b = hashPassword('same password', FAST);
    expect(a).not.toBe(b);
    expect(parseHash(a)).toMatchObject({ N: 1024, r: 8, p: 1 });
    expect(verifyPassword('same password', a)).toBe(true);
    expect(needsRehash(a, OWASP_SCRYPT)).toBe(true);
    expect(needsRehash(a, FAST)).toBe(false);
    expect(needsRehash(hashPassword('x', DEMO_SCRYPT), FAST)).toBe(false);
  });

  it('a damaged or foreign hash never verifies and never throws', () => {
    for (const h of [
      '',
      'plain',
      'scrypt$3$8$1$AAAA$AAAA',
      'scrypt$1024$8$1$AAAA$AAAA',
      'bcrypt$2b$10$abc',
      'scrypt$2097152$8$1$AAAA$AAAA',
    ]) {
      expect(verifyPassword('anything', h), h).toBe(false);
    }
  });

  it('composes passwords by length, not rules: at least 10 characters, not the username, not a trivial one', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('jsmith.office', 'JSmith.Office')).toMatch(/username/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/easy/);
    expect(passwordProblem('password123')).toMatch(/easy/);
    expect(passwordProblem('tea at four, not five')).toBeNull();
  });
});
