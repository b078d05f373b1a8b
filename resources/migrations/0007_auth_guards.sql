-- Accounts: usernames unique whatever their case; accounts and sign-in sessions are never deleted (the audit log
-- and statutory records name who did what), and a session's token and account never change.
CREATE UNIQUE INDEX `users_username_nocase_uq` ON `users` (lower(`username`));--> statement-breakpoint
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'accounts are append-only: disable an account instead of deleting it'); END;--> statement-breakpoint
CREATE TRIGGER auth_sessions_no_delete BEFORE DELETE ON auth_sessions
BEGIN SELECT RAISE(ABORT, 'sign-in sessions are append-only'); END;--> statement-breakpoint
CREATE TRIGGER auth_sessions_guard_update BEFORE UPDATE ON auth_sessions
WHEN NEW.token_hash IS NOT OLD.token_hash OR NEW.user_id IS NOT OLD.user_id OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.ended_at IS NOT NULL AND (NEW.ended_at IS NOT OLD.ended_at OR NEW.end_reason IS NOT OLD.end_reason))
BEGIN SELECT RAISE(ABORT, 'sign-in sessions are append-only: an ended session stays ended'); END;--> statement-breakpoint
INSERT INTO auth_settings (id, idle_lock_minutes, max_failures, lockout_minutes, updated_at) VALUES (1, 10, 5, 15, '1970-01-01T00:00:00.000Z');
