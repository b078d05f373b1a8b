-- A self-audit run keeps its evidence as it was measured, and the lead's confirmations are append-only (the newest
-- per item counts); an action may only be marked done, once; exports are a log (docs/rules/self-audit.md).
CREATE TRIGGER selfaudit_audits_no_update BEFORE UPDATE ON selfaudit_audits
BEGIN SELECT RAISE(ABORT, 'refused: a self-audit run is kept as it was run; run the audit again instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_audits_no_delete BEFORE DELETE ON selfaudit_audits
BEGIN SELECT RAISE(ABORT, 'refused: a self-audit run is kept as it was run; run the audit again instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_items_no_update BEFORE UPDATE ON selfaudit_items
BEGIN SELECT RAISE(ABORT, 'refused: the evidence of a self-audit is kept as it was measured'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_items_no_delete BEFORE DELETE ON selfaudit_items
BEGIN SELECT RAISE(ABORT, 'refused: the evidence of a self-audit is kept as it was measured'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_reviews_no_update BEFORE UPDATE ON selfaudit_reviews
BEGIN SELECT RAISE(ABORT, 'refused: a confirmed status is kept; record a new one with its note instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_reviews_no_delete BEFORE DELETE ON selfaudit_reviews
BEGIN SELECT RAISE(ABORT, 'refused: a confirmed status is kept; record a new one with its note instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_actions_only_done BEFORE UPDATE ON selfaudit_actions
WHEN OLD.status <> 'open' OR NEW.status <> 'done' OR NEW.done_on IS NULL OR NEW.what <> OLD.what OR NEW.owner <> OLD.owner
  OR NEW.due_on <> OLD.due_on OR NEW.audit_id <> OLD.audit_id OR NEW.item_id <> OLD.item_id
BEGIN SELECT RAISE(ABORT, 'refused: an action is only ever marked done, once; add a new action instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_actions_no_delete BEFORE DELETE ON selfaudit_actions
BEGIN SELECT RAISE(ABORT, 'refused: an action is kept; mark it done instead'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_exports_no_update BEFORE UPDATE ON selfaudit_exports
BEGIN SELECT RAISE(ABORT, 'refused: the export log is kept as written'); END;--> statement-breakpoint
CREATE TRIGGER selfaudit_exports_no_delete BEFORE DELETE ON selfaudit_exports
BEGIN SELECT RAISE(ABORT, 'refused: the export log is kept as written'); END;
