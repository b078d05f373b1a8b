-- Part-time timetables and flexi-schooling agreements are statutory records (docs/rules/arrangements.md): every
-- table is append-only. A pattern change, a review (the only way to extend), a notice and the outcome are new rows.
CREATE TRIGGER arrangements_no_update BEFORE UPDATE ON arrangements
BEGIN SELECT RAISE(ABORT, 'refused: an agreed arrangement is append-only: record a pattern change, a review or an outcome'); END;--> statement-breakpoint
CREATE TRIGGER arrangements_no_delete BEFORE DELETE ON arrangements
BEGIN SELECT RAISE(ABORT, 'refused: an agreed arrangement is kept and cannot be deleted'); END;--> statement-breakpoint
CREATE TRIGGER arrangements_part_time_end BEFORE INSERT ON arrangements
WHEN NEW.kind = 'part_time' AND (NEW.end_date IS NULL OR NEW.end_date < NEW.start_date)
BEGIN SELECT RAISE(ABORT, 'refused: a part-time timetable needs an end date on or after its start'); END;--> statement-breakpoint
CREATE TRIGGER arrangements_part_time_reason BEFORE INSERT ON arrangements
WHEN NEW.kind = 'part_time' AND NEW.reason_category IN ('behaviour', 'sanction')
BEGIN SELECT RAISE(ABORT, 'refused: a part-time timetable is never used to manage behaviour or as a sanction'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_patterns_no_update BEFORE UPDATE ON arrangement_patterns
BEGIN SELECT RAISE(ABORT, 'refused: a pattern is changed from a date by a new row'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_patterns_no_delete BEFORE DELETE ON arrangement_patterns
BEGIN SELECT RAISE(ABORT, 'refused: a pattern is changed from a date by a new row'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_reviews_no_update BEFORE UPDATE ON arrangement_reviews
BEGIN SELECT RAISE(ABORT, 'refused: reviews are append-only'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_reviews_no_delete BEFORE DELETE ON arrangement_reviews
BEGIN SELECT RAISE(ABORT, 'refused: reviews are append-only'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_notices_no_update BEFORE UPDATE ON arrangement_notices
BEGIN SELECT RAISE(ABORT, 'refused: the notice log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_notices_no_delete BEFORE DELETE ON arrangement_notices
BEGIN SELECT RAISE(ABORT, 'refused: the notice log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_outcomes_no_update BEFORE UPDATE ON arrangement_outcomes
BEGIN SELECT RAISE(ABORT, 'refused: an outcome is recorded once'); END;--> statement-breakpoint
CREATE TRIGGER arrangement_outcomes_no_delete BEFORE DELETE ON arrangement_outcomes
BEGIN SELECT RAISE(ABORT, 'refused: an outcome is recorded once'); END;--> statement-breakpoint
INSERT INTO arrangement_settings (id, review_every_weeks) VALUES (1, 6);
--> statement-breakpoint
CREATE TRIGGER la_meetings_no_update BEFORE UPDATE ON la_meetings
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_meetings_no_delete BEFORE DELETE ON la_meetings
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_meeting_pupils_no_update BEFORE UPDATE ON la_meeting_pupils
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_meeting_pupils_no_delete BEFORE DELETE ON la_meeting_pupils
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_meeting_actions_no_update BEFORE UPDATE ON la_meeting_actions
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_meeting_actions_no_delete BEFORE DELETE ON la_meeting_actions
BEGIN SELECT RAISE(ABORT, 'refused: an LA meeting record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_packs_no_update BEFORE UPDATE ON la_packs
BEGIN SELECT RAISE(ABORT, 'refused: the pack log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER la_packs_no_delete BEFORE DELETE ON la_packs
BEGIN SELECT RAISE(ABORT, 'refused: the pack log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER cme_cases_no_update BEFORE UPDATE ON cme_cases
BEGIN SELECT RAISE(ABORT, 'refused: a CME case is append-only: record a step'); END;--> statement-breakpoint
CREATE TRIGGER cme_cases_no_delete BEFORE DELETE ON cme_cases
BEGIN SELECT RAISE(ABORT, 'refused: a CME case is append-only: record a step'); END;--> statement-breakpoint
CREATE TRIGGER cme_steps_no_update BEFORE UPDATE ON cme_steps
BEGIN SELECT RAISE(ABORT, 'refused: CME enquiries are append-only'); END;--> statement-breakpoint
CREATE TRIGGER cme_steps_no_delete BEFORE DELETE ON cme_steps
BEGIN SELECT RAISE(ABORT, 'refused: CME enquiries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER attendance_contracts_no_update BEFORE UPDATE ON attendance_contracts
BEGIN SELECT RAISE(ABORT, 'refused: an attendance contract is append-only: record a review or its outcome'); END;--> statement-breakpoint
CREATE TRIGGER attendance_contracts_no_delete BEFORE DELETE ON attendance_contracts
BEGIN SELECT RAISE(ABORT, 'refused: an attendance contract is append-only: record a review or its outcome'); END;--> statement-breakpoint
CREATE TRIGGER attendance_contract_events_no_update BEFORE UPDATE ON attendance_contract_events
BEGIN SELECT RAISE(ABORT, 'refused: the contract record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER attendance_contract_events_no_delete BEFORE DELETE ON attendance_contract_events
BEGIN SELECT RAISE(ABORT, 'refused: the contract record is append-only'); END;
