import "server-only";
import type { CubeBreakdown, Filters, SeriesQuery } from "@/lib/market/query/filters";
import { canonicalQueryKey } from "@/lib/market/query/key";
import { aggregateCube, packCube, type Cube } from "@/lib/market/cube/cube-aggregate";
import { roundMicro } from "@/lib/market/cube/micro";
import type { AggregateRow } from "@/lib/market/series/series";
import {
  DIMENSIONS,
  MEMBER_KIND,
  type DatasetInfo,
  type Dimension,
  type MemberInfo,
  type VendorGroup,
} from "@/lib/market/types";
import { memo } from "./cache";
import { getDb } from "./db";
import { assertIntact, checkedIntact } from "./integrity";
import { versionListenerUp } from "./invalidation";

/**
 * The data-access layer (this file, provenance.ts and health.ts): the only code that reads the
 * database. It returns plain domain objects. Dataset versions are immutable, so every answer for
 * (dataset, query) is cached in memory.
 */

const KIND_TO_DIMENSION = Object.fromEntries(DIMENSIONS.map((d) => [MEMBER_KIND[d], d])) as Record<string, Dimension>;
const COLUMN: Record<Dimension, "typeId" | "sectorId" | "vendorId" | "regionId"> = {
  type: "typeId",
  sector: "sectorId",
  vendor: "vendorId",
  region: "regionId",
};

export type DatasetSummary = DatasetInfo & { key: string; version: number };

/** A stored row as selected below: the domain fields, with the date not yet serialised. */
type DatasetRow = Omit<DatasetSummary, "status" | "createdAt"> & { createdAt: Date };

