-- Guards closing the writes found by direct SQL (docs/records-integrity.md, "Guards on the register's facts").
-- The app's own paths write the audit row first; these triggers accept a change only when the latest audit row
-- records exactly that change, so a change made past the app is refused with a 'refused: ' message.
CREATE TRIGGER pupils_upn_fixed BEFORE UPDATE ON pupils
WHEN NEW.upn IS NOT OLD.upn
BEGIN SELECT RAISE(ABORT, 'refused: a pupil''s UPN on the admission register is never changed'); END;--> statement-breakpoint
CREATE TRIGGER pupils_guard_register_facts BEFORE UPDATE ON pupils
WHEN (NEW.admission_date IS NOT OLD.admission_date OR NEW.dob IS NOT OLD.dob
      OR NEW.leaving_date IS NOT OLD.leaving_date OR NEW.deletion_ground IS NOT OLD.deletion_ground)
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = (SELECT max(id) FROM audit_log)
      AND a.action = 'pupil.update' AND a.entity = 'pupil' AND a.entity_id = CAST(OLD.id AS TEXT)
      AND (NEW.admission_date IS OLD.admission_date OR json_extract(a.detail, '$.changes.admissionDate.to') IS NEW.admission_date)
      AND (NEW.dob IS OLD.dob OR json_extract(a.detail, '$.changes.dob.to') IS NEW.dob)
      AND (NEW.leaving_date IS OLD.leaving_date OR json_extract(a.detail, '$.changes.leavingDate.to') IS NEW.leaving_date)
      AND (NEW.deletion_ground IS OLD.deletion_ground OR json_extract(a.detail, '$.changes.deletionGround.to') IS NEW.deletion_ground))
BEGIN SELECT RAISE(ABORT, 'refused: an admission date, date of birth, leaving date or deletion ground changes only through the app, which records the change in the audit log'); END;--> statement-breakpoint
CREATE TRIGGER marks_keep_facts BEFORE UPDATE ON marks
WHEN NEW.source IS NOT OLD.source OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'refused: who recorded a register mark, when and from where is never changed'); END;--> statement-breakpoint
CREATE TRIGGER marks_note_audited BEFORE UPDATE ON marks
WHEN NEW.note IS NOT OLD.note
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = (SELECT max(id) FROM audit_log)
      AND a.action = 'mark.note' AND a.entity = 'mark' AND a.entity_id = CAST(OLD.id AS TEXT)
      AND json_extract(a.detail, '$.to') IS NEW.note)
BEGIN SELECT RAISE(ABORT, 'refused: a mark''s note changes only through the app, which records the change in the audit log'); END;--> statement-breakpoint
CREATE TRIGGER registers_taken_no_update BEFORE UPDATE ON registers_taken
BEGIN SELECT RAISE(ABORT, 'refused: who took a register and when is a statutory record and is never changed'); END;--> statement-breakpoint
CREATE TRIGGER registers_taken_no_delete BEFORE DELETE ON registers_taken
BEGIN SELECT RAISE(ABORT, 'refused: who took a register and when is a statutory record and is never deleted'); END;--> statement-breakpoint
CREATE TRIGGER planned_marks_no_update BEFORE UPDATE ON planned_marks
BEGIN SELECT RAISE(ABORT, 'refused: a planned mark is replaced by its record (leave, timetable, plan), never edited'); END;--> statement-breakpoint
CREATE TRIGGER user_roles_no_update BEFORE UPDATE ON user_roles
BEGIN SELECT RAISE(ABORT, 'refused: roles change only through the accounts page, which records the change in the audit log'); END;--> statement-breakpoint
CREATE TRIGGER user_roles_delete_audited BEFORE DELETE ON user_roles
WHEN NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = (SELECT max(id) FROM audit_log)
    AND a.action = 'users.roles' AND a.entity = 'user' AND a.entity_id = CAST(OLD.user_id AS TEXT))
BEGIN SELECT RAISE(ABORT, 'refused: roles change only through the accounts page, which records the change in the audit log'); END;--> statement-breakpoint
CREATE TRIGGER user_roles_insert_audited BEFORE INSERT ON user_roles
WHEN NOT (NEW.user_id = (SELECT max(id) FROM users)
    AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'user' AND a.entity_id = CAST(NEW.user_id AS TEXT)))
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = (SELECT max(id) FROM audit_log)
    AND a.action = 'users.roles' AND a.entity = 'user' AND a.entity_id = CAST(NEW.user_id AS TEXT))
BEGIN SELECT RAISE(ABORT, 'refused: roles change only through the accounts page, which records the change in the audit log'); END;--> statement-breakpoint
CREATE TRIGGER leave_requests_decided_read_only BEFORE UPDATE ON leave_requests
WHEN EXISTS (SELECT 1 FROM leave_decisions d WHERE d.request_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'refused: a leave request is kept as it was decided: a change is a new decision'); END;
