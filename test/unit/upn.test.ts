import { describe, expect, it } from 'vitest';
import { checkUpn, makeUpn, upnCheckLetter } from '../../shared/upn';

describe('UPN check letter (register-law.md §6 test vectors)', () => {
  it.each([
    ['B801200005001', 'B'],
    ['P207000016049', 'P'],
    ['M80120000500A', 'M'],
  ])('%s has check letter %s', (u, letter) => {
    expect(upnCheckLetter(u)).toBe(letter);
    expect(checkUpn(u)).toEqual({ ok: true });
  });

  it('refuses a wrong check letter and names the expected one', () => {
    expect(checkUpn('A801200005001')).toEqual({
      ok: false,
      message: 'UPN A801200005001 has a wrong check letter (expected B)',
    });
  });

  it('refuses wrong lengths and letters I, O, S in the last place', () => {
    expect(checkUpn('B80120000500').ok).toBe(false);
    expect(checkUpn('B80120000500I').ok).toBe(false);
    expect(checkUpn('B8012000050X1').ok).toBe(false);
  });

  it('makeUpn builds valid UPNs', () => {
    expect(makeUpn('801200005001')).toBe('B801200005001');
  });
});
