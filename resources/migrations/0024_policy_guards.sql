-- The attendance policy (docs/rules/policy.md). A draft may be edited or discarded; the headteacher's approval
-- is the one change that freezes it, with the document, the facts merged into it and its SHA-256. An approved
-- version is never changed or deleted: the next review is a new version. Publications are append-only.
CREATE TRIGGER policy_versions_approved_no_update BEFORE UPDATE ON policy_versions
WHEN OLD.approved_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'refused: an approved policy version is never changed; draft a new version instead'); END;--> statement-breakpoint
CREATE TRIGGER policy_versions_approved_no_delete BEFORE DELETE ON policy_versions
WHEN OLD.approved_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'refused: an approved policy version is kept; draft a new version instead'); END;--> statement-breakpoint
CREATE TRIGGER policy_versions_one_draft BEFORE INSERT ON policy_versions
WHEN EXISTS (SELECT 1 FROM policy_versions WHERE approved_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'refused: there is already a draft of the policy; edit or discard it first'); END;--> statement-breakpoint
CREATE TRIGGER policy_versions_born_draft BEFORE INSERT ON policy_versions
WHEN NEW.approved_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'refused: a policy version starts as a draft and is approved by the headteacher'); END;--> statement-breakpoint
CREATE TRIGGER policy_versions_approval_complete BEFORE UPDATE ON policy_versions
WHEN NEW.approved_at IS NOT NULL AND (NEW.approved_by IS NULL OR NEW.approved_on IS NULL OR NEW.bytes IS NULL
  OR NEW.sha256 IS NULL OR NEW.facts IS NULL OR NEW.template_sha256 IS NULL)
BEGIN SELECT RAISE(ABORT, 'refused: an approval records who approved, when, and the document as approved'); END;--> statement-breakpoint
CREATE TRIGGER policy_publications_no_update BEFORE UPDATE ON policy_publications
BEGIN SELECT RAISE(ABORT, 'refused: a publication is kept; record the new web address as a new publication'); END;--> statement-breakpoint
CREATE TRIGGER policy_publications_no_delete BEFORE DELETE ON policy_publications
BEGIN SELECT RAISE(ABORT, 'refused: a publication is kept; record the new web address as a new publication'); END;--> statement-breakpoint
CREATE TRIGGER policy_publications_approved_only BEFORE INSERT ON policy_publications
WHEN NOT EXISTS (SELECT 1 FROM policy_versions v WHERE v.id = NEW.version_id AND v.approved_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'refused: only an approved version of the policy is published'); END;
