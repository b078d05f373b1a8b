CREATE TABLE `health_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`what` text NOT NULL,
	`from_date` text NOT NULL,
	`review_on` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `health_adjustments_pupil_idx` ON `health_adjustments` (`pupil_id`);--> statement-breakpoint
CREATE TABLE `health_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`ihcp` integer NOT NULL,
	`ihcp_review_on` text,
	`ehcp_review_on` text,
	`notes` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `health_plans_pupil_idx` ON `health_plans` (`pupil_id`,`id`);--> statement-breakpoint
CREATE TABLE `professional_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`how` text NOT NULL,
	`note` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `professional_notices_pupil_idx` ON `professional_notices` (`pupil_id`,`date`);--> statement-breakpoint
CREATE TABLE `pupil_professionals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`organisation` text,
	`phone` text,
	`email` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pupil_professionals_pupil_idx` ON `pupil_professionals` (`pupil_id`,`kind`);--> statement-breakpoint
CREATE TABLE `sickness_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`academic_year` integer NOT NULL,
	`reached_on` text NOT NULL,
	`sent_on` text NOT NULL,
	`how` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sickness_returns_pupil_idx` ON `sickness_returns` (`pupil_id`,`academic_year`);