CREATE TABLE `penalty_notice_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`status` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `penalty_notices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `penalty_notice_events_notice_idx` ON `penalty_notice_events` (`notice_id`,`id`);--> statement-breakpoint
CREATE TABLE `penalty_notice_marks` (
	`notice_id` integer NOT NULL,
	`mark_id` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `penalty_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mark_id`) REFERENCES `marks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `penalty_notice_marks_uq` ON `penalty_notice_marks` (`notice_id`,`mark_id`);--> statement-breakpoint
CREATE INDEX `penalty_notice_marks_mark_idx` ON `penalty_notice_marks` (`mark_id`);--> statement-breakpoint
CREATE TABLE `penalty_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`issued_on` text NOT NULL,
	`parent_name` text NOT NULL,
	`parent_key` text NOT NULL,
	`amount` integer,
	`note` text,
	`recorded_by` text NOT NULL,
	`position` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `penalty_notices_pupil_idx` ON `penalty_notices` (`pupil_id`,`issued_on`);--> statement-breakpoint
CREATE TABLE `reference_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipped_id` text,
	`period` text NOT NULL,
	`area` text NOT NULL,
	`data_kind` text NOT NULL,
	`overall` real,
	`authorised` real,
	`unauthorised` real,
	`persistent` real,
	`severe` real,
	`primary_pct` real,
	`secondary_pct` real,
	`special_pct` real,
	`source` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reference_figures_shipped_uq` ON `reference_figures` (`shipped_id`);