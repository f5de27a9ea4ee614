import "server-only";
import {
  checkQueryAgainstDataset,
  type QueryProblem,
  type SeriesQuery,
} from "@/lib/market/filters";
import { shapeSeries } from "@/lib/market/series";
import { DIMENSIONS, type Series } from "@/lib/market/types";
import { getAggregates, getDataset, getFigures, getMembers, type DatasetSummary } from "./queries";

/** What `/api/v1/series` returns, and what pages render: one code path, two entrances. */
export interface SeriesView {
  dataset: Pick<DatasetSummary, "id" | "title" | "publisher" | "edition" | "unit" | "currency" | "historyTo" | "firstYear" | "lastYear" | "version" | "status">;
  unit: string;
  by: SeriesQuery["by"];
  filters: Pick<SeriesQuery, "type" | "sector" | "vendor" | "region">;
  from: number;
  to: number;
  series: Series[];
}

export type SeriesResult =
  | { ok: true; view: SeriesView }
  | { ok: false; status: 400 | 404; problem: QueryProblem };

export async function getSeriesView(query: SeriesQuery): Promise<SeriesResult> {
  const dataset = await getDataset(query.dataset);
  if (!dataset)
    return query.dataset
      ? { ok: false, status: 404, problem: { param: "dataset", message: `dataset "${query.dataset}" does not exist` } }
      : { ok: false, status: 404, problem: { param: "dataset", message: "no dataset has been loaded; run npm run db:seed" } };
  const [members, figures] = await Promise.all([getMembers(dataset.id), getFigures(dataset.id)]);
  const checked = checkQueryAgainstDataset(query, dataset, members);
  if (!checked.ok) return { ok: false, status: 400, problem: checked.problem };
  const { from, to } = checked.value;
  const filters = { type: query.type, sector: query.sector, vendor: query.vendor, region: query.region };
  const rows = await getAggregates({ datasetId: dataset.id, by: query.by, filters, from, to });
  const unfiltered = DIMENSIONS.every((d) => filters[d].length === 0);
  const series = shapeSeries(rows, {
    by: query.by,
    from,
    to,
    members,
    only: query.by === "total" ? undefined : filters[query.by],
    unfiltered,
    publishedYears: figures.filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null).map((f) => f.year!),
  });
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status } = dataset;
  return {
    ok: true,
    view: {
      dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status },
      unit,
      by: query.by,
      filters,
      from,
      to,
      series,
    },
  };
}
