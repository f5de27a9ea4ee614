-- Dataset versions are immutable: a changed definition becomes a new version, and nothing that was
-- written is ever updated or deleted. The database itself enforces this, so no code path (or
-- hand-run statement) can overwrite a published figure.
CREATE OR REPLACE FUNCTION "reject_dataset_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dataset versions are immutable: % on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Dataset_immutable" BEFORE UPDATE OR DELETE ON "Dataset"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Member_immutable" BEFORE UPDATE OR DELETE ON "Member"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Fact_immutable" BEFORE UPDATE OR DELETE ON "Fact"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Figure_immutable" BEFORE UPDATE OR DELETE ON "Figure"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "Outlook_immutable" BEFORE UPDATE OR DELETE ON "Outlook"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
CREATE TRIGGER "OtherEstimate_immutable" BEFORE UPDATE OR DELETE ON "OtherEstimate"
  FOR EACH ROW EXECUTE FUNCTION "reject_dataset_change"();
