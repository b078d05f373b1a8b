-- Two partial indexes in place of marks_other_idx (docs/performance.md, "Figures from tallies"). The figures need
-- the dates of the marks of the codes that are unauthorised in some era of the code table (G N O U: penalty
-- windows, unauthorised runs, overdue Ns), read in pupil, date and session order; every other mark but the
-- slashes only adds to the counts, and is counted per pupil and code in index order, without a sort. The lists
-- are those of shared/statistics.ts (DATED_CODES): a query that names another list cannot use these indexes, and
-- its INDEXED BY fails loudly.
DROP INDEX marks_other_idx;--> statement-breakpoint
CREATE INDEX marks_dated_idx ON marks (pupil_id, date, session, code, minutes_late) WHERE code IN ('G', 'N', 'O', 'U');--> statement-breakpoint
CREATE INDEX marks_counted_idx ON marks (pupil_id, code, date, minutes_late) WHERE code NOT IN ('/', '\', 'G', 'N', 'O', 'U');
