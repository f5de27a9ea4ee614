import "server-only";
import { ensureFirstAdmin } from "../auth";
import { getDb } from "../db";
import { checkVersions, type VersionCheck } from "../integrity";
import { loadDefaultDefinition } from "./default-data";
import { applyMigrations } from "./migrate";
import { seedDataset, type SeedResult } from "./seed";

export async function migrate(): Promise<string[]> {
  return applyMigrations(getDb().adapter);
}

/** Loads the default data set from prisma/data/default-dataset.csv through the importer. */
export async function seed(): Promise<SeedResult> {
  return seedDataset(getDb().prisma, loadDefaultDefinition());
}

/** The first admin from ADMIN_EMAIL / ADMIN_PASSWORD; null when unset or already there. */
export async function firstAdmin(): Promise<string | null> {
  return ensureFirstAdmin();
}

/** Every stored version against its content checksum (run by `db:setup` after seeding). */
export async function verify(): Promise<VersionCheck[]> {
  return checkVersions();
}
