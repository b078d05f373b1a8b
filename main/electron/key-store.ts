// The desktop app's database key (docs/data-safety.md, "Encryption"): generated once, kept only as a blob sealed
// by the operating system (Electron safeStorage: DPAPI on Windows, Keychain on macOS, the keyring on Linux) in the
// user's data folder, and shown once to the administrator as the recovery key. Kept free of 'electron' imports
// so tests can check every decision with a fake vault.
import { generateKey, parseKey } from '../core/db/cipher';

/** The part of Electron's safeStorage this needs. */
export interface KeyVault {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}
export interface SealedKeyFile {
  read(): Buffer | null;
  write(sealed: Buffer): void;
}
export interface KeyChoice {
  key: string;
  /** A new key was made: show it once as the recovery key. */
  created: boolean;
}

export class KeyStoreError extends Error {}

const RECOVERY_HELP =
  'Start the app once with the recovery key in the ATTENDANCE_DB_KEY variable (the administrator printed it at set-up).';

/**
 * The key to open the database with. `recovery` is a key typed in by the administrator (ATTENDANCE_DB_KEY), used
 * when the sealed key is missing or cannot be unsealed (another Windows account, a rebuilt PC); it is sealed again.
 */
export function loadOrCreateKey(
  vault: KeyVault,
  file: SealedKeyFile,
  opts: { databaseIsEncrypted: boolean; recovery?: string; generate?: () => string },
): KeyChoice {
  if (!vault.isEncryptionAvailable()) {
    throw new KeyStoreError(
      "This PC cannot protect the database key (the operating system's secure storage is not available), " +
        'so the app will not start. Ask IT to check the user account.',
    );
  }
  if (opts.recovery) {
    // The printed form has spaces and line breaks between groups of hex digits: they are not part of the key.
    const typed = /^[0-9a-f\s]+$/i.test(opts.recovery) ? opts.recovery.replace(/\s+/g, '') : opts.recovery;
    const key = parseKey(typed, 'ATTENDANCE_DB_KEY');
    file.write(vault.encryptString(key));
    return { key, created: false };
  }
  const sealed = file.read();
  if (sealed) {
    let text: string;
    try {
      text = vault.decryptString(sealed);
    } catch {
      throw new KeyStoreError(`The database key kept on this PC cannot be unsealed. ${RECOVERY_HELP}`);
    }
    return { key: parseKey(text, 'the key kept on this PC'), created: false };
  }
  if (opts.databaseIsEncrypted) {
    throw new KeyStoreError(`The database is encrypted and this PC has no key for it. ${RECOVERY_HELP}`);
  }
  const key = (opts.generate ?? generateKey)();
  file.write(vault.encryptString(key));
  return { key, created: true };
}

/** The recovery key as printed: groups of four, eight groups a line. */
export function formatRecoveryKey(key: string): string {
  const groups = key.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 8) {
    lines.push(groups.slice(i, i + 8).join(' '));
  }
  return lines.join('\n');
}
