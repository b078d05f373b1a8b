CREATE TABLE `casework_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`what` text NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_name` text,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_on` text,
	`status_note` text,
	`meeting_id` integer,
	`barrier_id` integer,
	`plan_id` integer,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `casework_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`barrier_id`) REFERENCES `casework_barriers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_actions_pupil_idx` ON `casework_actions` (`pupil_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `casework_actions_due_idx` ON `casework_actions` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `casework_barrier_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`usually` text NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `casework_barrier_categories_code_uq` ON `casework_barrier_categories` (`code`);--> statement-breakpoint
CREATE TABLE `casework_barriers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`category` text NOT NULL,
	`side` text NOT NULL,
	`description` text NOT NULL,
	`raised_by` text NOT NULL,
	`raised_by_name` text,
	`found_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_on` text,
	`restricted` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_barriers_pupil_idx` ON `casework_barriers` (`pupil_id`,`found_on`);--> statement-breakpoint
CREATE TABLE `casework_checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`checked_on` text NOT NULL,
	`note` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_checkins_plan_idx` ON `casework_checkins` (`plan_id`,`checked_on`);--> statement-breakpoint
CREATE TABLE `casework_la_joint` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`agreed_on` text NOT NULL,
	`la_officer` text NOT NULL,
	`agreed_plan` text NOT NULL,
	`next_review` text,
	`considered` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_la_joint_pupil_idx` ON `casework_la_joint` (`pupil_id`,`agreed_on`);--> statement-breakpoint
CREATE TABLE `casework_meeting_barriers` (
	`meeting_id` integer NOT NULL,
	`barrier_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `barrier_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `casework_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`barrier_id`) REFERENCES `casework_barriers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `casework_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`attendees` text NOT NULL,
	`pupil_view` text,
	`parent_view` text,
	`notes` text,
	`next_review` text,
	`plan_id` integer,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_meetings_pupil_idx` ON `casework_meetings` (`pupil_id`,`date`);--> statement-breakpoint
CREATE TABLE `casework_plan_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`generated_by` text NOT NULL,
	`generated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_plan_exports_plan_idx` ON `casework_plan_exports` (`plan_id`);--> statement-breakpoint
CREATE TABLE `casework_plan_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`attendees` text NOT NULL,
	`notes` text NOT NULL,
	`changes` text,
	`next_review` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_plan_reviews_plan_idx` ON `casework_plan_reviews` (`plan_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `casework_plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`change_summary` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `casework_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `casework_plan_versions_uq` ON `casework_plan_versions` (`plan_id`,`version`);--> statement-breakpoint
CREATE TABLE `casework_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`current_version` integer DEFAULT 1 NOT NULL,
	`outcome` text,
	`outcome_on` text,
	`outcome_note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_by` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_plans_pupil_idx` ON `casework_plans` (`pupil_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `casework_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`service` text NOT NULL,
	`made_on` text NOT NULL,
	`lead_practitioner` text,
	`outcome` text,
	`outcome_on` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `casework_referrals_pupil_idx` ON `casework_referrals` (`pupil_id`,`made_on`);