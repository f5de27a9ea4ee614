import { createPgliteDir } from "../support/databases";
import { defineFoundationSuite } from "./foundation-suite";

defineFoundationSuite("embedded PGlite", async () => {
  delete process.env.DATABASE_URL;
  const dir = createPgliteDir();
  return { env: { PGLITE_DIR: dir.dir }, teardown: async () => dir.remove() };
});
