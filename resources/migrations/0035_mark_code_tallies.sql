CREATE TABLE `mark_code_tallies` (
	`pupil_id` integer NOT NULL,
	`week` text NOT NULL,
	`code` text NOT NULL,
	`sessions` integer NOT NULL,
	`minutes_late` integer NOT NULL,
	PRIMARY KEY(`pupil_id`, `week`, `code`),
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
