import "server-only";
import type { CubeBreakdown, Filters, SeriesQuery } from "@/lib/market/query/filters";
import { canonicalQueryKey } from "@/lib/market/query/key";
import { createHash } from "node:crypto";
import { aggregate } from "@/lib/market/cube/engine";
import { decodeCube, type DenseCube } from "@/lib/market/cube/packed";
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
import { getDb, withTimeout } from "./db";
import { HttpProblem } from "./http";
import { assertIntact, checkedIntact } from "./integrity";
import { log } from "./log";

/**
 * The data-access layer (this file, provenance.ts and health.ts): the only code that reads the
 * database. It returns plain domain objects. Dataset versions are immutable, so every answer for
 * (dataset, query) is cached in memory.
 */

const KIND_TO_DIMENSION = Object.fromEntries(DIMENSIONS.map((d) => [MEMBER_KIND[d], d])) as Record<string, Dimension>;

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
 * The list of versions, and which one of each data set is active, come from the activation log
 * alone: the active version of a key is the one of its newest activation (`ACTIVE_VERSIONS_SQL`);
 * a key with no activation has no active version (setup and every load write one, so this is not
 * expected; its versions stay readable pinned). Nothing else decides it.
 *
 * Each process holds the list it last read, with the log's newest id when it read it (its mark).
 * Every request that needs it asks the log for that id again (`SELECT max(id)`: one indexed round
 * trip, no timer) and reads the list afresh only when it moved, so an activation made by any
 * process is seen by the next request everywhere. The log's ids follow commit order (migration
 * activation_log_mark: an insert takes a lock, then its id, and holds the lock until it commits),
 * so no entry can appear below a mark already seen. Every new sealed version is activated in its
 * own transaction (seed.ts), so the mark also moves when the list gains a version.
 *
 * A request joins a mark query only if it was sent after the request asked: concurrent requests
 * share the next one, so a burst costs one or two round trips, and none can be answered by a query
 * that may predate an activation committed before it arrived.
 */
export const ACTIVE_VERSIONS_SQL = `SELECT DISTINCT ON ("datasetKey") "datasetKey", "datasetId" FROM "Activation" ORDER BY "datasetKey", id DESC`;

/** The activation log's newest id (0 when empty): it grows with every activation committed. */
type LogMark = number;
interface HeldList {
  mark: LogMark;
  list: DatasetSummary[];
  /** `id:version:status,...`: what the header's version list shows (see datasetListNow). */
  token: string;
}
interface MarkQueries {
  running?: Promise<LogMark>;
  next?: Promise<LogMark>;
}
// On globalThis: Next bundles route handlers and pages apart, each with its own module instances,
// and the front server's reused answers (fast-answers.ts, fast-pages.ts) read the same list.
const shared = globalThis as unknown as {
  __versionList?: HeldList;
  __versionListRead?: { mark: LogMark; value: Promise<HeldList> };
  __versionMarks?: MarkQueries;
  /** Where the mark is read from: the database, unless a test without one sets it. */
  __activationLogMark?: () => Promise<LogMark>;
};

/** A mark query that has not answered by then fails its callers (they answer as in an outage). */
const MARK_DEADLINE_MS = 2_000;

async function readMark(): Promise<LogMark> {
  const [row] = await withTimeout(
    getDb().prisma.$queryRaw<{ last: number | null }[]>`SELECT max(id) AS last FROM "Activation"`,
    MARK_DEADLINE_MS,
    "activation log",
  );
  return row.last ?? 0;
}

/** The log's mark, from a query sent after this call (shared with the other callers waiting for it). */
export function activationMark(): Promise<LogMark> {
  const q = (shared.__versionMarks ??= {});
  const send = (): Promise<LogMark> => {
    const p = (shared.__activationLogMark ?? readMark)().finally(() => {
      if (q.running === p) q.running = undefined;
    });
    q.running = p;
    return p;
  };
  if (!q.running) return send();
  // One is on its way, perhaps sent before an activation this caller must see: wait for the next.
  return (q.next ??= q.running
    .then(
      () => undefined,
      () => undefined,
    )
    .then(() => {
      q.next = undefined;
      return send();
    }));
}

/** Every dataset version, as of the activation log now: the primary data set's first, newest first. */
export async function getDatasets(): Promise<DatasetSummary[]> {
  return (await currentList()).list;
}

async function currentList(): Promise<HeldList> {
  const mark = await activationMark();
  const held = shared.__versionList;
  if (held && held.mark === mark) return held;
  // One read per mark: the requests that found the same mark share it.
  const reading = shared.__versionListRead;
  if (reading && reading.mark === mark) return reading.value;
  const value = readDatasets(mark).then((read) => {
    // A read for a later mark may have finished first: the list held never goes back.
    const now = shared.__versionList;
    if (!now || now.mark <= read.mark) adopt(read);
    return read;
  });
  shared.__versionListRead = { mark, value };
  void value
    .catch(() => undefined)
    .finally(() => {
      if (shared.__versionListRead?.value === value) shared.__versionListRead = undefined;
    });
  return value;
}

