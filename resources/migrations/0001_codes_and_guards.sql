-- The national code table (shared/codes.generated.ts, from codes.csv), and the guards on statutory tables.
-- Marks change only through the amendment path: a history row with the next version must exist first.
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('/', '', NULL, 'Present (morning)', 'present', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('\', '', NULL, 'Present (afternoon)', 'present', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('L', '', NULL, 'Late, before the register closed', 'present', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('K', '2024-08-19', NULL, 'Education arranged by the local authority', 'aea', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('V', '', NULL, 'Educational visit or trip', 'aea', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('P', '', NULL, 'Approved sporting activity', 'aea', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('W', '', NULL, 'Work experience', 'aea', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('B', '2024-08-19', NULL, 'Other approved educational activity', 'aea', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('B', '', '2024-08-18', 'Educated off site (before 2024)', 'aea', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('D', '', NULL, 'Dual registered, expected at the other school', 'not_possible', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('C1', '2024-08-19', NULL, 'Leave: licensed performance or employment abroad', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('M', '', NULL, 'Leave: medical or dental appointment', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('J1', '2024-08-19', NULL, 'Leave: interview', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('S', '', NULL, 'Leave: study leave', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('X', '', NULL, 'Not of compulsory school age, not required to attend', 'not_possible', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('C2', '2024-08-19', NULL, 'Leave: part-time timetable', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('C', '2024-08-19', NULL, 'Leave: exceptional circumstances', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('C', '', '2024-08-18', 'Other authorised circumstances (before 2024)', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('T', '', NULL, 'Mobile child travelling for a parent''s work', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('R', '', NULL, 'Religious observance', 'authorised', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('I', '', NULL, 'Illness', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('E', '', NULL, 'Suspended or excluded, no provision arranged', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Q', '2024-08-19', NULL, 'Unable to attend: no access arrangements', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y1', '2024-08-19', NULL, 'Unable to attend: transport not available', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y2', '2024-08-19', NULL, 'Unable to attend: widespread travel disruption', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y3', '2024-08-19', NULL, 'Unable to attend: part of school closed', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y4', '2024-08-19', NULL, 'Unable to attend: whole school unexpectedly closed', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y5', '2024-08-19', NULL, 'Unable to attend: criminal justice detention', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y6', '2024-08-19', NULL, 'Unable to attend: public health', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y7', '2024-08-19', NULL, 'Unable to attend: other unavoidable cause', 'not_possible', 1, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('G', '', NULL, 'Holiday not granted', 'unauthorised', 0, 1);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('N', '', NULL, 'Reason not yet established', 'unauthorised', 0, 1);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('O', '', NULL, 'Unauthorised, other or unknown reason', 'unauthorised', 0, 1);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('U', '', NULL, 'Late, after the register closed', 'unauthorised', 0, 1);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Z', '', NULL, 'Prospective pupil, not yet on roll', 'not_possible', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('#', '2024-08-19', NULL, 'Planned whole-school closure', 'not_possible', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('#', '', '2024-08-18', 'Planned closure (before 2024)', 'not_possible', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('H', '', '2024-08-18', 'Holiday agreed by the school (before 2024)', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('F', '', '2024-08-18', 'Extended family holiday agreed (before 2024)', 'authorised', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('J', '', '2024-08-18', 'Interview (before 2024)', 'aea', 0, 0);--> statement-breakpoint
INSERT INTO codes (code, valid_from, valid_to, label, category, needs_reason, pn_counts) VALUES ('Y', '', '2024-08-18', 'Unable to attend, exceptional circumstances (before 2024)', 'not_possible', 0, 0);--> statement-breakpoint
CREATE TRIGGER marks_no_delete BEFORE DELETE ON marks
BEGIN SELECT RAISE(ABORT, 'register marks are statutory records and cannot be deleted'); END;--> statement-breakpoint
CREATE TRIGGER marks_guard_update BEFORE UPDATE ON marks
WHEN NEW.pupil_id IS NOT OLD.pupil_id OR NEW.date IS NOT OLD.date OR NEW.session IS NOT OLD.session
  OR ((NEW.code IS NOT OLD.code OR NEW.minutes_late IS NOT OLD.minutes_late OR NEW.version IS NOT OLD.version)
      AND NOT EXISTS (SELECT 1 FROM mark_history h WHERE h.mark_id = OLD.id AND h.version = NEW.version
        AND NEW.version = OLD.version + 1 AND h.old_code = OLD.code AND h.new_code = NEW.code
        AND h.old_minutes_late IS OLD.minutes_late AND h.new_minutes_late IS NEW.minutes_late))
BEGIN SELECT RAISE(ABORT, 'a register mark can only be changed by an amendment with a reason, name and position'); END;--> statement-breakpoint
CREATE TRIGGER mark_history_no_update BEFORE UPDATE ON mark_history
BEGIN SELECT RAISE(ABORT, 'amendment history is append-only'); END;--> statement-breakpoint
CREATE TRIGGER mark_history_no_delete BEFORE DELETE ON mark_history
BEGIN SELECT RAISE(ABORT, 'amendment history is append-only'); END;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER pupils_no_delete BEFORE DELETE ON pupils
BEGIN SELECT RAISE(ABORT, 'pupils leave the admission register with a leaving date and ground; records are never deleted'); END;
