import { createPgliteDir } from "../support/databases";
import { defineImportsSuite } from "./imports-suite";

defineImportsSuite("embedded PGlite", async () => {
  delete process.env.DATABASE_URL;
  const dir = createPgliteDir();
  return { env: { PGLITE_DIR: dir.dir }, teardown: async () => dir.remove() };
});
