import "server-only";
import { randomUUID } from "node:crypto";
import { applyImport } from "@/lib/import/apply";
import { parseCsv } from "@/lib/import/csv";
import { formatCount, IMPORT_LIMITS } from "@/lib/import/limits";
import { changesFigures, previewImport } from "@/lib/import/diff";
import { readExportedMeta } from "@/lib/import/export";
import { slugify } from "@/lib/import/slug";
import { mapMemberName, projectDefinition, type MemberMapping } from "@/lib/import/safeguards";
import type { DatasetTables, ImportError, Preview, Removal, Suggestion, VersionListing } from "@/lib/import/types";
import type { Story } from "@/lib/market/story/types";
import { validateImport } from "@/lib/import/validate";
import { parseXlsx } from "@/lib/import/xlsx";
import { checkImportStory, storyChanges } from "./import-story";
import { audit } from "./audit";
import { getDatasetTables, getDefinition } from "./dataset-tables";
import { getDb } from "./db";
import { activeVersions, getDatasets } from "./queries";
import { HttpProblem } from "./http";
import { assertIntact } from "./integrity";

/**
 * Imports in two phases: `stageImport` parses, validates and previews a file and keeps it as an
 * Import row (no data set is touched); `commitImport` stores it as a new immutable version and makes
 * it active, in one transaction.
 */

export type Outcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      status: number;
      message: string;
      /** The request field the problem is about, when not the file. */
      param?: string;
      errors?: ImportError[];
      errorCount?: number;
      /** What a commit must confirm (409): the figures removed, the new members that may be typos. */
      confirm?: { removals?: Removal[]; removalCount?: number; newMembers?: Suggestion[] };
    };

export interface StageInput {
  bytes: Uint8Array;
  fileName: string;
  datasetId?: string | null;
  actor: string;
  /** The story file (story.json) sent beside the figures, if any. */
  story?: Uint8Array | null;
  /** New member names the analyst says are existing members ("Open-AI Inc" is openai). */
  mapping?: MemberMapping[];
}

