-- A version's fitted cube is stored as one packed value (lib/market/cube/packed.ts) instead of one
-- "Fact" row per cell: a 1.3 million-cell import was 1.3 million rows, each with a 6-column key,
-- 4 indexes, 4 foreign keys and a trigger, and its commit took minutes. A cube is named by the
-- SHA-256 of its bytes (content-addressed: two versions with the same cube share one row), and a
-- version names its cube. Like every other part of a version, a cube is never changed.
CREATE TABLE "Cube" (
    "hash" TEXT NOT NULL,
    "cells" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "Cube_pkey" PRIMARY KEY ("hash"),
    CONSTRAINT "Cube_hash_matches" CHECK ("hash" = encode(sha256("bytes"), 'hex'))
);
CREATE TRIGGER "Cube_immutable" BEFORE UPDATE OR DELETE ON "Cube"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Cube_no_truncate" BEFORE TRUNCATE ON "Cube"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_dataset_change"();

ALTER TABLE "Dataset" ADD COLUMN "cubeHash" TEXT;
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_cubeHash_fkey" FOREIGN KEY ("cubeHash") REFERENCES "Cube"("hash") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Which stored versions are intact now, by the checksum they were sealed with (over their Fact
-- rows): only those are sealed again below. A version tampered with before this migration keeps its
-- old checksum, which the new content no longer matches, so it stays refused.
CREATE TEMPORARY TABLE "intact_before" ON COMMIT DROP AS
  SELECT id FROM "Dataset" WHERE "sealedAt" IS NOT NULL AND "contentChecksum" = "dataset_content_checksum"(id);

-- Each version's Fact rows packed in SQL alone: the 32-byte header, then every cell of the dense
-- grid (year, type, sector, vendor, region; members in their order) as float8 micro-units in
-- network byte order, which is float8send's output. A cell without a row is 0.
CREATE TEMPORARY TABLE "packed" ON COMMIT DROP AS
WITH dims AS (
  SELECT d.id, d."firstYear", d."lastYear",
    (SELECT count(*) FROM "Member" m WHERE m."datasetId" = d.id AND m.kind = 'modelType')::int AS nt,
    (SELECT count(*) FROM "Member" m WHERE m."datasetId" = d.id AND m.kind = 'sector')::int AS ns,
    (SELECT count(*) FROM "Member" m WHERE m."datasetId" = d.id AND m.kind = 'vendor')::int AS nv,
    (SELECT count(*) FROM "Member" m WHERE m."datasetId" = d.id AND m.kind = 'region')::int AS nr
  FROM "Dataset" d
)
SELECT dims.id,
  ("lastYear" - "firstYear" + 1) * nt * ns * nv * nr AS cells,
  '\x4d4b4331'::bytea || int4send("firstYear") || int4send("lastYear" - "firstYear" + 1)
    || int4send(nt) || int4send(ns) || int4send(nv) || int4send(nr) || '\x00000000'::bytea
    || COALESCE((
      SELECT string_agg(float8send(COALESCE(round(f.value * 1e6), 0)::float8), ''::bytea
                        ORDER BY y.year, t."sortOrder", s."sortOrder", v."sortOrder", r."sortOrder")
      FROM generate_series(dims."firstYear", dims."lastYear") AS y(year)
      CROSS JOIN "Member" t CROSS JOIN "Member" s CROSS JOIN "Member" v CROSS JOIN "Member" r
      LEFT JOIN "Fact" f ON f."datasetId" = dims.id AND f.year = y.year
        AND f."typeId" = t.id AND f."sectorId" = s.id AND f."vendorId" = v.id AND f."regionId" = r.id
      WHERE t."datasetId" = dims.id AND t.kind = 'modelType' AND s."datasetId" = dims.id AND s.kind = 'sector'
        AND v."datasetId" = dims.id AND v.kind = 'vendor' AND r."datasetId" = dims.id AND r.kind = 'region'
    ), ''::bytea) AS bytes
FROM dims;

INSERT INTO "Cube" ("hash", "cells", "bytes")
  SELECT DISTINCT ON (h) h, cells, bytes FROM (SELECT encode(sha256(bytes), 'hex') AS h, cells, bytes FROM "packed") p
  ON CONFLICT ("hash") DO NOTHING;

-- The content checksum of a version now covers its cube by the SHA-256 of the bytes as stored
-- (recomputed, not read from a column), beside the rows it covered before; the Fact rows are gone.
CREATE OR REPLACE FUNCTION "dataset_content_checksum"(ds TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n--\n',
    (SELECT ROW(d.id, d.key, d.version, d.title, d.publisher, d.edition, d.currency, d.unit, d."firstYear",
                d."historyTo", d."lastYear", d.checksum, d.notes, d.methodology::text)::text
       FROM "Dataset" d WHERE d.id = ds),
    (SELECT string_agg(ROW(m.id, m.kind, m.slug, m.name, m.description, m."group", m."useCases", m."sortOrder")::text, E'\n' ORDER BY m.id)
       FROM "Member" m WHERE m."datasetId" = ds),
    (SELECT 'cube:' || c.hash || ':' || c.cells || ':' || encode(sha256(c.bytes), 'hex')
       FROM "Dataset" d JOIN "Cube" c ON c.hash = d."cubeHash" WHERE d.id = ds),
    (SELECT string_agg(ROW(g.id, g.key, g.label, g.year, g.value, g.unit, g.basis, g.source, g.url, g."publishedOn", g.method, g.assumptions)::text, E'\n' ORDER BY g.id)
       FROM "Figure" g WHERE g."datasetId" = ds),
    (SELECT string_agg(ROW(o.id, o.publisher, o.year, o.value, o.cagr, o."cagrFrom", o."cagrTo", o.source, o.url, o."publishedOn")::text, E'\n' ORDER BY o.id)
       FROM "Outlook" o WHERE o."datasetId" = ds),
    (SELECT string_agg(ROW(e.id, e.firm, e.scope, e."baseYear", e."baseValue", e."targetYear", e."targetValue", e.cagr, e.verification,
                           e.source, e.url, e."publishedOn", e.note, e."sortOrder")::text, E'\n' ORDER BY e.id)
       FROM "OtherEstimate" e WHERE e."datasetId" = ds),
    (SELECT 'story:' || d.story::text FROM "Dataset" d WHERE d.id = ds)
  ), 'UTF8')), 'hex');
$$;

-- Existing versions name their cube and, where they were intact, are sealed again over the new
-- content (the only time a Dataset row changes after its seal; the guard is lifted for this).
ALTER TABLE "Dataset" DISABLE TRIGGER "Dataset_immutable";
UPDATE "Dataset" d SET "cubeHash" = encode(sha256(p.bytes), 'hex') FROM "packed" p WHERE p.id = d.id;
UPDATE "Dataset" d SET "contentChecksum" = "dataset_content_checksum"(d.id) FROM "intact_before" i WHERE i.id = d.id;
ALTER TABLE "Dataset" ENABLE TRIGGER "Dataset_immutable";

-- A version's cube is set with its row and never after: the row guard already refuses any other
-- change. A sealed version must name one.
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_sealed_has_cube" CHECK ("sealedAt" IS NULL OR "cubeHash" IS NOT NULL);

DROP TABLE "Fact";
