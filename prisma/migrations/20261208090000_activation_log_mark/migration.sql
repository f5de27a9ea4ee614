-- Every instance learns of an activation on its next request by comparing the activation log's
-- newest id with the one its list of versions was read at (lib/server/queries.ts), so the log's ids
-- must follow commit order: otherwise a long load could commit an older id after a newer one was
-- seen, and no instance would notice it. Each insert takes a transaction-scoped lock first and only
-- then its id, and holds the lock until it commits: ids are handed out, and become visible, in
-- order. Activations are rare; one waits at most for another's commit.
CREATE OR REPLACE FUNCTION "activation_in_commit_order"() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('market_activation_log'));
  NEW.id := nextval(pg_get_serial_sequence('"Activation"', 'id'));
  RETURN NEW;
END $$;

CREATE TRIGGER "Activation_commit_order" BEFORE INSERT ON "Activation"
  FOR EACH ROW EXECUTE FUNCTION "activation_in_commit_order"();

-- The announcements of version changes on LISTEN/NOTIFY are no longer listened to: the log's id,
-- read on every request, replaces them.
DROP TRIGGER IF EXISTS "Activation_notify" ON "Activation";
DROP TRIGGER IF EXISTS "Dataset_notify" ON "Dataset";
DROP FUNCTION IF EXISTS "notify_market_versions"();