function toDatasetInfo(row: DatasetRow, active: boolean): DatasetSummary {
  return {
    ...row,
    status: active ? "active" : "superseded",
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * How long the list of dataset versions is reused. On Postgres every change is announced to every
 * instance at once (lib/server/invalidation.ts); while that announcement channel is down, the list
 * is reused for at most a second. Every other read is of immutable versions.
 */
const DATASETS_TTL_MS = 5_000;
const DATASETS_TTL_UNANNOUNCED_MS = 1_000;
const datasetsTtl = () => (versionListenerUp() ? DATASETS_TTL_MS : DATASETS_TTL_UNANNOUNCED_MS);
// On globalThis: Next bundles route handlers and pages apart, each with its own module instances; an
// activation in a route handler must reach the pages' copy of the list at once.
type DatasetsEntry = { at: number; value: Promise<DatasetSummary[]>; list?: DatasetSummary[]; next?: boolean };
const shared = globalThis as unknown as { __datasetsCache?: DatasetsEntry };
/** The last list read: pinned versions never change, so they are served from it when the database is down. */
let lastGoodDatasets: DatasetSummary[] | undefined;

/** Forgets the list of versions, so a version loaded by this process is seen at once. */
export function forgetDatasets(): void {
  shared.__datasetsCache = undefined;
}

/** Every dataset version, newest first. */
export function getDatasets(): Promise<DatasetSummary[]> {
  const cached = shared.__datasetsCache;
  if (cached && performance.now() - cached.at < datasetsTtl()) return cached.value;
  const value = readDatasets();
  const entry: DatasetsEntry = { at: performance.now(), value };
  shared.__datasetsCache = entry;
  value
    .then((list) => {
      entry.list = list;
      adoptDatasets(list);
    })
    .catch(() => forgetDatasets());
  return value;
}

function adoptDatasets(list: DatasetSummary[]): void {
  lastGoodDatasets = list;
  // For proxy.ts: pinned pages of these versions can be served from memory in an outage.
  (globalThis as unknown as { __marketKnownVersions?: Set<string> }).__marketKnownVersions = new Set(
    list.map((d) => d.id),
  );
}

/**
 * Past half its lifetime, the list in use is read again in the background and replaced once read,
 * so answers reused from memory (fast-answers.ts, fast-pages.ts) do not all fall back to Next at
 * once when it expires. A failed read leaves the list to expire as before.
 */
function refreshAhead(entry: DatasetsEntry): void {
  if (entry.next || performance.now() - entry.at < datasetsTtl() / 2) return;
  entry.next = true;
  const at = performance.now();
  const value = readDatasets();
  value
    .then((list) => {
      if (shared.__datasetsCache !== entry) return;
      shared.__datasetsCache = { at, value, list };
      adoptDatasets(list);
    })
    .catch(() => undefined);
}

async function readDatasets(): Promise<DatasetSummary[]> {
  // Only the listed columns: notes and methodology (JSON) are read on their own, when needed.
  // Only sealed versions: a version whose load never committed its seal is not served.
  const rows = await getDb().prisma.dataset.findMany({
    where: { sealedAt: { not: null } },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: {
      id: true,
      key: true,
      version: true,
      title: true,
      publisher: true,
      edition: true,
      currency: true,
      unit: true,
      firstYear: true,
      historyTo: true,
      lastYear: true,
      createdAt: true,
      checksum: true,
    },
  });
  const active = await activeVersions();
  // A key without any activation (not expected after setup) shows its newest version as active.
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.key, Math.max(latest.get(r.key) ?? 0, r.version));
  const summaries = rows.map((r) =>
    toDatasetInfo(r, active.has(r.key) ? active.get(r.key) === r.id : latest.get(r.key) === r.version),
  );
  // The primary data set (the first key ever loaded) leads, so an unpinned page shows its active version.
  const primary = rows.reduce<DatasetRow | undefined>(
    (a, r) => (!a || r.createdAt < a.createdAt ? r : a),
    undefined,
  )?.key;
  return [...summaries.filter((d) => d.key === primary), ...summaries.filter((d) => d.key !== primary)];
}

/** The active version of each data set: the newest entry of the append-only activation log. */
export async function activeVersions(): Promise<Map<string, string>> {
  const rows = await getDb().prisma.activation.findMany({
    orderBy: { id: "desc" },
    select: { datasetKey: true, datasetId: true },
  });
  const active = new Map<string, string>();
  for (const r of rows) if (!active.has(r.datasetKey)) active.set(r.datasetKey, r.datasetId);
  return active;
}

/**
 * A pinned dataset by id, or the active version of the primary data set; null when none.
 * A pinned version already seen is answered from memory without waiting for the database (the list
 * refreshes in the background), so it keeps being served in an outage. A version that fails its
 * content check is never served (503).
 */
export async function getDataset(id?: string): Promise<DatasetSummary | null> {
  const known = id ? lastGoodDatasets?.find((d) => d.id === id) : undefined;
  const cached = shared.__datasetsCache;
  const fresh = cached && performance.now() - cached.at < datasetsTtl();
  let found: DatasetSummary | null;
  if (known && !fresh) {
    getDatasets().catch(() => undefined);
    found = known;
  } else {
    const all = await getDatasets();
    found = (id ? all.find((d) => d.id === id) : all.find((d) => d.status === "active")) ?? null;
  }
  if (found) await assertIntact(found.id);
  return found;
}

/**
 * Synchronously: `id|status` of the version getDataset(id) would answer right now from the list in
 * use, when that list is read and fresh and the version has passed its content check; else null
 * (getDataset would have to wait, or refuse). Lets an answer cached per version be reused without
 * awaiting anything, exactly while it is still the answer.
 */
export function datasetNow(id?: string): string | null {
  const cached = shared.__datasetsCache;
  if (!cached?.list || performance.now() - cached.at >= datasetsTtl()) return null;
  refreshAhead(cached);
  const d = id ? cached.list.find((x) => x.id === id) : cached.list.find((x) => x.status === "active");
  return d && checkedIntact(d.id) ? `${d.id}|${d.status}` : null;
}

const listTokens = new WeakMap<DatasetSummary[], string>();

/**
 * Synchronously: a token of the whole list of versions in use (each version and its status) while
 * that list is read and fresh, else null. A page that shows the list (the header's version picker)
 * is reusable while this is unchanged.
 */
export function datasetListNow(): string | null {
  const cached = shared.__datasetsCache;
  if (!cached?.list || performance.now() - cached.at >= datasetsTtl()) return null;
  let token = listTokens.get(cached.list);
  if (token === undefined) {
    token = cached.list.map((d) => `${d.id}:${d.version}:${d.status}`).join(",");
    listTokens.set(cached.list, token);
  }
  return token;
}

const replicaHas = new Set<string>();

/**
 * The client to read a sealed version's facts and members from: a replica once it has replayed that
 * version's seal (checked on the replica, remembered when true), else the primary, so a replica a
 * little behind never answers with a version half there. A replica that is down answers through
 * the primary (lib/server/db.ts).
 */
export async function versionReader(datasetId: string) {
  const db = getDb();
  if (!db.replicas.length || replicaHas.has(datasetId)) return db.reader;
  const sealed = await db.reader
    .$replica()
    .dataset.findFirst({ where: { id: datasetId, sealedAt: { not: null } }, select: { id: true } });
  if (!sealed) return db.prisma;
  replicaHas.add(datasetId);
  return db.reader;
}

export function getMembers(datasetId: string): Promise<MemberInfo[]> {
  return memo(`members:${datasetId}`, async () => {
    const rows = await (
      await versionReader(datasetId)
    ).member.findMany({
      where: { datasetId },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
    });
    return rows.map((r) => ({
      dimension: KIND_TO_DIMENSION[r.kind],
      slug: r.slug,
      name: r.name,
      description: r.description,
      group: (r.group as VendorGroup | null) ?? null,
      useCases: r.useCases,
      sortOrder: r.sortOrder,
    }));
  });
}

async function memberIds(datasetId: string): Promise<Map<string, number>> {
  return memo(`member-ids:${datasetId}`, async () => {
    const rows = await (
      await versionReader(datasetId)
    ).member.findMany({
      where: { datasetId },
      select: { id: true, kind: true, slug: true },
    });
    return new Map(rows.map((r) => [`${KIND_TO_DIMENSION[r.kind]}:${r.slug}`, r.id]));
  });
}

/** A slice of one version over years: the series query's filters and years, with a breakdown the cube has. */
export type AggregateQuery = { datasetId: string; by: CubeBreakdown; filters: Filters } & Required<
  Pick<SeriesQuery, "from" | "to">
>;

/** An aggregate's cache key: its version and its slice's canonical query key (the cube's four dimensions). */
function aggregateKey({ datasetId, by, filters: f, from, to }: AggregateQuery): string {
  return `${datasetId}|${canonicalQueryKey({ by, type: f.type, sector: f.sector, vendor: f.vendor, region: f.region, from, to })}`;
}

/**
 * Sums the cube over a slice (each filter multi-valued, all combined with AND), grouped by year and,
 * unless `by` is "total", by one dimension. Members must have been checked against the dataset.
 */
export function getAggregates(q: AggregateQuery): Promise<AggregateRow[]> {
  const key = `agg:${aggregateKey(q)}`;
  return memo(key, async () => {
    const ids = await memberIds(q.datasetId);
    const slugOf = new Map([...ids.entries()].map(([k, id]) => [id, k.slice(k.indexOf(":") + 1)]));
    const where: Record<string, unknown> = { datasetId: q.datasetId, year: { gte: q.from, lte: q.to } };
    for (const dim of DIMENSIONS) {
      if (!q.filters[dim].length) continue;
      where[COLUMN[dim]] = { in: q.filters[dim].map((s) => ids.get(`${dim}:${s}`) ?? -1) };
    }
    const prisma = await versionReader(q.datasetId);
    if (q.by === "total") {
      const rows = await prisma.fact.groupBy({ by: ["year"], where, _sum: { value: true }, orderBy: { year: "asc" } });
      return rows.map((r) => ({ year: r.year, key: "total", value: roundMicro(r._sum.value ?? 0) }));
    }
    const column = COLUMN[q.by];
    const rows = await prisma.fact.groupBy({ by: ["year", column], where, _sum: { value: true } });
    return rows.map((r) => ({
      year: r.year,
      key: slugOf.get((r as unknown as Record<string, number>)[column]) ?? "unknown",
      // Cells are whole micro-units; the database sums doubles, so its sum is brought back to them.
      value: roundMicro(r._sum.value ?? 0),
    }));
  });
}

/** Cubes up to this many cells are held in memory (the default one has 25,920); larger ones are summed by the database. */
export const MEMORY_CUBE_MAX_CELLS = 500_000;

/** A dataset's whole cube, read once (datasets are immutable); null when it is too large to hold. */
export function getCube(datasetId: string): Promise<Cube | null> {
  return memo(`cube:${datasetId}`, async () => {
    const prisma = await versionReader(datasetId);
    const count = await prisma.fact.count({ where: { datasetId } });
    if (count > MEMORY_CUBE_MAX_CELLS) return null;
    const ids = await memberIds(datasetId);
    const slugOf = new Map([...ids.entries()].map(([k, id]) => [id, k.slice(k.indexOf(":") + 1)]));
    const rows = await prisma.fact.findMany({
      where: { datasetId },
      select: { year: true, typeId: true, sectorId: true, vendorId: true, regionId: true, value: true },
    });
    return packCube(
      rows.map((r) => ({
        year: r.year,
        value: r.value,
        type: slugOf.get(r.typeId) ?? "unknown",
        sector: slugOf.get(r.sectorId) ?? "unknown",
        vendor: slugOf.get(r.vendorId) ?? "unknown",
        region: slugOf.get(r.regionId) ?? "unknown",
      })),
    );
  });
}

/**
 * Same answer as getAggregates, summed from the in-memory cube when the dataset is small enough:
 * every filter combination then costs no database round trip.
 */
export function getSliceAggregates(q: AggregateQuery): Promise<AggregateRow[]> {
  const key = `slice:${aggregateKey(q)}`;
  return memo(key, async () => {
    const cube = await getCube(q.datasetId);
    return cube ? aggregateCube(cube, q) : getAggregates(q);
  });
}
