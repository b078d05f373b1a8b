CREATE TABLE `selfaudit_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`what` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`done_on` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `selfaudit_audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `selfaudit_actions_due_idx` ON `selfaudit_actions` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `selfaudit_audits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term_key` text NOT NULL,
	`term_label` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`as_of` text NOT NULL,
	`run_by` text NOT NULL,
	`run_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `selfaudit_audits_term_idx` ON `selfaudit_audits` (`term_key`,`id`);--> statement-breakpoint
CREATE TABLE `selfaudit_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `selfaudit_audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `selfaudit_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`figure` text NOT NULL,
	`shortfall` integer,
	`measured` integer,
	`proposed` text,
	`evidence` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `selfaudit_audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selfaudit_items_uq` ON `selfaudit_items` (`audit_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `selfaudit_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `selfaudit_audits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `selfaudit_reviews_idx` ON `selfaudit_reviews` (`audit_id`,`item_id`,`id`);