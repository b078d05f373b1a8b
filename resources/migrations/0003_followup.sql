CREATE TABLE `contact_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`contact_name` text,
	`note` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_attempts_date_idx` ON `contact_attempts` (`date`,`pupil_id`);--> statement-breakpoint
CREATE TABLE `social_worker_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`date` text NOT NULL,
	`how` text NOT NULL,
	`note` text,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `social_worker_notices_idx` ON `social_worker_notices` (`pupil_id`,`date`);