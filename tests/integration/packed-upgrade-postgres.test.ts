import { createPostgresDatabase } from "../support/databases";
import { definePackedUpgradeSuite } from "./packed-upgrade-suite";

definePackedUpgradeSuite("Postgres", async () => {
  const db = await createPostgresDatabase();
  return { env: { DATABASE_URL: db.url }, teardown: db.drop };
});
