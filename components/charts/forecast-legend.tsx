import { forecastRows, forecastScale } from "./forecast-rows";
import type { ForecastChartProps } from "./forecast-chart";
import { ROLE } from "@/lib/chart/palette";

/** The forecast chart's legend, as HTML (rendered on the server, readable without the plot). */
export function ForecastLegend({ series, historyTo, publisher, showOutlook = true }: ForecastChartProps) {
  const { hasForecast, clipped } = forecastScale(forecastRows(series, historyTo), historyTo);
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        <li><Swatch color={ROLE.history} /> History (to {historyTo})</li>
        {showOutlook && <li><Swatch color={ROLE.outlook} dashed /> {publisher} outlook (modelled except published years)</li>}
        {hasForecast && (
          <li>
            <Swatch color={ROLE.forecast} /> Our forecast with 80% and 95% intervals (modelled){clipped ? "; the 95% interval runs above the chart" : ""}
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

