-- Every app instance keeps the list of versions and the active one in memory. A new activation
-- (activate, import commit, rollback, seed) or a newly sealed version is announced on the channel
-- "market_versions" when its transaction commits, so each instance listening (LISTEN, on its own
-- connection to the primary) forgets its list at once. The payload is the activation's id, or 0
-- for a seal.
CREATE OR REPLACE FUNCTION "notify_market_versions"() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'Activation' THEN
    PERFORM pg_notify('market_versions', NEW.id::text);
  ELSIF OLD."sealedAt" IS NULL AND NEW."sealedAt" IS NOT NULL THEN
    PERFORM pg_notify('market_versions', '0');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Activation_notify" AFTER INSERT ON "Activation"
  FOR EACH ROW EXECUTE FUNCTION "notify_market_versions"();
CREATE TRIGGER "Dataset_notify" AFTER UPDATE ON "Dataset"
  FOR EACH ROW EXECUTE FUNCTION "notify_market_versions"();
