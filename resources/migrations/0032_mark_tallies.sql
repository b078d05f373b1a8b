CREATE TABLE `mark_tallies` (
	`pupil_id` integer NOT NULL,
	`week` text NOT NULL,
	`slashes` integer NOT NULL,
	PRIMARY KEY(`pupil_id`, `week`),
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
);
