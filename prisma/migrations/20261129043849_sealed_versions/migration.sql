-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "contentChecksum" TEXT,
ADD COLUMN     "sealedAt" TIMESTAMP(3);

-- A content checksum of one version: SHA-256 over every stored row of it, in a fixed order
-- (row text shows NULL apart from ''; floats print exactly). Tampering by anyone who can bypass
-- the triggers (the owner) changes it.
CREATE OR REPLACE FUNCTION "dataset_content_checksum"(ds TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n--\n',
    (SELECT ROW(d.id, d.key, d.version, d.title, d.publisher, d.edition, d.currency, d.unit, d."firstYear",
                d."historyTo", d."lastYear", d.checksum, d.notes, d.methodology::text)::text
       FROM "Dataset" d WHERE d.id = ds),
    (SELECT string_agg(ROW(m.id, m.kind, m.slug, m.name, m.description, m."group", m."useCases", m."sortOrder")::text, E'\n' ORDER BY m.id)
       FROM "Member" m WHERE m."datasetId" = ds),
    (SELECT string_agg(ROW(f.year, f."typeId", f."sectorId", f."vendorId", f."regionId", f.value, f.basis)::text, E'\n'
                       ORDER BY f.year, f."typeId", f."sectorId", f."vendorId", f."regionId")
       FROM "Fact" f WHERE f."datasetId" = ds),
    (SELECT string_agg(ROW(g.id, g.key, g.label, g.year, g.value, g.unit, g.basis, g.source, g.url, g."publishedOn", g.method, g.assumptions)::text, E'\n' ORDER BY g.id)
       FROM "Figure" g WHERE g."datasetId" = ds),
    (SELECT string_agg(ROW(o.id, o.publisher, o.year, o.value, o.cagr, o."cagrFrom", o."cagrTo", o.source, o.url, o."publishedOn")::text, E'\n' ORDER BY o.id)
       FROM "Outlook" o WHERE o."datasetId" = ds),
    (SELECT string_agg(ROW(e.id, e.firm, e.scope, e."baseYear", e."baseValue", e."targetYear", e."targetValue", e.cagr, e.verification,
                           e.source, e.url, e."publishedOn", e.note, e."sortOrder")::text, E'\n' ORDER BY e.id)
       FROM "OtherEstimate" e WHERE e."datasetId" = ds)
  ), 'UTF8')), 'hex');
$$;

-- The only change a Dataset row ever takes: sealing it (sealedAt and contentChecksum from NULL).
CREATE OR REPLACE FUNCTION "guard_dataset_row"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."sealedAt" IS NULL AND NEW."sealedAt" IS NOT NULL AND NEW."contentChecksum" IS NOT NULL
     AND (to_jsonb(OLD) - 'sealedAt' - 'contentChecksum') = (to_jsonb(NEW) - 'sealedAt' - 'contentChecksum') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'dataset versions are immutable: % on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

-- Versions stored before sealing existed were complete when their load committed: seal them now.
DROP TRIGGER "Dataset_immutable" ON "Dataset";
UPDATE "Dataset" SET "sealedAt" = "createdAt", "contentChecksum" = "dataset_content_checksum"(id);
CREATE TRIGGER "Dataset_immutable" BEFORE UPDATE OR DELETE ON "Dataset"
  FOR EACH ROW EXECUTE FUNCTION "guard_dataset_row"();

-- Seals a version as the last statement of its load: from then on it takes no more rows. SECURITY
-- DEFINER, so an app role with SELECT + INSERT only (see README) can seal what it loaded.
CREATE OR REPLACE FUNCTION "seal_dataset"(ds TEXT) RETURNS TEXT LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  sum TEXT := "dataset_content_checksum"(ds);
BEGIN
  UPDATE "Dataset" SET "sealedAt" = now(), "contentChecksum" = sum WHERE id = ds AND "sealedAt" IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'dataset version % does not exist or is already sealed', ds;
  END IF;
  RETURN sum;
END;
$$;

-- Rows added to a sealed version are refused (one check per statement, over the inserted rows).
CREATE OR REPLACE FUNCTION "reject_insert_into_sealed"() RETURNS trigger AS $$
DECLARE
  sealed TEXT;
BEGIN
  SELECT d.id INTO sealed FROM new_rows n JOIN "Dataset" d ON d.id = n."datasetId" WHERE d."sealedAt" IS NOT NULL LIMIT 1;
  IF sealed IS NOT NULL THEN
    RAISE EXCEPTION 'dataset version % is sealed: INSERT into "%" is not allowed', sealed, TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Member_sealed" AFTER INSERT ON "Member" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_insert_into_sealed"();
CREATE TRIGGER "Fact_sealed" AFTER INSERT ON "Fact" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_insert_into_sealed"();
CREATE TRIGGER "Figure_sealed" AFTER INSERT ON "Figure" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_insert_into_sealed"();
CREATE TRIGGER "Outlook_sealed" AFTER INSERT ON "Outlook" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_insert_into_sealed"();
CREATE TRIGGER "OtherEstimate_sealed" AFTER INSERT ON "OtherEstimate" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_insert_into_sealed"();

-- TRUNCATE skips row triggers; a statement-level trigger refuses it (also when cascaded to).
CREATE TRIGGER "Dataset_no_truncate" BEFORE TRUNCATE ON "Dataset"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Member_no_truncate" BEFORE TRUNCATE ON "Member"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Fact_no_truncate" BEFORE TRUNCATE ON "Fact"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Figure_no_truncate" BEFORE TRUNCATE ON "Figure"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Outlook_no_truncate" BEFORE TRUNCATE ON "Outlook"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "OtherEstimate_no_truncate" BEFORE TRUNCATE ON "OtherEstimate"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();
