-- Leave decisions are statutory records of the headteacher's decision (reg 11): append-only. A revision is a
-- new decision whose `supersedes` cites the earlier one, which stays. Letters produced and evidence kept stay too.
CREATE TRIGGER leave_decisions_no_update BEFORE UPDATE ON leave_decisions
BEGIN SELECT RAISE(ABORT, 'leave decisions are append-only: a change is a new decision that cites the old one'); END;--> statement-breakpoint
CREATE TRIGGER leave_decisions_no_delete BEFORE DELETE ON leave_decisions
BEGIN SELECT RAISE(ABORT, 'leave decisions are append-only: a change is a new decision that cites the old one'); END;--> statement-breakpoint
CREATE TRIGGER leave_decisions_supersedes_same_request BEFORE INSERT ON leave_decisions
WHEN NEW.supersedes IS NOT NULL AND NOT EXISTS (SELECT 1 FROM leave_decisions d WHERE d.id = NEW.supersedes AND d.request_id = NEW.request_id)
BEGIN SELECT RAISE(ABORT, 'a revised leave decision must cite an earlier decision on the same request'); END;--> statement-breakpoint
CREATE TRIGGER leave_letters_no_update BEFORE UPDATE ON leave_letters
BEGIN SELECT RAISE(ABORT, 'the leave letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER leave_letters_no_delete BEFORE DELETE ON leave_letters
BEGIN SELECT RAISE(ABORT, 'the leave letter log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER leave_requests_no_delete BEFORE DELETE ON leave_requests
BEGIN SELECT RAISE(ABORT, 'leave requests are kept with their decisions and cannot be deleted'); END;--> statement-breakpoint
CREATE TRIGGER leave_evidence_no_update BEFORE UPDATE ON leave_evidence
BEGIN SELECT RAISE(ABORT, 'leave evidence is append-only'); END;--> statement-breakpoint
CREATE TRIGGER leave_evidence_no_delete BEFORE DELETE ON leave_evidence
BEGIN SELECT RAISE(ABORT, 'leave evidence is append-only'); END;
