-- The weekly tallies of every other code (docs/performance.md, "Figures from tallies"): for each pupil, school week
-- (its Monday) and code other than the present slashes, how many marks and how many minutes late. Kept by
-- triggers on marks, like mark_tallies, in the same statement as every mark written, amended or deleted, whatever
-- path wrote it. A tally that falls to no marks is removed.
INSERT INTO mark_code_tallies (pupil_id, week, code, sessions, minutes_late)
SELECT pupil_id, date(date, '-6 days', 'weekday 1'), code, count(*), coalesce(sum(minutes_late), 0) FROM marks
WHERE code NOT IN ('/', '\') GROUP BY pupil_id, date(date, '-6 days', 'weekday 1'), code;--> statement-breakpoint
CREATE TRIGGER marks_code_tally_insert AFTER INSERT ON marks WHEN NEW.code NOT IN ('/', '\')
BEGIN
  INSERT INTO mark_code_tallies (pupil_id, week, code, sessions, minutes_late)
  VALUES (NEW.pupil_id, date(NEW.date, '-6 days', 'weekday 1'), NEW.code, 1, coalesce(NEW.minutes_late, 0))
  ON CONFLICT (pupil_id, week, code) DO UPDATE SET sessions = sessions + 1, minutes_late = minutes_late + excluded.minutes_late;
END;--> statement-breakpoint
CREATE TRIGGER marks_code_tally_update AFTER UPDATE OF pupil_id, date, code, minutes_late ON marks
WHEN OLD.code NOT IN ('/', '\') OR NEW.code NOT IN ('/', '\')
BEGIN
  UPDATE mark_code_tallies SET sessions = sessions - 1, minutes_late = minutes_late - coalesce(OLD.minutes_late, 0)
  WHERE OLD.code NOT IN ('/', '\') AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1')
    AND code = OLD.code;
  DELETE FROM mark_code_tallies
  WHERE sessions = 0 AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1') AND code = OLD.code;
  INSERT INTO mark_code_tallies (pupil_id, week, code, sessions, minutes_late)
  SELECT NEW.pupil_id, date(NEW.date, '-6 days', 'weekday 1'), NEW.code, 1, coalesce(NEW.minutes_late, 0)
  WHERE NEW.code NOT IN ('/', '\')
  ON CONFLICT (pupil_id, week, code) DO UPDATE SET sessions = sessions + 1, minutes_late = minutes_late + excluded.minutes_late;
END;--> statement-breakpoint
CREATE TRIGGER marks_code_tally_delete AFTER DELETE ON marks WHEN OLD.code NOT IN ('/', '\')
BEGIN
  UPDATE mark_code_tallies SET sessions = sessions - 1, minutes_late = minutes_late - coalesce(OLD.minutes_late, 0)
  WHERE pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1') AND code = OLD.code;
  DELETE FROM mark_code_tallies
  WHERE sessions = 0 AND pupil_id = OLD.pupil_id AND week = date(OLD.date, '-6 days', 'weekday 1') AND code = OLD.code;
END;
