import { createPgliteDir } from "../support/databases";
import { definePackedUpgradeSuite } from "./packed-upgrade-suite";

definePackedUpgradeSuite("embedded PGlite", async () => {
  delete process.env.DATABASE_URL;
  const dir = createPgliteDir();
  return { env: { PGLITE_DIR: dir.dir }, teardown: async () => dir.remove() };
});
