CREATE TABLE `casework_plan_templates` (
	`version` integer PRIMARY KEY NOT NULL,
	`bytes` blob,
	`sha256` text,
	`placeholders` text DEFAULT '[]' NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `casework_plan_exports` ADD `template` text DEFAULT 'shipped' NOT NULL;
--> statement-breakpoint
CREATE TRIGGER casework_plan_templates_no_update BEFORE UPDATE ON casework_plan_templates
BEGIN SELECT RAISE(ABORT, 'refused: the versions of the plan template are kept as they were uploaded'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_templates_no_delete BEFORE DELETE ON casework_plan_templates
BEGIN SELECT RAISE(ABORT, 'refused: the versions of the plan template are kept; upload a new one or go back to the shipped one'); END;
