// The letterhead and letter rules (letters_settings, one row), beside the school's own settings (school table).
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { lettersSettings } from '../db/schema-letters';
import type { Ctx } from '../context';
import { AppError } from '../errors';

export interface LettersSettings {
  phone: string | null;
  email: string | null;
  absenceLine: string | null;
  reportBy: string | null;
  headName: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
  championPhone: string | null;
  championEmail: string | null;
  policyUrl: string | null;
  laCodeUrl: string | null;
  laCodeReference: string | null;
  leaveFormUrl: string | null;
  sameStageSchoolDays: number;
  improvementPoints: number;
  hasLogo: boolean;
  logoType: string | null;
}

/** The settings row as the letters read it; `hasLogo` says whether a logo is stored without reading its bytes. */
function settingsRow(db: Db) {
  return drizzle(db)
    .select({
      phone: lettersSettings.phone,
      email: lettersSettings.email,
      absenceLine: lettersSettings.absenceLine,
      reportBy: lettersSettings.reportBy,
      headName: lettersSettings.headName,
      signatoryName: lettersSettings.signatoryName,
      signatoryPosition: lettersSettings.signatoryPosition,
      championPhone: lettersSettings.championPhone,
      championEmail: lettersSettings.championEmail,
      policyUrl: lettersSettings.policyUrl,
      laCodeUrl: lettersSettings.laCodeUrl,
      laCodeReference: lettersSettings.laCodeReference,
      leaveFormUrl: lettersSettings.leaveFormUrl,
      sameStageSchoolDays: lettersSettings.sameStageSchoolDays,
      improvementPoints: lettersSettings.improvementPoints,
      hasLogo: sql`${lettersSettings.logo} IS NOT NULL`.mapWith(Boolean),
      logoType: lettersSettings.logoType,
    })
    .from(lettersSettings)
    .where(eq(lettersSettings.id, 1))
    .get();
}

export function readLettersSettings(db: Db): LettersSettings {
  const row = settingsRow(db);
  if (!row) {
    return {
      phone: null,
      email: null,
      absenceLine: null,
      reportBy: null,
      headName: null,
      signatoryName: null,
      signatoryPosition: null,
      championPhone: null,
      championEmail: null,
      policyUrl: null,
      laCodeUrl: null,
      laCodeReference: null,
      leaveFormUrl: null,
      sameStageSchoolDays: 20,
      improvementPoints: 3,
      hasLogo: false,
      logoType: null,
    };
  }
  return row;
}

export function readLogo(db: Db): { bytes: Uint8Array; type: 'png' | 'jpg' } | null {
  const r = drizzle(db)
    .select({ logo: lettersSettings.logo, t: lettersSettings.logoType })
    .from(lettersSettings)
    .where(eq(lettersSettings.id, 1))
    .get();
  return r?.logo ? { bytes: new Uint8Array(r.logo), type: r.t === 'jpg' ? 'jpg' : 'png' } : null;
}

/** Width and height in pixels of a PNG or JPEG, or null when the bytes are neither. */
export function imageSize(b: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | null {
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { type: 'png', width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = b[i + 1];
      const len = (b[i + 2] << 8) | b[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
      }
      i += 2 + len;
    }
  }
  return null;
}

export type SettingsInput = Omit<LettersSettings, 'hasLogo' | 'logoType'> & { logoBase64?: string | null };

export function saveLettersSettings(ctx: Ctx, s: SettingsInput): { ok: true } {
  const db = ctx.store.db;
  let logo: Buffer | null | undefined;
  let logoType: string | null = null;
  if (s.logoBase64 === null) {
    logo = null;
  } else if (typeof s.logoBase64 === 'string') {
    const bytes = Buffer.from(s.logoBase64, 'base64');
    const size = imageSize(bytes);
    if (!size) {
      throw new AppError('invalid', 'The logo must be a PNG or JPEG picture.', [
        { path: 'logoBase64', message: 'not a PNG or JPEG picture' },
      ]);
    }
    if (bytes.length > 2_000_000) {
      throw new AppError('invalid', 'The logo is larger than 2 MB: save a smaller picture.', [
        { path: 'logoBase64', message: 'larger than 2 MB' },
      ]);
    }
    logo = bytes;
    logoType = size.type;
  }
  const before = readLettersSettings(db);
  const orm = drizzle(db);
  orm
    .update(lettersSettings)
    .set({
      phone: s.phone,
      email: s.email,
      absenceLine: s.absenceLine,
      reportBy: s.reportBy,
      headName: s.headName,
      signatoryName: s.signatoryName,
      signatoryPosition: s.signatoryPosition,
      championPhone: s.championPhone,
      championEmail: s.championEmail,
      policyUrl: s.policyUrl,
      laCodeUrl: s.laCodeUrl,
      laCodeReference: s.laCodeReference,
      leaveFormUrl: s.leaveFormUrl,
      sameStageSchoolDays: s.sameStageSchoolDays,
      improvementPoints: s.improvementPoints,
      updatedBy: ctx.session.userName,
      updatedAt: ctx.now(),
    })
    .where(eq(lettersSettings.id, 1))
    .run();
  if (logo !== undefined) {
    orm.update(lettersSettings).set({ logo, logoType }).where(eq(lettersSettings.id, 1)).run();
  }
  const { logoBase64: _l, ...after } = s;
  ctx.audit('letters.settings', 'letters_settings', 1, {
    before,
    after,
    logo: logo === undefined ? 'unchanged' : logo === null ? 'removed' : 'replaced',
  });
  return { ok: true };
}
