import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { DIMENSIONS } from "@/lib/market/types";
import { applyImport } from "@/lib/import/apply";
import { parseCsv } from "@/lib/import/csv";
import type { DatasetTables } from "@/lib/import/types";
import { validateImport } from "@/lib/import/validate";
import { readStory } from "@/lib/market/story/validate";
import { defaultProfile } from "@/prisma/data/default-dataset";

/** The default data set's figures, in the import format. */
export const DEFAULT_DATASET_CSV = path.join("prisma", "data", "default-dataset.csv");
/** The default data set's story (drivers, trends, use cases, player groups), in the story file format. */
export const DEFAULT_STORY_JSON = path.join("prisma", "data", "story.json");

/** An empty version of a profile: its members and years, no figures. */
export function profileTables(def: DatasetDefinition): DatasetTables {
  return {
    meta: { title: def.title, publisher: def.publisher, edition: def.edition, unit: def.unit, currency: def.currency },
    firstYear: def.firstYear,
    lastYear: def.lastYear,
    historyTo: def.historyTo,
    members: Object.fromEntries(
      DIMENSIONS.map((d) => [d, def.members[d].map(({ slug, name }) => ({ slug, name }))]),
    ) as DatasetTables["members"],
    values: new Map(),
  };
}

/**
 * The default data set as loaded by setup: its figures (totals and the breakdowns' anchor years)
 * read from the CSV through the importer, on its profile (members, methods, sources, notes).
 */
export function loadDefaultDefinition(root = process.cwd()): DatasetDefinition {
  const bytes = fs.readFileSync(path.join(root, DEFAULT_DATASET_CSV));
  const parsed = parseCsv(new Uint8Array(bytes));
  const checked = validateImport(parsed, profileTables(defaultProfile), { newDataset: false });
  if (!checked.ok) {
    const first = checked.errors.slice(0, 5).map((e) => `row ${e.row} ${e.column}: ${e.message}`);
    throw new Error(`${DEFAULT_DATASET_CSV} is not valid: ${first.join("; ")}`);
  }
  // The profile's own numbers are dropped: every figure must come from the file.
  const profile = {
    ...defaultProfile,
    totals: defaultProfile.totals.map((t) => ({ ...t, value: Number.NaN })),
    marginals: defaultProfile.marginals.map((m) => ({ ...m, anchors: [] })),
  };
  const def = applyImport(profile, null, checked.value, {
    key: defaultProfile.key,
    fileName: "default-dataset.csv",
    newDataset: false,
  });
  const members = DIMENSIONS.flatMap((dimension) => def.members[dimension].map(({ slug }) => ({ dimension, slug })));
  const story = readStory(new Uint8Array(fs.readFileSync(path.join(root, DEFAULT_STORY_JSON))), members);
  if (!story.ok) {
    const first = story.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    throw new Error(`${DEFAULT_STORY_JSON} is not valid: ${first.join("; ")}`);
  }
  return { ...def, story: story.value };
}
