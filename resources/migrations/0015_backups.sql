CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`folder` text,
	`every_hours` integer DEFAULT 4 NOT NULL,
	`keep_daily` integer DEFAULT 14 NOT NULL,
	`keep_weekly` integer DEFAULT 8 NOT NULL,
	`keep_monthly` integer DEFAULT 12 NOT NULL,
	`keep_yearly` integer DEFAULT 6 NOT NULL,
	`updated_at` text,
	`updated_by` text,
	CONSTRAINT "backup_settings_one_row" CHECK("backup_settings"."id" = 1)
);
