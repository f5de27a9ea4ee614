-- The app's database role: it reads, adds rows, and changes only what the app must change
-- (accounts and sessions, the rate limiter's counters). Run as the database owner after migrating:
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f prisma/least-privilege.sql
-- (the role itself is made once per server: CREATE ROLE market_app LOGIN PASSWORD '...').
-- Idempotent: run it again after every migration that adds a table.
DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO market_app', current_database()); END $$;
GRANT USAGE ON SCHEMA public TO market_app;
-- Data set versions: immutable, so read and add only.
GRANT SELECT, INSERT ON "Dataset", "Member", "Cube", "Figure", "Outlook", "OtherEstimate" TO market_app;
-- The activation log, the audit log and staged imports: append-only.
GRANT SELECT, INSERT ON "Activation", "AuditEvent", "Import" TO market_app;
-- Accounts (better-auth): users, sessions, passwords, verification tokens are updated and removed.
GRANT SELECT, INSERT, UPDATE, DELETE ON "auth_user", "auth_session", "auth_account", "auth_verification" TO market_app;
-- Saved scenarios: added and deleted (by their owner or an admin, audited), never changed.
GRANT SELECT, INSERT, DELETE ON "SavedScenario" TO market_app;
-- Request counters of the rate limiter: not data, they are updated and expire.
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits" TO market_app;
-- `npm start` checks for pending migrations at start: reading their log is enough when none are.
GRANT SELECT ON "_prisma_migrations" TO market_app;
-- Ids of the log tables and members.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO market_app;
-- Sealing a loaded version runs as the owner (SECURITY DEFINER); only the app may call it.
REVOKE EXECUTE ON FUNCTION "seal_dataset"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "seal_dataset"(text) TO market_app;
-- A role change with its audit event (the only way a role changes).
REVOKE EXECUTE ON FUNCTION "set_user_role"(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "set_user_role"(text, text, text) TO market_app;