function adopt(held: HeldList): void {
  shared.__versionList = held;
  // For proxy.ts: pinned pages of these versions can be served from memory in an outage.
  (globalThis as unknown as { __marketKnownVersions?: Set<string> }).__marketKnownVersions = new Set(
    held.list.map((d) => d.id),
  );
}

/** The list as of `mark` (read after it, so at least as new). */
async function readDatasets(mark: LogMark): Promise<HeldList> {
  // Only the listed columns: notes and methodology (JSON) are read on their own, when needed.
  // Only sealed versions: a version whose load never committed its seal is not served.
  const [rows, active] = await Promise.all([
    getDb().prisma.dataset.findMany({
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
    }),
    activeVersions(),
  ]);
  const summaries = rows.map((r) => toDatasetInfo(r, active.get(r.key) === r.id));
  // The primary data set (the first key ever loaded) leads, so an unpinned page shows its active version.
  const primary = rows.reduce<DatasetRow | undefined>(
    (a, r) => (!a || r.createdAt < a.createdAt ? r : a),
    undefined,
  )?.key;
  const list = [...summaries.filter((d) => d.key === primary), ...summaries.filter((d) => d.key !== primary)];
  return { mark, list, token: list.map((d) => `${d.id}:${d.version}:${d.status}`).join(",") };
}

/** The active version of each data set: the newest entry of the append-only activation log. */
export async function activeVersions(): Promise<Map<string, string>> {
  const rows = await getDb().prisma.$queryRawUnsafe<{ datasetKey: string; datasetId: string }[]>(ACTIVE_VERSIONS_SQL);
  return new Map(rows.map((r) => [r.datasetKey, r.datasetId]));
}

/**
 * A pinned dataset by id, or the active version of the primary data set; null when none.
 * A pinned version already read is answered from memory without asking the log: a version never
 * changes, and pinned answers carry nothing the log decides (no status). So it keeps being served
 * in an outage. Unpinned, the log is asked (see above). A version that fails its content check is
 * never served (503).
 */
export async function getDataset(id?: string): Promise<DatasetSummary | null> {
  const known = id ? shared.__versionList?.list.find((d) => d.id === id) : undefined;
  const found = known ?? (await pick(id));
  if (found) await assertIntact(found.id);
  return found;
}

async function pick(id: string | undefined): Promise<DatasetSummary | null> {
  const all = await getDatasets();
  return (id ? all.find((d) => d.id === id) : all.find((d) => d.status === "active")) ?? null;
}

/**
 * Synchronously, from the list held: the id of the version getDataset(id) answers, when it is
 * there and has passed its content check; else null. For a pinned id this is final (versions never
 * change). For the active version it is only as current as the list held: ask `versionsChecked`
 * first. Lets an answer cached per version be reused without reading anything.
 */
export function datasetNow(id?: string): string | null {
  const list = shared.__versionList?.list;
  const d = id ? list?.find((x) => x.id === id) : list?.find((x) => x.status === "active");
  return d && checkedIntact(d.id) ? d.id : null;
}

/**
 * Synchronously: a token of the whole list held (each version and its status), or null before the
 * first read. A page that shows the list (the header's version picker) is reusable while this is
 * unchanged; as for datasetNow, ask `versionsChecked` first.
 */
export function datasetListNow(): string | null {
  return shared.__versionList?.token ?? null;
}

/**
 * Resolves true once the list held reflects the activation log as of a moment after this call
 * (reading it again if the log moved); false when the database does not answer.
 */
export function versionsChecked(): Promise<boolean> {
  return currentList().then(
    () => true,
    () => false,
  );
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

/**
 * A version's packed cube (lib/market/cube/packed.ts), read once per process (versions never change)
 * and checked against the content hash that names it before anything is served from it. A cube
 * whose bytes no longer hash to its name has been tampered with: 503, as for a failed content check.
 */
export function getCube(datasetId: string): Promise<DenseCube> {
  return memo(`cube:${datasetId}`, async () => {
    const reader = await versionReader(datasetId);
    const [row, members] = await Promise.all([
      reader.dataset.findUnique({
        where: { id: datasetId },
        select: { cube: { select: { hash: true, bytes: true } } },
      }),
      getMembers(datasetId),
    ]);
    if (!row?.cube) throw new HttpProblem(404, "dataset", `dataset "${datasetId}" has no stored cube`);
    const { hash, bytes } = row.cube;
    if (createHash("sha256").update(bytes).digest("hex") !== hash) {
      log.error({ dataset: datasetId }, "packed cube does not match its content hash: not served");
      throw new HttpProblem(
        503,
        null,
        `Dataset version ${datasetId} failed its integrity check and is not served; the operators have been alerted.`,
      );
    }
    const slugs = Object.fromEntries(
      DIMENSIONS.map((d) => [d, members.filter((m) => m.dimension === d).map((m) => m.slug)]),
    ) as DenseCube["slugs"];
    return decodeCube(bytes, slugs);
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

/** Sums the cube over a slice (each filter multi-valued, all combined with AND), per year and member of `by`. */
export function getSliceAggregates(q: AggregateQuery): Promise<AggregateRow[]> {
  return memo(`slice:${aggregateKey(q)}`, async () => aggregate(await getCube(q.datasetId), q));
}
