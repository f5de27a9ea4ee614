-- Instances no longer listen for version changes: every request compares the activation log's
-- mark (its count and newest id) with the one its list was read at (lib/server/queries.ts), so an
-- activation is seen by the next request on every instance without an announcement.
DROP TRIGGER IF EXISTS "Activation_notify" ON "Activation";
DROP TRIGGER IF EXISTS "Dataset_notify" ON "Dataset";
DROP FUNCTION IF EXISTS "notify_market_versions"();
