/**
 * The API's data exports (/api/v1/series?format=csv|xlsx) stamped like the in-app ones: the same
 * rows as the CSV, with the sources sheet describing the view. Structural input, so lib/export
 * stays free of server imports.
 */
import { DIMENSION_LABEL } from "@/lib/market/presentation/labels";
import type { SeriesDataset, SeriesView } from "@/lib/market/query/api";
import type { DataExportInput } from "./csv";
import { scenarioLine } from "@/lib/market/scenario/levers";

/** The parts of the API's answer an export reads. */
export type SeriesViewLike = Pick<SeriesView, "unit" | "by" | "filters" | "from" | "to" | "series" | "scenario"> & {
  dataset: Pick<SeriesDataset, "id" | "publisher" | "currency" | "historyTo">;
};

export function viewSubtitle(view: SeriesViewLike): string {
  const parts = Object.entries(view.filters)
    .filter(([, values]) => values.length > 0)
    .map(([dim, values]) => `${DIMENSION_LABEL[dim as keyof typeof DIMENSION_LABEL] ?? dim}: ${values.join(", ")}`);
  return [...(parts.length ? parts : ["Whole market"]), `${view.from}-${view.to}`, scenarioLine(view.scenario)]
    .filter(Boolean)
    .join(" · ");
}

export function seriesViewExport(view: SeriesViewLike, permalink: string): DataExportInput {
  const by =
    view.by === "total"
      ? "Total market"
      : `Market by ${(DIMENSION_LABEL[view.by as keyof typeof DIMENSION_LABEL] ?? view.by).toLowerCase()}`;
  return {
    title: `${by} ${view.from}-${view.to} (${view.unit})`,
    subtitle: viewSubtitle(view),
    unit: view.unit,
    currency: view.dataset.currency,
    historyTo: view.dataset.historyTo,
    series: view.series,
    source: {
      publisher: view.dataset.publisher,
      datasetId: view.dataset.id,
      modelled: view.series.some((s) => s.points.some((p) => p.basis === "modelled")),
    },
    permalink,
  };
}
