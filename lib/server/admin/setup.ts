import "server-only";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { getDb } from "../db";
import { checkVersions, type VersionCheck } from "../integrity";
import { applyMigrations } from "./migrate";
import { seedDataset, type SeedResult } from "./seed";

export async function migrate(): Promise<string[]> {
  return applyMigrations(getDb().adapter);
}

export async function seed(): Promise<SeedResult> {
  return seedDataset(getDb().prisma, defaultDataset);
}

/** Every stored version against its content checksum (run by `db:setup` after seeding). */
export async function verify(): Promise<VersionCheck[]> {
  return checkVersions();
}
