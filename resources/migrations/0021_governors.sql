CREATE TABLE `governor_report_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`key_messages` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `governor_report_drafts_period_uq` ON `governor_report_drafts` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `governor_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`as_of` text NOT NULL,
	`title` text NOT NULL,
	`key_messages` text NOT NULL,
	`figures` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`produced_by` text NOT NULL,
	`position` text NOT NULL,
	`produced_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `governor_reports_period_idx` ON `governor_reports` (`period_to`,`period_from`);--> statement-breakpoint
CREATE TABLE `governor_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`academic_year` integer NOT NULL,
	`attendance_pct` real NOT NULL,
	`persistent_pct` real NOT NULL,
	`approved_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `governor_targets_year_idx` ON `governor_targets` (`academic_year`,`id`);