import { forecastRows, forecastScale } from "./forecast-rows";
import type { ForecastChartProps } from "./forecast-chart";
import { ROLE } from "@/lib/chart/palette";

/** The forecast chart's legend, as HTML (rendered on the server, readable without the plot). */
export function ForecastLegend({ series, historyTo, publisher, showOutlook = true, scaleTo }: ForecastChartProps) {
  const rows = forecastRows(series, historyTo);
  const { hasForecast, clipped } = forecastScale(rows, historyTo, { fitAtLeast: scaleTo });
  const hasPublished = rows.some((r) => r.published !== null);
  const scenario = series.points.some((p) => p.basis === "scenario");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      <li>
        <Swatch color={ROLE.history} /> History (to {historyTo})
      </li>
      {showOutlook && (
        <li>
          <Swatch color={ROLE.outlook} dashed />{" "}
          {scenario
            ? "Scenario: the outlook moved by our assumptions"
            : `${publisher} outlook (modelled except published years)`}
        </li>
      )}
      {hasPublished && (
        <li>
          <span
            aria-hidden="true"
            className="mr-1 inline-block h-2.5 w-2.5 rotate-45 align-middle"
            style={{ background: ROLE.history }}
          />{" "}
          Published figure
        </li>
      )}
      {hasForecast && (
        <li>
          <Swatch color={ROLE.forecast} /> Our forecast with 80% and 95% intervals (modelled)
          {clipped ? "; ▲ marks years whose interval runs above the chart (the table has every number)" : ""}
        </li>
      )}
    </ul>
  );
}

export function Swatch({ color, dashed }: { color: string; dashed?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className="mr-1 inline-block h-0 w-5 align-middle"
      style={{ borderTop: `3px ${dashed ? "dashed" : "solid"} ${color}` }}
    />
  );
}
