CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `bank_holiday_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`label` text
);
--> statement-breakpoint
CREATE TABLE `calendar_ranges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date_from` text NOT NULL,
	`date_to` text NOT NULL,
	`kind` text NOT NULL,
	`label` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_ranges_uq` ON `calendar_ranges` (`date_from`,`date_to`,`kind`);--> statement-breakpoint
CREATE TABLE `codes` (
	`code` text NOT NULL,
	`valid_from` text DEFAULT '' NOT NULL,
	`valid_to` text,
	`label` text NOT NULL,
	`category` text NOT NULL,
	`needs_reason` integer NOT NULL,
	`pn_counts` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codes_uq` ON `codes` (`code`,`valid_from`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`name` text NOT NULL,
	`relationship` text,
	`phone` text,
	`email` text,
	`address` text,
	`lives_with` integer DEFAULT false NOT NULL,
	`parental_responsibility` integer DEFAULT false NOT NULL,
	`emergency` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_pupil_ordinal_uq` ON `contacts` (`pupil_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `la_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due` text,
	`sent_at` text,
	`method` text,
	`sent_by` text,
	`acknowledged_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mark_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mark_id` integer NOT NULL,
	`version` integer NOT NULL,
	`old_code` text NOT NULL,
	`new_code` text NOT NULL,
	`old_minutes_late` integer,
	`new_minutes_late` integer,
	`reason` text NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` text NOT NULL,
	`position` text NOT NULL,
	`batch_id` text,
	FOREIGN KEY (`mark_id`) REFERENCES `marks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mark_history_mark_version_uq` ON `mark_history` (`mark_id`,`version`);--> statement-breakpoint
CREATE TABLE `marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`date` text NOT NULL,
	`session` text NOT NULL,
	`code` text NOT NULL,
	`minutes_late` integer,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`source` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`exported_at` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marks_pupil_session_uq` ON `marks` (`pupil_id`,`date`,`session`);--> statement-breakpoint
CREATE INDEX `marks_date_idx` ON `marks` (`date`,`session`);--> statement-breakpoint
CREATE TABLE `pupils` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`upn` text NOT NULL,
	`surname` text NOT NULL,
	`forename` text NOT NULL,
	`preferred_forename` text,
	`dob` text NOT NULL,
	`sex` text NOT NULL,
	`year_group` text NOT NULL,
	`reg_group` text NOT NULL,
	`admission_date` text NOT NULL,
	`leaving_date` text,
	`deletion_ground` text,
	`fsm` integer DEFAULT false NOT NULL,
	`sen` text DEFAULT 'N' NOT NULL,
	`cla` integer DEFAULT false NOT NULL,
	`social_worker` integer DEFAULT false NOT NULL,
	`eal` integer DEFAULT false NOT NULL,
	`young_carer` integer DEFAULT false NOT NULL,
	`boarder` integer DEFAULT false NOT NULL,
	`address` text,
	`previous_school` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pupils_upn_uq` ON `pupils` (`upn`);--> statement-breakpoint
CREATE INDEX `pupils_reg_group_idx` ON `pupils` (`reg_group`,`surname`);--> statement-breakpoint
CREATE TABLE `registers_taken` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`session` text NOT NULL,
	`reg_group` text NOT NULL,
	`taken_by` text NOT NULL,
	`taken_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registers_taken_uq` ON `registers_taken` (`date`,`session`,`reg_group`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`urn` text,
	`la_code` text,
	`estab` text,
	`address` text,
	`am_opens` text DEFAULT '08:40' NOT NULL,
	`pm_opens` text DEFAULT '13:15' NOT NULL,
	`register_open_minutes` integer DEFAULT 30 NOT NULL,
	`champion_name` text,
	`champion_position` text,
	`at_risk_lower_pct` real DEFAULT 5 NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
