CREATE TABLE `policy_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`url` text NOT NULL,
	`published_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `policy_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_publications_version_idx` ON `policy_publications` (`version_id`,`id`);--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`changes` text NOT NULL,
	`next_review_on` text NOT NULL,
	`drafted_by` text NOT NULL,
	`drafted_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`approved_by` text,
	`approved_position` text,
	`approved_on` text,
	`approved_at` text,
	`template_version` text,
	`template_sha256` text,
	`facts` text,
	`file_name` text,
	`bytes` blob,
	`sha256` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_version_uq` ON `policy_versions` (`version`);--> statement-breakpoint
ALTER TABLE `school` ADD `officer_name` text;--> statement-breakpoint
ALTER TABLE `school` ADD `officer_phone` text;--> statement-breakpoint
ALTER TABLE `school` ADD `officer_email` text;--> statement-breakpoint
ALTER TABLE `school` ADD `parent_updates` text;