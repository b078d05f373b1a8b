-- A final governor report is kept as it was produced (its document, figures and SHA-256): never changed or
-- deleted. Targets the board approved are versions: a new target is a new row, the old ones stay.
CREATE TRIGGER governor_reports_no_update BEFORE UPDATE ON governor_reports
BEGIN SELECT RAISE(ABORT, 'refused: a final governor report is kept as it was produced; produce a new one instead'); END;--> statement-breakpoint
CREATE TRIGGER governor_reports_no_delete BEFORE DELETE ON governor_reports
BEGIN SELECT RAISE(ABORT, 'refused: a final governor report is kept as it was produced; produce a new one instead'); END;--> statement-breakpoint
CREATE TRIGGER governor_targets_no_update BEFORE UPDATE ON governor_targets
BEGIN SELECT RAISE(ABORT, 'refused: an approved target is kept; record the new target instead'); END;--> statement-breakpoint
CREATE TRIGGER governor_targets_no_delete BEFORE DELETE ON governor_targets
BEGIN SELECT RAISE(ABORT, 'refused: an approved target is kept; record the new target instead'); END;
