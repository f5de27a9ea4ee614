import { createPostgresDatabase } from "../support/databases";
import { defineImportsSuite } from "./imports-suite";

defineImportsSuite("Postgres", async () => {
  const db = await createPostgresDatabase("i11_imports");
  return { env: { DATABASE_URL: db.url }, teardown: db.drop };
});
