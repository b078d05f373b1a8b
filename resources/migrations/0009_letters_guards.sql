-- The letter log, its files and the sends are part of the pupil's record: append-only.
CREATE TRIGGER letter_log_no_update BEFORE UPDATE ON letter_log BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_log_no_delete BEFORE DELETE ON letter_log BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_files_no_update BEFORE UPDATE ON letter_files BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_files_no_delete BEFORE DELETE ON letter_files BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_sends_no_update BEFORE UPDATE ON letter_sends BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_sends_no_delete BEFORE DELETE ON letter_sends BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_templates_no_update BEFORE UPDATE ON letter_templates BEGIN SELECT RAISE(ABORT, 'template versions are append-only'); END;--> statement-breakpoint
CREATE TRIGGER letter_templates_no_delete BEFORE DELETE ON letter_templates BEGIN SELECT RAISE(ABORT, 'template versions are append-only'); END;--> statement-breakpoint
INSERT INTO letters_settings (id, same_stage_school_days, improvement_points) VALUES (1, 20, 3);
