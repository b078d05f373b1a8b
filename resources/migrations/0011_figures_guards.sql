-- Notices to improve and penalty notices are statutory records: never changed or deleted; their status changes
-- are appended to penalty_notice_events and the marks they rely on are appended to penalty_notice_marks.
CREATE TRIGGER penalty_notices_no_update BEFORE UPDATE ON penalty_notices
BEGIN SELECT RAISE(ABORT, 'penalty notices are statutory records: append-only, record a status change instead'); END;--> statement-breakpoint
CREATE TRIGGER penalty_notices_no_delete BEFORE DELETE ON penalty_notices
BEGIN SELECT RAISE(ABORT, 'penalty notices are statutory records: append-only, record a status change instead'); END;--> statement-breakpoint
CREATE TRIGGER penalty_notice_marks_no_update BEFORE UPDATE ON penalty_notice_marks
BEGIN SELECT RAISE(ABORT, 'the marks a notice relies on are append-only'); END;--> statement-breakpoint
CREATE TRIGGER penalty_notice_marks_no_delete BEFORE DELETE ON penalty_notice_marks
BEGIN SELECT RAISE(ABORT, 'the marks a notice relies on are append-only'); END;--> statement-breakpoint
CREATE TRIGGER penalty_notice_events_no_update BEFORE UPDATE ON penalty_notice_events
BEGIN SELECT RAISE(ABORT, 'notice history is append-only'); END;--> statement-breakpoint
CREATE TRIGGER penalty_notice_events_no_delete BEFORE DELETE ON penalty_notice_events
BEGIN SELECT RAISE(ABORT, 'notice history is append-only'); END;
--> statement-breakpoint
-- The figures read every mark of a period in (pupil, date, session) order with its code and minutes: a covering
-- index lets those scans read the index alone (checked in test/integration/figures-query-plan.test.ts).
CREATE INDEX marks_stats_idx ON marks (pupil_id, date, session, code, minutes_late);
