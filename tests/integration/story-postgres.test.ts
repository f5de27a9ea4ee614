import { createPostgresDatabase } from "../support/databases";
import { defineStorySuite } from "./story-suite";

defineStorySuite("Postgres", async () => {
  const db = await createPostgresDatabase("story_api");
  return { env: { DATABASE_URL: db.url }, teardown: db.drop };
});