function isXlsx(bytes: Uint8Array, fileName: string): boolean {
  return /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/**
 * A refused file: 413 when it passes a size limit, else 422 with the first `maxErrorsListed`
 * problems (sorted by position) and their total count.
 */
async function reject(
  input: StageInput,
  status: 413 | 422,
  errors: ImportError[],
  overLimit = status === 413,
): Promise<Outcome<never>> {
  const listed = errors.slice(0, IMPORT_LIMITS.maxErrorsListed);
  await audit({
    action: "import.rejected",
    actor: input.actor,
    target: input.fileName,
    detail: { status, errors: errors.length },
  });
  const more = errors.length > listed.length ? `; the first ${formatCount(listed.length)} are listed` : "";
  return {
    ok: false,
    status,
    message: overLimit
      ? errors[0].message
      : `${formatCount(errors.length)} problem(s) in ${input.fileName.slice(0, 200)}${more}`,
    errors: listed,
    errorCount: errors.length,
  };
}

export async function stageImport(input: StageInput): Promise<Outcome<{ id: string; preview: Preview }>> {
  const xlsx = isXlsx(input.bytes, input.fileName);
  const parsed = xlsx ? await parseXlsx(input.bytes) : parseCsv(input.bytes);
  if (parsed.tooLarge) return reject(input, 413, parsed.errors);
  parsed.meta = readExportedMeta(parsed.meta);

  const datasets = await getDatasets();
  let base = input.datasetId
    ? datasets.find((d) => d.id === input.datasetId)
    : datasets.find((d) => d.status === "active");
  if (input.datasetId && !base)
    return { ok: false, status: 404, message: `dataset "${input.datasetId}" does not exist` };
  if (!base) return { ok: false, status: 409, message: "no data set is loaded yet: run the setup first" };

  // Another publisher's figures make (or add a version to) a data set of their own.
  const publisher = parsed.meta.publisher?.trim();
  let newDataset = false;
  let key = base.key;
  if (publisher && publisher !== base.publisher && !input.datasetId) {
    const own = datasets.find((d) => d.status === "active" && d.publisher === publisher);
    if (own) base = own;
    else {
      newDataset = true;
      key = slugify(`${publisher} ${parsed.meta.title || base.title}`);
    }
    key = own?.key ?? key;
  }
  const [tables, definition] = await Promise.all([getDatasetTables(base.id), getDefinition(base.id)]);
  if (!tables || !definition)
    return { ok: false, status: 409, message: `dataset "${base.id}" has no stored definition to build on` };
  if (input.mapping?.length) {
    const mapping = input.mapping;
    for (const m of mapping) {
      if (!tables.members[m.table].some((x) => x.slug === m.to))
        return {
          ok: false,
          status: 422,
          param: "map",
          message: `map: ${m.table} "${m.to}" is not a member of ${base.id}`,
        };
    }
    for (const cell of parsed.cells) cell.member = mapMemberName(cell.table, cell.member, mapping);
  }

  const checked = withStory(
    validateImport(parsed, tables, { newDataset, maxNewMembers: IMPORT_LIMITS.maxNewMembers }),
    input.story,
    tables,
  );
  if (!checked.ok) return reject(input, 422, checked.errors, checked.overLimit ?? false);
  const applied = applyImport(definition, tables, checked.value, { key, fileName: input.fileName, newDataset });
  const facts =
    (applied.lastYear - applied.firstYear + 1) * Object.values(applied.members).reduce((a, m) => a * m.length, 1);
  if (facts > IMPORT_LIMITS.maxFacts)
    return reject(
      input,
      422,
      [
        {
          row: 0,
          column: "member",
          message: `the data set would hold ${formatCount(facts)} figures (years × types × sectors × vendors × regions); at most ${formatCount(IMPORT_LIMITS.maxFacts)}: add fewer members`,
        },
      ],
      true,
    );
  const preview = previewImport(
    checked.value,
    tables,
    {
      newDataset,
      datasetKey: key,
      baseId: newDataset ? null : base.id,
      publisher: applied.publisher,
      title: applied.title,
    },
    projectDefinition(applied),
  );
  const story = checked.story;
  if (story) preview.story = await storyChanges(newDataset ? null : base.id, story);
  // A file whose figures change nothing keeps the base's definition, so a story-only change
  // builds exactly the base's figures again (a refit from the file's tables could move them).
  const same = !newDataset && !changesFigures(preview);
  const def = story ? { ...(same ? definition : applied), story } : applied;
  const id = randomUUID();
  await getDb().prisma.import.create({
    data: {
      id,
      actor: input.actor,
      fileName: input.fileName.slice(0, 200),
      format: xlsx ? "xlsx" : "csv",
      datasetKey: key,
      baseId: newDataset ? null : base.id,
      definition: JSON.parse(JSON.stringify(def)),
      preview: JSON.parse(JSON.stringify(preview)),
    },
  });
  await audit({
    action: "import",
    actor: input.actor,
    target: id,
    detail: {
      file: input.fileName,
      changes: preview.changes.length,
      removals: preview.removalCount,
      suggestions: preview.suggestions.length,
      key,
    },
  });
  return { ok: true, value: { id, preview } };
}

export { commitImport } from "./import-commit";

/**
 * The cells (`table|member|year`) the analyst changed on the way from version `from` to version
 * `to`: the given changes of every import from `to` back to `from`. Null when `to` was not built
 * on `from` that way (set up, or on another version).
 */
export async function analystChanges(from: string, to: string): Promise<Set<string> | null> {
  const prisma = getDb().prisma;
  const keys = new Set<string>();
  let current = to;
  for (let step = 0; step < 100 && current !== from; step++) {
    const ds = await prisma.dataset.findUnique({ where: { id: current }, select: { importId: true } });
    if (!ds?.importId) return null;
    const staged = await prisma.import.findUnique({
      where: { id: ds.importId },
      select: { baseId: true, preview: true },
    });
    if (!staged?.baseId) return null;
    const preview = staged.preview as unknown as Preview;
    for (const c of [...preview.changes, ...(preview.minor ?? [])]) keys.add(`${c.table}|${c.member}|${c.year}`);
    for (const r of preview.removals ?? []) keys.add(`${r.table}|${r.member}|${r.year}`);
    current = staged.baseId;
  }
  return current === from && from !== to ? keys : null;
}

export async function getImport(id: string) {
  return getDb().prisma.import.findUnique({ where: { id } });
}

export async function activateDataset(
  datasetId: string,
  actor: string,
): Promise<Outcome<{ id: string; key: string; version: number }>> {
  const prisma = getDb().prisma;
  const ds = await prisma.dataset.findUnique({
    where: { id: datasetId },
    select: { id: true, key: true, version: true },
  });
  if (!ds) return { ok: false, status: 404, message: `dataset "${datasetId}" does not exist` };
  // A version that fails its content check is never served, so it is never made active either.
  try {
    await assertIntact(ds.id);
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 503)) throw error;
    return { ok: false, status: 409, message: `version "${ds.id}" failed its integrity check and cannot be activated` };
  }
  await prisma.activation.create({ data: { datasetKey: ds.key, datasetId: ds.id, actor } });
  await audit({ action: "activate", actor, target: ds.id });
  return { ok: true, value: ds };
}

