// The desktop key decisions (main/electron/key-store.ts) with a fake OS vault: generated once and sealed, read
// back, a recovery key re-sealed, and refusals when the OS cannot protect it or the sealed key is lost.
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, loadOrCreateKey, type KeyVault } from '../../main/electron/key-store';

function fakeVault(available = true): KeyVault {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (t) => Buffer.from(`sealed:${Buffer.from(t).toString('base64')}`),
    decryptString: (b) => {
      const s = b.toString();
      if (!s.startsWith('sealed:')) {
        throw new Error('cannot unseal');
      }
      return Buffer.from(s.slice(7), 'base64').toString();
    },
  };
}

function memoryFile(initial: Buffer | null = null) {
  let held = initial;
  return { read: () => held, write: (b: Buffer) => void (held = b), held: () => held };
}

describe('desktop database key', () => {
  it('makes a 64-hex-digit key once, seals it, and reads the same key back', () => {
    const file = memoryFile();
    const first = loadOrCreateKey(fakeVault(), file, { databaseIsEncrypted: false });
    expect(first.created).toBe(true);
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(file.held()!.toString()).not.toContain(first.key);
    const second = loadOrCreateKey(fakeVault(), file, { databaseIsEncrypted: true });
    expect(second).toEqual({ key: first.key, created: false });
  });

  it('refuses to start when the OS cannot protect the key', () => {
    expect(() => loadOrCreateKey(fakeVault(false), memoryFile(), { databaseIsEncrypted: false })).toThrow(
      /cannot protect the database key/,
    );
  });

  it('an encrypted database without a sealed key, or with one that cannot be unsealed, asks for the recovery key', () => {
    expect(() => loadOrCreateKey(fakeVault(), memoryFile(), { databaseIsEncrypted: true })).toThrow(
      /recovery key/,
    );
    expect(() =>
      loadOrCreateKey(fakeVault(), memoryFile(Buffer.from('garbage')), { databaseIsEncrypted: true }),
    ).toThrow(/cannot be unsealed.*recovery key/);
  });

  it('the recovery key, typed as printed (groups and line breaks), is accepted and sealed again', () => {
    const key = 'ab'.repeat(32);
    const printed = formatRecoveryKey(key);
    expect(printed.split('\n')).toHaveLength(2);
    expect(printed.split('\n')[0].split(' ')).toHaveLength(8);
    const file = memoryFile(Buffer.from('garbage'));
    const r = loadOrCreateKey(fakeVault(), file, { databaseIsEncrypted: true, recovery: printed });
    expect(r).toEqual({ key, created: false });
    expect(loadOrCreateKey(fakeVault(), file, { databaseIsEncrypted: true }).key).toBe(key);
  });
});
