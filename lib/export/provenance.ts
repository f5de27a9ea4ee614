/**
 * The provenance stamp every image, PDF and workbook carries: what the chart is, which filters and
 * years it shows, in which unit, where the numbers come from, and how to get back to the view.
 */
import type { ChartExportSpec } from "./chart-spec";

export type ProvenanceInput = Pick<
  ChartExportSpec,
  "title" | "subtitle" | "unit" | "currency" | "historyTo" | "source" | "permalink" | "share"
> & {
  series: { points: { year: number }[] }[];
  outlook?: { points: { year: number }[] };
  forecast?: { points: { year: number }[] };
};

export interface Provenance {
  title: string;
  subtitle: string;
  /** Unit, currency and where history ends. */
  unitLine: string;
  sourceLine: string;
  permalink: string;
}

export function lastYear(spec: ProvenanceInput): number {
  const years = [
    ...spec.series.flatMap((s) => s.points.map((p) => p.year)),
    ...(spec.outlook?.points.map((p) => p.year) ?? []),
    ...(spec.forecast?.points.map((p) => p.year) ?? []),
  ];
  return years.length ? Math.max(...years) : spec.historyTo;
}

/** "forecast" when the chart shows our forecast, else the publisher's "outlook". */
export function futureWord(spec: { forecast?: unknown }): string {
  return spec.forecast ? "forecast" : "outlook";
}

export function provenance(spec: ProvenanceInput, exportedOn: string): Provenance {
  const unit = spec.share ? "Share of market (%)" : `Values in ${spec.unit}`;
  const last = lastYear(spec);
  const divide =
    last > spec.historyTo
      ? `History to ${spec.historyTo}; ${spec.historyTo + 1}-${last} is ${futureWord(spec)} (shaded)`
      : `History to ${spec.historyTo}`;
  const modelled = spec.source.modelled
    ? `Modelled: values not published by ${spec.source.publisher} are model estimates`
    : "All values published";
  return {
    title: spec.title,
    subtitle: spec.subtitle,
    unitLine: `${unit} · Currency: ${spec.currency} · ${divide}`,
    sourceLine: `Source: ${spec.source.publisher} · Dataset ${spec.source.datasetId} · ${modelled} · Exported ${exportedOn}`,
    permalink: spec.permalink,
  };
}

/** Key/value notes for the workbook's second sheet and the deck's cover page. */
export function provenanceNotes(spec: ProvenanceInput, exportedOn: string): [string, string][] {
  const p = provenance(spec, exportedOn);
  return [
    ["Title", p.title],
    ["Filters and years", p.subtitle],
    ["Unit", spec.share ? "share of market (0-1)" : spec.unit],
    ["Currency", spec.currency],
    ["History to", String(spec.historyTo)],
    ["Publisher", spec.source.publisher],
    ["Dataset version", spec.source.datasetId],
    [
      "Modelled",
      spec.source.modelled ? 'Yes: rows with basis "modelled" are model estimates, not published figures' : "No",
    ],
    ["Exported", exportedOn],
    ["Permalink", p.permalink],
  ];
}
