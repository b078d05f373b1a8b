// Corruption caught before it spreads (docs/data-safety.md, "Damage"): SQLite's quick check at every open, the
// full check before every backup and migration and on the backup schedule. A store that fails is read-only: every
// write channel is refused with a message that says what happened and how to restore, and a raw SQLite message
// ("database disk image is malformed") never reaches anyone without that explanation.
import type { Db } from './cipher';

export interface StoreHealth {
  ok: boolean;
  /** SQLite's own findings, for the administrator and the logs. */
  problems: string[];
  check: 'quick' | 'full';
  checkedAt: string;
}

export const HEALTHY: StoreHealth = { ok: true, problems: [], check: 'quick', checkedAt: '' };

/** Channels that still run on a damaged store: putting a good backup back is the way out. */
const ALLOWED_WHEN_DAMAGED = new Set<string>(['backups.restore']);

const CORRUPT =
  /database disk image is malformed|file is not a database|SQLITE_CORRUPT|SQLITE_NOTADB|malformed database schema/i;

function runCheck(db: Db, pragma: 'quick_check' | 'integrity_check'): StoreHealth {
  const checkedAt = new Date().toISOString();
  const check = pragma === 'quick_check' ? 'quick' : 'full';
  try {
    const rows = db.pragma(`${pragma}(20)`) as Record<string, unknown>[];
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok');
    return { ok: problems.length === 0, problems, check, checkedAt };
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)], check, checkedAt };
  }
}

/** PRAGMA quick_check: every page read, the b-trees and records checked (not index contents); fast enough for every open. */
export function quickCheck(db: Db): StoreHealth {
  return runCheck(db, 'quick_check');
}

/** PRAGMA integrity_check: also every index against its table. */
export function fullCheck(db: Db): StoreHealth {
  return runCheck(db, 'integrity_check');
}

export function damagedMessage(health: StoreHealth): string {
  return (
    `The database failed its ${health.check} integrity check (${health.problems[0] ?? 'damaged'}), ` +
    'so it is open read-only to keep the damage from spreading: nothing was saved. ' +
    'An administrator can put back the latest good backup ' +
    '(Backups page, or "attendance restore --db FILE --from BACKUP").'
  );
}

/** Why a write channel may not run on this store, or null. */
export function damagedRefusal(health: StoreHealth | undefined, channel: string): string | null {
  if (!health || health.ok || ALLOWED_WHEN_DAMAGED.has(channel)) {
    return null;
  }
  return damagedMessage(health);
}

/** True for SQLite's messages of a damaged file (or a wrong key on an encrypted one). */
export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return CORRUPT.test(code) || CORRUPT.test(e instanceof Error ? e.message : String(e));
}

/** The health after SQLite reported damage in the middle of a call: the store turns read-only from then on. */
export function damagedBy(e: unknown): StoreHealth {
  return {
    ok: false,
    problems: [e instanceof Error ? e.message : String(e)],
    check: 'quick',
    checkedAt: new Date().toISOString(),
  };
}
