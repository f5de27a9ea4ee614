-- The activation log, the audit log and staged imports already refuse UPDATE and DELETE row by row;
-- TRUNCATE skips row triggers, so a statement-level trigger refuses it too (also when cascaded to).
-- The accounts table cannot be emptied either.
CREATE OR REPLACE FUNCTION "reject_truncate"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Activation_no_truncate" BEFORE TRUNCATE ON "Activation"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_truncate"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_truncate"();
CREATE TRIGGER "Import_no_truncate" BEFORE TRUNCATE ON "Import"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_truncate"();
CREATE TRIGGER "auth_user_no_truncate" BEFORE TRUNCATE ON "auth_user"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_truncate"();

-- A user's role changes only together with its audit event: the UPDATE is refused unless the same
-- transaction appended a 'user.role' event naming the user and the new role. So no role can be
-- changed (by the app or by hand as the owner) without a trace in the append-only audit log.
CREATE OR REPLACE FUNCTION "guard_user_role"() RETURNS trigger AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role AND NOT EXISTS (
    SELECT 1 FROM "AuditEvent" a
     WHERE a.xmin = pg_current_xact_id()::xid
       AND a.action = 'user.role' AND a.target = NEW.id AND a.detail->>'to' IS NOT DISTINCT FROM NEW.role
  ) THEN
    RAISE EXCEPTION 'the role of user % changes only through set_user_role(), which records it in the audit log', NEW.id;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'the id of user % cannot change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "auth_user_role_audited" BEFORE UPDATE ON "auth_user"
  FOR EACH ROW EXECUTE FUNCTION "guard_user_role"();

-- The sanctioned way to change a role: the audit event and the change in one statement. It runs
-- with the caller's rights (the app role may insert events and update users); see README.
CREATE OR REPLACE FUNCTION "set_user_role"(uid TEXT, new_role TEXT, by_actor TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  old_role TEXT;
BEGIN
  SELECT role INTO old_role FROM "auth_user" WHERE id = uid FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % does not exist', uid;
  END IF;
  INSERT INTO "AuditEvent" (action, actor, target, detail)
    VALUES ('user.role', by_actor, uid, jsonb_build_object('from', old_role, 'to', new_role));
  UPDATE "auth_user" SET role = new_role, "updatedAt" = now() WHERE id = uid;
  RETURN old_role;
END;
$$;
