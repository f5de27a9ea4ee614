/**
 * Database commands: `migrate` brings any database up to date, `seed` loads the default data set
 * (idempotent), `setup` does both. The target is DATABASE_URL, or the embedded PGlite when unset.
 */
import { closeDb, describeDbError, getDb } from "@/lib/server/db";
import { migrate, seed } from "@/lib/server/admin/setup";

async function main(command: string | undefined) {
  if (!command || !["migrate", "seed", "setup"].includes(command)) {
    console.error("Usage: tsx scripts/db.ts migrate|seed|setup");
    process.exit(2);
  }
  const where = getDb().location;
  if (command === "migrate" || command === "setup") {
    const applied = await migrate();
    console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
  }
  if (command === "seed" || command === "setup") {
    const started = performance.now();
    const result = await seed();
    console.log(
      result.created
        ? `Seeded dataset ${result.datasetId} (${result.facts} facts) into ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s.`
        : `Dataset ${result.datasetId} is already loaded in ${where}: nothing added.`,
    );
  }
}

main(process.argv[2])
  .then(() => closeDb())
  .catch(async (error) => {
    console.error(`Error: ${describeDbError(error)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });
