-- Casework is an evidence trail (docs/rules/casework.md): nothing is deleted. A barrier is resolved, an action is
-- cancelled with a reason, a plan changes by a new version (the old ones stay) and a closed plan is read-only.
CREATE TRIGGER casework_barriers_no_delete BEFORE DELETE ON casework_barriers
BEGIN SELECT RAISE(ABORT, 'refused: a barrier is kept on record: mark it resolved instead'); END;--> statement-breakpoint
CREATE TRIGGER casework_barriers_keep_facts BEFORE UPDATE ON casework_barriers
WHEN NEW.pupil_id <> OLD.pupil_id OR NEW.recorded_by <> OLD.recorded_by OR NEW.recorded_at <> OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'refused: who recorded a barrier, when, and for which pupil cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER casework_meetings_no_update BEFORE UPDATE ON casework_meetings
BEGIN SELECT RAISE(ABORT, 'refused: a meeting record is append-only: record a further meeting or review'); END;--> statement-breakpoint
CREATE TRIGGER casework_meetings_no_delete BEFORE DELETE ON casework_meetings
BEGIN SELECT RAISE(ABORT, 'refused: a meeting record is append-only: record a further meeting or review'); END;--> statement-breakpoint
CREATE TRIGGER casework_meeting_barriers_no_delete BEFORE DELETE ON casework_meeting_barriers
BEGIN SELECT RAISE(ABORT, 'refused: the barriers found at a meeting are kept'); END;--> statement-breakpoint
CREATE TRIGGER casework_actions_no_delete BEFORE DELETE ON casework_actions
BEGIN SELECT RAISE(ABORT, 'refused: an action is kept on record: cancel it with a reason instead'); END;--> statement-breakpoint
CREATE TRIGGER casework_actions_keep_facts BEFORE UPDATE ON casework_actions
WHEN NEW.pupil_id <> OLD.pupil_id OR NEW.what <> OLD.what OR NEW.recorded_by <> OLD.recorded_by OR NEW.recorded_at <> OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'refused: what was agreed, for whom and by whom cannot be rewritten: add a new action'); END;--> statement-breakpoint
CREATE TRIGGER casework_actions_cancel_reason BEFORE UPDATE ON casework_actions
WHEN NEW.status = 'cancelled' AND (NEW.status_note IS NULL OR trim(NEW.status_note) = '')
BEGIN SELECT RAISE(ABORT, 'refused: an action is cancelled only with a reason'); END;--> statement-breakpoint
CREATE TRIGGER casework_referrals_no_delete BEFORE DELETE ON casework_referrals
BEGIN SELECT RAISE(ABORT, 'refused: a referral is kept on record'); END;--> statement-breakpoint
CREATE TRIGGER casework_la_joint_no_update BEFORE UPDATE ON casework_la_joint
BEGIN SELECT RAISE(ABORT, 'refused: a joint approach record is append-only: record the new agreement'); END;--> statement-breakpoint
CREATE TRIGGER casework_la_joint_no_delete BEFORE DELETE ON casework_la_joint
BEGIN SELECT RAISE(ABORT, 'refused: a joint approach record is append-only: record the new agreement'); END;--> statement-breakpoint
CREATE TRIGGER casework_plans_no_delete BEFORE DELETE ON casework_plans
BEGIN SELECT RAISE(ABORT, 'refused: a reintegration plan is kept on record'); END;--> statement-breakpoint
CREATE TRIGGER casework_plans_closed_read_only BEFORE UPDATE ON casework_plans
WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'refused: a closed reintegration plan is read-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plans_version_path BEFORE UPDATE ON casework_plans
WHEN NEW.current_version <> OLD.current_version AND NOT EXISTS (SELECT 1 FROM casework_plan_versions v WHERE v.plan_id = NEW.id AND v.version = NEW.current_version)
BEGIN SELECT RAISE(ABORT, 'refused: a plan moves to a new version only once that version is written'); END;--> statement-breakpoint
CREATE TRIGGER casework_plans_close_outcome BEFORE UPDATE ON casework_plans
WHEN NEW.status = 'closed' AND (NEW.outcome IS NULL OR NEW.outcome_on IS NULL)
BEGIN SELECT RAISE(ABORT, 'refused: a plan is closed with its outcome and date'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_versions_no_update BEFORE UPDATE ON casework_plan_versions
BEGIN SELECT RAISE(ABORT, 'refused: plan versions are append-only: a change is a new version'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_versions_no_delete BEFORE DELETE ON casework_plan_versions
BEGIN SELECT RAISE(ABORT, 'refused: plan versions are append-only: a change is a new version'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_versions_open_plan BEFORE INSERT ON casework_plan_versions
WHEN EXISTS (SELECT 1 FROM casework_plans p WHERE p.id = NEW.plan_id AND p.status = 'closed')
BEGIN SELECT RAISE(ABORT, 'refused: a closed reintegration plan is read-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_versions_next BEFORE INSERT ON casework_plan_versions
WHEN NEW.version <> 1 + coalesce((SELECT max(version) FROM casework_plan_versions v WHERE v.plan_id = NEW.plan_id), 0)
BEGIN SELECT RAISE(ABORT, 'refused: plan versions are numbered in order'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_reviews_no_update BEFORE UPDATE ON casework_plan_reviews
BEGIN SELECT RAISE(ABORT, 'refused: plan reviews are append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_reviews_no_delete BEFORE DELETE ON casework_plan_reviews
BEGIN SELECT RAISE(ABORT, 'refused: plan reviews are append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_reviews_open_plan BEFORE INSERT ON casework_plan_reviews
WHEN EXISTS (SELECT 1 FROM casework_plans p WHERE p.id = NEW.plan_id AND p.status = 'closed')
BEGIN SELECT RAISE(ABORT, 'refused: a closed reintegration plan is read-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_checkins_no_update BEFORE UPDATE ON casework_checkins
BEGIN SELECT RAISE(ABORT, 'refused: check-ins are append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_checkins_no_delete BEFORE DELETE ON casework_checkins
BEGIN SELECT RAISE(ABORT, 'refused: check-ins are append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_exports_no_update BEFORE UPDATE ON casework_plan_exports
BEGIN SELECT RAISE(ABORT, 'refused: the plan export log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_plan_exports_no_delete BEFORE DELETE ON casework_plan_exports
BEGIN SELECT RAISE(ABORT, 'refused: the plan export log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER casework_categories_no_delete BEFORE DELETE ON casework_barrier_categories
BEGIN SELECT RAISE(ABORT, 'refused: a barrier category in use is kept'); END;
