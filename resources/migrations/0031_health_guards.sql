-- Health and SEND records are append-only (docs/rules/arrangements.md, "Health and SEND"): a change is a new row.
CREATE TRIGGER health_plans_no_update BEFORE UPDATE ON health_plans
BEGIN SELECT RAISE(ABORT, 'refused: health plans are append-only: record the change as a new version'); END;--> statement-breakpoint
CREATE TRIGGER health_plans_no_delete BEFORE DELETE ON health_plans
BEGIN SELECT RAISE(ABORT, 'refused: health plans are append-only: record the change as a new version'); END;--> statement-breakpoint
CREATE TRIGGER health_adjustments_no_update BEFORE UPDATE ON health_adjustments
BEGIN SELECT RAISE(ABORT, 'refused: agreed adjustments are append-only'); END;--> statement-breakpoint
CREATE TRIGGER health_adjustments_no_delete BEFORE DELETE ON health_adjustments
BEGIN SELECT RAISE(ABORT, 'refused: agreed adjustments are append-only'); END;--> statement-breakpoint
CREATE TRIGGER sickness_returns_no_update BEFORE UPDATE ON sickness_returns
BEGIN SELECT RAISE(ABORT, 'refused: the sickness-return log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER sickness_returns_no_delete BEFORE DELETE ON sickness_returns
BEGIN SELECT RAISE(ABORT, 'refused: the sickness-return log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER pupil_professionals_no_update BEFORE UPDATE ON pupil_professionals
BEGIN SELECT RAISE(ABORT, 'refused: professionals are append-only: record the change as a new entry'); END;--> statement-breakpoint
CREATE TRIGGER pupil_professionals_no_delete BEFORE DELETE ON pupil_professionals
BEGIN SELECT RAISE(ABORT, 'refused: professionals are append-only: record the change as a new entry'); END;--> statement-breakpoint
CREATE TRIGGER professional_notices_no_update BEFORE UPDATE ON professional_notices
BEGIN SELECT RAISE(ABORT, 'refused: the notification log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER professional_notices_no_delete BEFORE DELETE ON professional_notices
BEGIN SELECT RAISE(ABORT, 'refused: the notification log is append-only'); END;
