/**
 * Database commands: `migrate` brings any database up to date, `seed` loads the default data set
 * (idempotent), `setup` does both. The target is DATABASE_URL, or the embedded PGlite when unset.
 */
import { closeDb, describeDbError, getDb } from "@/lib/server/db";
import { firstAdmin, migrate, seed, verify } from "@/lib/server/admin/setup";

async function main(command: string | undefined) {
  if (!command || !["migrate", "seed", "setup"].includes(command)) {
    console.error("Usage: tsx scripts/db.ts migrate|seed|setup");
    process.exit(2);
  }
  const where = getDb().location;
  if (command === "migrate" || command === "setup") {
    const applied = await migrate();
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where} is up to date.`,
    );
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
  if (command === "setup") {
    // Tampered versions are reported here and never served; setup still succeeds so the intact ones are.
    const checks = await verify();
    const bad = checks.filter((c) => !c.sealed || !c.intact);
    if (bad.length === 0)
      console.log(`Verified ${checks.length} dataset version(s): content matches the checksum sealed at load.`);
    for (const c of bad)
      console.error(
        c.sealed
          ? `WARNING: dataset ${c.id} does not match its sealed checksum: it will not be served.`
          : `WARNING: dataset ${c.id} is not sealed (its load never completed): it will not be served.`,
      );
    const admin = await firstAdmin();
    if (admin) console.log(`Created the first admin, ${admin} (from ADMIN_EMAIL and ADMIN_PASSWORD).`);
  }
}

main(process.argv[2])
  .then(() => closeDb())
  .catch(async (error) => {
    console.error(`Error: ${describeDbError(error)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });
