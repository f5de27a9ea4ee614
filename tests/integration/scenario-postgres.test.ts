import { createPostgresDatabase } from "../support/databases";
import { defineScenarioSuite } from "./scenario-suite";

defineScenarioSuite("Postgres", async () => {
  const db = await createPostgresDatabase("scenario_api");
  return { env: { DATABASE_URL: db.url }, teardown: db.drop };
});
