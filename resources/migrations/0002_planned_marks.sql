CREATE TABLE `planned_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pupil_id` integer NOT NULL,
	`date` text NOT NULL,
	`session` text NOT NULL,
	`code` text NOT NULL,
	`note` text,
	`source` text NOT NULL,
	`source_id` integer,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `planned_marks_uq` ON `planned_marks` (`pupil_id`,`date`,`session`,`source`);--> statement-breakpoint
CREATE INDEX `planned_marks_date_idx` ON `planned_marks` (`date`,`session`);