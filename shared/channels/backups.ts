// Channels of the backups area (docs/data-safety.md): the store's health (public, so the first screen can say the
// database is damaged), the backup folder and schedule, the list of backups, a backup now, and restore. Only the
// administrator manages backups; restore is the way out of a damaged store, so it runs even then.
import { z } from 'zod';
import { ch, type Role } from '../contract-core';

const BACKUP_ADMIN: Role[] = ['admin'];

export const BACKUP_KINDS = ['daily', 'weekly', 'monthly', 'yearly', 'manual', 'before-upgrade'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  manual: 'Taken by hand',
  'before-upgrade': 'Before an upgrade',
};

export const BackupEntrySchema = z.object({
  file: z.string(),
  takenAt: z.string(),
  bytes: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
  checked: z.boolean(),
  chainHead: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

export const BackupSettingsSchema = z.object({
  /** Absolute path of the folder; null = the "backups" folder beside the database. */
  folder: z.string().trim().min(1).max(1000).nullable(),
  everyHours: z.number().int().min(1, 'at least every hour').max(24, 'at most every 24 hours'),
  keepDaily: z.number().int().min(1).max(366),
  keepWeekly: z.number().int().min(0).max(520),
  keepMonthly: z.number().int().min(0).max(240),
  keepYearly: z.number().int().min(0).max(50),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

const HealthSchema = z.object({ ok: z.boolean(), message: z.string().nullable(), checkedAt: z.string() });

export const backupsChannels = {
  'backups.health': ch(z.object({}), HealthSchema, [], { public: true }),
  'backups.status': ch(
    z.object({}),
    z.object({
      folder: z.string(),
      settings: BackupSettingsSchema,
      /** The folder is on the disk that holds the database: a failed disk takes both. */
      sameDiskAsDatabase: z.boolean(),
      backups: z.array(BackupEntrySchema),
      health: HealthSchema,
    }),
    BACKUP_ADMIN,
  ),
  'backups.configure': ch(BackupSettingsSchema, z.object({ ok: z.literal(true) }), BACKUP_ADMIN, {
    write: true,
  }),
  // Not a write transaction: VACUUM INTO and closing the file cannot run inside one. Each audits itself.
  'backups.run': ch(z.object({}), BackupEntrySchema, BACKUP_ADMIN),
  'backups.restore': ch(
    z.object({ file: z.string().min(1).max(300) }),
    z.object({ restoredFrom: z.string(), keptAside: z.string() }),
    BACKUP_ADMIN,
  ),
  /** An unencrypted copy of the whole database: the administrator's explicit, audited choice. */
  'backups.exportUnencrypted': ch(
    z.object({ to: z.string().min(1).max(1000) }),
    z.object({ path: z.string(), rows: z.number().int() }),
    BACKUP_ADMIN,
  ),
  // The command line's and the desktop menu's one-off backup and check.
  'backups.copyTo': ch(
    z.object({ to: z.string().min(1).max(1000).optional() }),
    z.object({ path: z.string(), bytes: z.number() }),
    ['admin', 'head'],
    { write: false },
  ),
  'backups.verify': ch(
    z.object({}),
    z.object({ integrity: z.array(z.string()), foreignKeys: z.number().int(), ok: z.boolean() }),
    ['admin', 'head'],
  ),
} as const;
