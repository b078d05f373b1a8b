// Unique Pupil Number check letter (DfE data standard v2.0, docs/rules/register-law.md §6).
const ALPH = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function value(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : ALPH.indexOf(c);
}

/** The expected check letter for a 13-character UPN (the first character is ignored), or null if the body is malformed. */
export function upnCheckLetter(upn: string): string | null {
  if (upn.length !== 13 || !/^.\d{11}[0-9A-HJ-NPQR-Z]$/.test(upn) || /[IOS]$/.test(upn)) {
    return null;
  }
  let sum = 0;
  for (let i = 2; i <= 13; i++) {
    sum += i * value(upn[i - 1]);
  }
  return ALPH[sum % 23];
}

export type UpnProblem = { ok: true } | { ok: false; message: string };

export function checkUpn(raw: string): UpnProblem {
  const upn = raw.trim().toUpperCase();
  if (upn.length !== 13) {
    return { ok: false, message: `UPN ${raw} must be 13 characters (it has ${upn.length})` };
  }
  const expected = upnCheckLetter(upn);
  if (expected === null) {
    return { ok: false, message: `UPN ${raw} is not a check letter, 11 digits and a digit or letter` };
  }
  if (upn[0] !== expected) {
    return { ok: false, message: `UPN ${raw} has a wrong check letter (expected ${expected})` };
  }
  return { ok: true };
}

/** Builds a valid permanent UPN from its 12-digit body (used by the demo school and tests). */
export function makeUpn(body12: string): string {
  const letter = upnCheckLetter('A' + body12);
  if (!letter) {
    throw new Error(`not a UPN body: ${body12}`);
  }
  return letter + body12;
}
