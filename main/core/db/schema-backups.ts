// Tables of the backups area (drizzle): the administrator's backup folder and schedule (docs/data-safety.md).
// The list of backups is not kept here: it is read from the folder (each backup has a manifest beside it), so it
// stays true after a restore puts an older database back.
import { sqliteTable, text, integer, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** One row (id 1). Defaults: every 4 hours; keep 14 daily, 8 weekly, 12 monthly and 6 yearly backups. */
export const backupSettings = sqliteTable(
  'backup_settings',
  {
    id: integer('id').primaryKey(),
    folder: text('folder'),
    everyHours: integer('every_hours').notNull().default(4),
    keepDaily: integer('keep_daily').notNull().default(14),
    keepWeekly: integer('keep_weekly').notNull().default(8),
    keepMonthly: integer('keep_monthly').notNull().default(12),
    keepYearly: integer('keep_yearly').notNull().default(6),
    updatedAt: text('updated_at'),
    updatedBy: text('updated_by'),
  },
  (t) => [check('backup_settings_one_row', sql`${t.id} = 1`)],
);
