import "server-only";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { getDb } from "../db";
import { applyMigrations } from "./migrate";
import { seedDataset, type SeedResult } from "./seed";

export async function migrate(): Promise<string[]> {
  return applyMigrations(getDb().adapter);
}

export async function seed(): Promise<SeedResult> {
  return seedDataset(getDb().prisma, defaultDataset);
}
