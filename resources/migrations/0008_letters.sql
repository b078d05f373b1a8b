CREATE TABLE `letter_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`folder` text,
	`total` integer NOT NULL,
	`params` text NOT NULL,
	`combined_file` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `letter_contact_restrictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`contact_name` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`lifted_by` text,
	`lifted_at` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_restrictions_pupil_idx` ON `letter_contact_restrictions` (`pupil_id`);--> statement-breakpoint
CREATE TABLE `letter_files` (
	`log_id` integer PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `letter_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `letter_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text,
	`pupil_id` integer NOT NULL,
	`sibling_ids` text DEFAULT '[]' NOT NULL,
	`template` text NOT NULL,
	`template_version` text NOT NULL,
	`template_sha256` text NOT NULL,
	`stage` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`as_of` text NOT NULL,
	`letter_date` text NOT NULL,
	`reference` text NOT NULL,
	`figures` text NOT NULL,
	`addressees` text NOT NULL,
	`fields` text NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`override_reason` text,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`generated_by` text NOT NULL,
	`generated_position` text NOT NULL,
	`generated_at` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `letter_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_log_pupil_idx` ON `letter_log` (`pupil_id`,`generated_at`);--> statement-breakpoint
CREATE INDEX `letter_log_batch_idx` ON `letter_log` (`batch_id`);--> statement-breakpoint
CREATE INDEX `letter_log_siblings_idx` ON `letter_log` (`id`) WHERE sibling_ids <> '[]';--> statement-breakpoint
CREATE TABLE `letter_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`place` text,
	`attendees` text,
	`held` integer DEFAULT false NOT NULL,
	`notes` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_meetings_pupil_idx` ON `letter_meetings` (`pupil_id`,`date`);--> statement-breakpoint
CREATE TABLE `letter_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer NOT NULL,
	`method` text NOT NULL,
	`sent_on` text NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `letter_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_sends_log_idx` ON `letter_sends` (`log_id`);--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`bytes` blob,
	`sha256` text,
	`placeholders` text DEFAULT '[]' NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_templates_uq` ON `letter_templates` (`name`,`version`);--> statement-breakpoint
CREATE TABLE `letters_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone` text,
	`email` text,
	`absence_line` text,
	`report_by` text,
	`head_name` text,
	`signatory_name` text,
	`signatory_position` text,
	`champion_phone` text,
	`champion_email` text,
	`policy_url` text,
	`la_code_url` text,
	`la_code_reference` text,
	`leave_form_url` text,
	`same_stage_school_days` integer DEFAULT 20 NOT NULL,
	`improvement_points` integer DEFAULT 3 NOT NULL,
	`logo` blob,
	`logo_type` text,
	`updated_by` text,
	`updated_at` text
);
