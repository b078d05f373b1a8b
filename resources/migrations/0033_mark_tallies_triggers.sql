-- The weekly tallies of present slashes (docs/performance.md, "Figures from tallies"), kept by triggers on marks so
-- they change in the same statement, and so the same transaction, as every mark written or amended, whatever
-- path wrote it. `week` is the Monday of the mark's date. A tally that falls to 0 is removed.
INSERT INTO mark_tallies (pupil_id, week, slashes)
SELECT pupil_id, date(date, '-6 days', 'weekday 1'), count(*) FROM marks WHERE code IN ('/', '\')
GROUP BY pupil_id, date(date, '-6 days', 'weekday 1');--> statement-breakpoint
CREATE TRIGGER marks_tally_insert AFTER INSERT ON marks WHEN NEW.code IN ('/', '\')
BEGIN
  INSERT INTO mark_tallies (pupil_id, week, slashes) VALUES (NEW.pupil_id, date(NEW.date, '-6 days', 'weekday 1'), 1)
  ON CONFLICT (pupil_id, week) DO UPDATE SET slashes = slashes + 1;
END;--> statement-breakpoint
CREATE TRIGGER marks_tally_update AFTER UPDATE OF pupil_id, date, code ON marks
WHEN OLD.code IN ('/', '\') OR NEW.code IN ('/', '\')
BEGIN
  UPDATE mark_tallies SET slashes = slashes - 1
  WHERE OLD.code IN ('/', '\') AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1');
  DELETE FROM mark_tallies
  WHERE slashes = 0 AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1');
  INSERT INTO mark_tallies (pupil_id, week, slashes)
  SELECT NEW.pupil_id, date(NEW.date, '-6 days', 'weekday 1'), 1 WHERE NEW.code IN ('/', '\')
  ON CONFLICT (pupil_id, week) DO UPDATE SET slashes = slashes + 1;
END;--> statement-breakpoint
CREATE TRIGGER marks_tally_delete AFTER DELETE ON marks WHEN OLD.code IN ('/', '\')
BEGIN
  UPDATE mark_tallies SET slashes = slashes - 1
  WHERE pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1');
  DELETE FROM mark_tallies
  WHERE slashes = 0 AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1');
END;--> statement-breakpoint
-- Every mark but the present slashes, for the figures' one read of the marks that are not tallied.
CREATE INDEX marks_other_idx ON marks (pupil_id, date, session, code, minutes_late) WHERE code NOT IN ('/', '\');
