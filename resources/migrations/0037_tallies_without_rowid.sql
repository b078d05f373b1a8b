-- The two tally tables become WITHOUT ROWID tables (docs/performance.md, "One row per pupil"): their rows are then
-- stored in the order of their primary key (pupil, week[, code]) with the counts beside the key, so reading a
-- pupil's weeks is one pass over the table instead of a pass over the key's index plus a lookup of every row, and a
-- mark's write updates one B-tree instead of two. Same columns, same rows (copied, not recounted). The triggers on
-- marks name the tables and find the new ones; nothing is renamed, so no trigger is rewritten.
CREATE TABLE `mark_tallies_copy` AS SELECT `pupil_id`, `week`, `slashes` FROM `mark_tallies`;--> statement-breakpoint
DROP TABLE `mark_tallies`;--> statement-breakpoint
CREATE TABLE `mark_tallies` (
	`pupil_id` integer NOT NULL,
	`week` text NOT NULL,
	`slashes` integer NOT NULL,
	PRIMARY KEY(`pupil_id`, `week`),
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `mark_tallies` (`pupil_id`, `week`, `slashes`) SELECT `pupil_id`, `week`, `slashes` FROM `mark_tallies_copy`;--> statement-breakpoint
DROP TABLE `mark_tallies_copy`;--> statement-breakpoint
CREATE TABLE `mark_code_tallies_copy` AS
SELECT `pupil_id`, `week`, `code`, `sessions`, `minutes_late` FROM `mark_code_tallies`;--> statement-breakpoint
DROP TABLE `mark_code_tallies`;--> statement-breakpoint
CREATE TABLE `mark_code_tallies` (
	`pupil_id` integer NOT NULL,
	`week` text NOT NULL,
	`code` text NOT NULL,
	`sessions` integer NOT NULL,
	`minutes_late` integer NOT NULL,
	PRIMARY KEY(`pupil_id`, `week`, `code`),
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `mark_code_tallies` (`pupil_id`, `week`, `code`, `sessions`, `minutes_late`)
SELECT `pupil_id`, `week`, `code`, `sessions`, `minutes_late` FROM `mark_code_tallies_copy`;--> statement-breakpoint
DROP TABLE `mark_code_tallies_copy`;