/** Every data set and its versions, newest first, with who imported and last activated each. */
export async function listVersions(): Promise<VersionListing[]> {
  const prisma = getDb().prisma;
  const [rows, activations, active] = await Promise.all([
    prisma.dataset.findMany({
      orderBy: [{ key: "asc" }, { version: "desc" }],
      select: {
        id: true,
        key: true,
        version: true,
        title: true,
        publisher: true,
        edition: true,
        createdAt: true,
        createdBy: true,
        importId: true,
      },
    }),
    prisma.activation.findMany({ orderBy: { id: "desc" }, select: { datasetId: true, actor: true, createdAt: true } }),
    activeVersions(),
  ]);
  // The version each imported one was built on (its import's base).
  const imported = rows.flatMap((r) => (r.importId ? [r.importId] : []));
  const bases = new Map(
    (await prisma.import.findMany({ where: { id: { in: imported } }, select: { id: true, baseId: true } })).map((i) => [
      i.id,
      i.baseId,
    ]),
  );
  const last = new Map<string, { actor: string | null; createdAt: Date }>();
  for (const a of activations) if (!last.has(a.datasetId)) last.set(a.datasetId, a);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    version: r.version,
    title: r.title,
    publisher: r.publisher,
    edition: r.edition,
    active: active.get(r.key) === r.id,
    createdAt: r.createdAt.toISOString(),
    importedBy: r.createdBy,
    builtOn: (r.importId ? bases.get(r.importId) : null) ?? null,
    activatedBy: last.get(r.id)?.actor ?? null,
    activatedAt: last.get(r.id)?.createdAt.toISOString() ?? null,
  }));
}

/** The figures' check with the story file's: every problem of both files at once. */
function withStory(
  checked: ReturnType<typeof validateImport>,
  bytes: Uint8Array | null | undefined,
  tables: DatasetTables,
):
  | (Extract<ReturnType<typeof validateImport>, { ok: true }> & { story?: Story })
  | { ok: false; errors: ImportError[]; overLimit?: boolean } {
  if (!bytes) return checked;
  const story = checkImportStory(bytes, tables, checked.ok ? checked.value.newMembers : []);
  if (checked.ok && story.ok) return { ...checked, story: story.value };
  return {
    ok: false,
    errors: [...(checked.ok ? [] : checked.errors), ...(story.ok ? [] : story.errors)],
    overLimit: !checked.ok && checked.overLimit,
  };
}
