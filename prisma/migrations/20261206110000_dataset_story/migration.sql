-- The report's argument (drivers, trends, use cases, player groups) is stored with each version,
-- in the Dataset row itself: it is written once with the row, and the row's guard already refuses
-- any change to it after the insert (only sealing may touch a Dataset row).
ALTER TABLE "Dataset" ADD COLUMN "story" JSONB;

-- The story is part of the sealed content: the checksum covers it, so a story edited behind the
-- triggers' back fails the integrity check like an edited figure. It is appended as one more
-- element, and concat_ws skips a NULL one: versions without a story (every version sealed before
-- this migration) keep exactly the checksum they were sealed with. The 'story:' prefix keeps it
-- apart from the other elements.
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
       FROM "OtherEstimate" e WHERE e."datasetId" = ds),
    (SELECT 'story:' || d.story::text FROM "Dataset" d WHERE d.id = ds)
  ), 'UTF8')), 'hex');
$$;
