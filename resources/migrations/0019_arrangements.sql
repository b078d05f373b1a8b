CREATE TABLE `arrangement_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`arrangement_id` integer NOT NULL,
	`who` text NOT NULL,
	`on` text NOT NULL,
	`how` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`arrangement_id`) REFERENCES `arrangements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrangement_notices_idx` ON `arrangement_notices` (`arrangement_id`);--> statement-breakpoint
CREATE TABLE `arrangement_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`arrangement_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`ended_on` text NOT NULL,
	`notes` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`arrangement_id`) REFERENCES `arrangements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `arrangement_outcomes_uq` ON `arrangement_outcomes` (`arrangement_id`);--> statement-breakpoint
CREATE TABLE `arrangement_patterns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`arrangement_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`away` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`arrangement_id`) REFERENCES `arrangements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `arrangement_patterns_from_uq` ON `arrangement_patterns` (`arrangement_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `arrangement_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`arrangement_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`notes` text NOT NULL,
	`new_end_date` text,
	`next_review_on` text,
	`meeting_id` integer,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`arrangement_id`) REFERENCES `arrangements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `casework_meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrangement_reviews_idx` ON `arrangement_reviews` (`arrangement_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `arrangement_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`review_every_weeks` integer DEFAULT 6 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `arrangements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason_category` text,
	`reason` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`parent_contact_id` integer,
	`parent_name` text,
	`parent_agreed_on` text,
	`curriculum_notes` text,
	`review_every_weeks` integer NOT NULL,
	`first_review_on` text NOT NULL,
	`plan_id` integer,
	`approved_by` text NOT NULL,
	`approved_position` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `arrangements_pupil_idx` ON `arrangements` (`pupil_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `attendance_contract_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`notes` text,
	`file_name` text,
	`mime_type` text,
	`bytes` blob,
	`sha256` text,
	`letter_log_id` integer,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `attendance_contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_contract_events_idx` ON `attendance_contract_events` (`contract_id`);--> statement-breakpoint
CREATE TABLE `attendance_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`agreed_on` text NOT NULL,
	`parties` text NOT NULL,
	`parent_commitments` text NOT NULL,
	`pupil_commitments` text,
	`school_commitments` text NOT NULL,
	`agency_commitments` text,
	`support_offered` text NOT NULL,
	`review_dates` text NOT NULL,
	`plan_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_contracts_pupil_idx` ON `attendance_contracts` (`pupil_id`,`agreed_on`);--> statement-breakpoint
CREATE TABLE `cme_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`opened_on` text NOT NULL,
	`trigger` text NOT NULL,
	`detail` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cme_cases_pupil_idx` ON `cme_cases` (`pupil_id`,`opened_on`);--> statement-breakpoint
CREATE TABLE `cme_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`step` text NOT NULL,
	`done_on` text NOT NULL,
	`outcome` text NOT NULL,
	`reference` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cme_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cme_steps_case_idx` ON `cme_steps` (`case_id`);--> statement-breakpoint
CREATE TABLE `la_meeting_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`pupil_id` integer NOT NULL,
	`casework_action_id` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `la_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`casework_action_id`) REFERENCES `casework_actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `la_meeting_actions_idx` ON `la_meeting_actions` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `la_meeting_pupils` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`pupil_id` integer NOT NULL,
	`band` text,
	`note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `la_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `la_meeting_pupils_uq` ON `la_meeting_pupils` (`meeting_id`,`pupil_id`);--> statement-breakpoint
CREATE TABLE `la_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`held_on` text NOT NULL,
	`officer` text NOT NULL,
	`notes` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `la_packs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`pupils` integer NOT NULL,
	`made_by` text NOT NULL,
	`made_at` text NOT NULL
);
