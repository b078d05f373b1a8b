CREATE TABLE `leave_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`days_granted` integer NOT NULL,
	`sessions_granted` integer NOT NULL,
	`code` text,
	`sessions` text NOT NULL,
	`reason` text NOT NULL,
	`decider_name` text NOT NULL,
	`decider_position` text NOT NULL,
	`decider_user_id` integer,
	`decided_at` text NOT NULL,
	`supersedes` integer,
	FOREIGN KEY (`request_id`) REFERENCES `leave_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leave_decisions_request_idx` ON `leave_decisions` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `leave_decisions_supersedes_uq` ON `leave_decisions` (`supersedes`);--> statement-breakpoint
CREATE TABLE `leave_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `leave_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leave_evidence_request_idx` ON `leave_evidence` (`request_id`);--> statement-breakpoint
CREATE TABLE `leave_families` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leave_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`pupil_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`generated_by` text NOT NULL,
	`generated_at` text NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `leave_decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leave_letters_pupil_idx` ON `leave_letters` (`pupil_id`);--> statement-breakpoint
CREATE TABLE `leave_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family_id` integer NOT NULL,
	`pupil_id` integer NOT NULL,
	`requester_contact_id` integer,
	`requester_name` text NOT NULL,
	`requester_relationship` text,
	`requester_lives_with` integer NOT NULL,
	`requester_address` text,
	`how_received` text NOT NULL,
	`date_received` text NOT NULL,
	`from_date` text NOT NULL,
	`from_session` text NOT NULL,
	`to_date` text NOT NULL,
	`to_session` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`notes` text,
	`observance` text,
	`religious_body` text,
	`observance_days` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `leave_families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leave_requests_pupil_idx` ON `leave_requests` (`pupil_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `leave_requests_family_idx` ON `leave_requests` (`family_id`);