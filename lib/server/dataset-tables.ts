import "server-only";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { DIMENSIONS } from "@/lib/market/types";
import { cellKey, type Basis, type DatasetTables } from "@/lib/import/types";
import { aggregate } from "@/lib/market/cube/engine";
import { memo } from "./cache";
import { getDb } from "./db";
import { getCube, getMembers } from "./queries";

/**
 * A stored version as the import format's tables: each year's total (the fitted targets, exactly
 * as given) and every member's yearly value (the cube's sums), with each figure's basis.
 */
export function getDatasetTables(datasetId: string): Promise<DatasetTables | null> {
  return memo(`tables:${datasetId}`, async () => {
    const prisma = getDb().prisma;
    const ds = await prisma.dataset.findUnique({ where: { id: datasetId } });
    if (!ds) return null;
    const [members, figures] = await Promise.all([
      getMembers(datasetId),
      prisma.figure.findMany({ where: { datasetId }, select: { key: true, basis: true, value: true } }),
    ]);
    // Published figures by key: looked up once per cell below (thousands of them at report sizes).
    const publishedValue = new Map(figures.filter((f) => f.basis === "published").map((f) => [f.key, f.value]));
    const values = new Map<string, { value: number; basis: Basis }>();
    const def = ds.definition as DatasetDefinition | null;
    const totals = new Map((def?.totals ?? []).map((t) => [t.year, t.value]));
    // The cube's sums, by the engine every series is summed with (exact in micro-units).
    const cube = await getCube(datasetId);
    const all = { from: ds.firstYear, to: ds.lastYear, filters: { type: [], sector: [], vendor: [], region: [] } };
    for (const r of aggregate(cube, { ...all, by: "total" })) {
      values.set(cellKey("total", "total", r.year), {
        value: totals.get(r.year) ?? r.value,
        basis: publishedValue.has(`total:${r.year}`) ? "published" : "modelled",
      });
    }
    for (const dim of DIMENSIONS) {
      for (const r of aggregate(cube, { ...all, by: dim })) {
        const key = `${dim}:${r.key}:${r.year}`;
        values.set(cellKey(dim, r.key, r.year), {
          value: publishedValue.get(key) ?? r.value,
          basis: publishedValue.has(key) ? "published" : "modelled",
        });
      }
    }
    const sourceUrl = def?.totals.find((t) => t.basis === "published" && t.source?.url)?.source?.url;
    return {
      meta: {
        title: ds.title,
        publisher: ds.publisher,
        edition: ds.edition,
        unit: ds.unit,
        currency: ds.currency,
        history_to: String(ds.historyTo),
        ...(sourceUrl ? { source_url: sourceUrl } : {}),
      },
      firstYear: ds.firstYear,
      lastYear: ds.lastYear,
      historyTo: ds.historyTo,
      members: Object.fromEntries(
        DIMENSIONS.map((d) => [d, members.filter((m) => m.dimension === d).map(({ slug, name }) => ({ slug, name }))]),
      ) as DatasetTables["members"],
      values,
    };
  });
}

/** The definition a version was built from (stored with it). */
export async function getDefinition(datasetId: string): Promise<DatasetDefinition | null> {
  const row = await getDb().prisma.dataset.findUnique({ where: { id: datasetId }, select: { definition: true } });
  return (row?.definition as DatasetDefinition | null | undefined) ?? null;
}

export interface DatasetTotal {
  id: string;
  publisher: string;
  title: string;
  year: number;
  value: number;
  basis: Basis;
}

/**
 * The active version of every data set with its total in `year` (or its nearest year): the data
 * sets side by side, as a first step to a consensus view.
 */
export async function getActiveTotals(year: number): Promise<DatasetTotal[]> {
  const prisma = getDb().prisma;
  const activations = await prisma.activation.findMany({
    orderBy: { id: "desc" },
    select: { datasetKey: true, datasetId: true },
  });
  const ids = [...new Map(activations.reverse().map((a) => [a.datasetKey, a.datasetId])).values()];
  const out: DatasetTotal[] = [];
  for (const id of ids) {
    const tables = await getDatasetTables(id);
    if (!tables) continue;
    const y = Math.min(Math.max(year, tables.firstYear), tables.lastYear);
    const cell = tables.values.get(cellKey("total", "total", y));
    if (cell)
      out.push({
        id,
        publisher: tables.meta.publisher,
        title: tables.meta.title,
        year: y,
        value: cell.value,
        basis: cell.basis,
      });
  }
  return out;
}
