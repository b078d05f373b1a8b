// Which automatic backup to take and which to keep (docs/data-safety.md, "Rotation"): pure functions of the list,
// the settings and the time. The first backup of a year is the yearly one, the first of a month the monthly, the
// first of a week (Monday) the weekly, any other the daily. Kept: every backup of today, and the first backup of
// each of the newest N days, weeks, months and years that have one. Manual and before-upgrade backups are never
// removed automatically.
import type { BackupEntry, BackupKind, BackupSettings } from '../../../shared/channels/backups';

const AUTOMATIC: BackupKind[] = ['daily', 'weekly', 'monthly', 'yearly'];

export const DEFAULT_SETTINGS: BackupSettings = {
  folder: null,
  everyHours: 4,
  keepDaily: 14,
  keepWeekly: 8,
  keepMonthly: 12,
  keepYearly: 6,
};

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day of an instant (the school's day). */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** The Monday that starts the instant's week. */
function weekKey(d: Date): string {
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
  return dayKey(m);
}
const monthKey = (d: Date) => dayKey(d).slice(0, 7);
const yearKey = (d: Date) => dayKey(d).slice(0, 4);

export const isAutomatic = (e: BackupEntry) => AUTOMATIC.includes(e.kind);

/** The kind of an automatic backup taken at `now`, given the automatic backups already there. */
export function kindFor(existing: BackupEntry[], now: Date): BackupKind {
  const taken = existing.filter(isAutomatic).map((e) => new Date(e.takenAt));
  const none = (key: (d: Date) => string) => !taken.some((t) => key(t) === key(now));
  if (none(yearKey)) {
    return 'yearly';
  }
  if (none(monthKey)) {
    return 'monthly';
  }
  return none(weekKey) ? 'weekly' : 'daily';
}

/** An automatic backup is due at the first start of a day and then every `everyHours` hours. */
export function isDue(existing: BackupEntry[], now: Date, everyHours: number): boolean {
  const last = existing
    .filter(isAutomatic)
    .map((e) => new Date(e.takenAt))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return !last || dayKey(last) !== dayKey(now) || now.getTime() - last.getTime() >= everyHours * 3_600_000;
}

/** The automatic backups to remove under the settings' rotation. */
export function toRemove(existing: BackupEntry[], settings: BackupSettings, now: Date): BackupEntry[] {
  const auto = existing.filter(isAutomatic).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const keep = new Set<string>();
  const rules: [(d: Date) => string, number][] = [
    [dayKey, settings.keepDaily],
    [weekKey, settings.keepWeekly],
    [monthKey, settings.keepMonthly],
    [yearKey, settings.keepYearly],
  ];
  for (const [key, n] of rules) {
    const firstOf = new Map<string, string>();
    for (const e of auto) {
      const k = key(new Date(e.takenAt));
      if (!firstOf.has(k)) {
        firstOf.set(k, e.file);
      }
    }
    [...firstOf.entries()]
      .sort((a, b) => b[0].localeCompare(a[0]))
      .slice(0, n)
      .forEach(([, file]) => keep.add(file));
  }
  const today = dayKey(now);
  return auto.filter((e) => !keep.has(e.file) && dayKey(new Date(e.takenAt)) !== today);
}
