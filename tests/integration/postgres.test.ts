import { createPostgresDatabase } from "../support/databases";
import { defineFoundationSuite } from "./foundation-suite";

defineFoundationSuite("Postgres", async () => {
  const db = await createPostgresDatabase();
  return { env: { DATABASE_URL: db.url }, teardown: db.drop };
});
