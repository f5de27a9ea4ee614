import { formatUsdM } from "@/lib/market/presentation/format";
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import { DataTable } from "./data-table";
import { forecastRows } from "./forecast-rows";
import { basisWord } from "@/lib/market/presentation/labels";

export function ForecastTable({
  series,
  historyTo,
  publisher,
  caption,
}: {
  series: ForecastedSeries;
  historyTo: number;
  publisher: string;
  caption: string;
}) {
  const rows = forecastRows(series, historyTo);
  const interval = (b: [number, number] | null) => (b ? `${formatUsdM(b[0])} – ${formatUsdM(b[1])}` : "–");
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.year)}
      columns={[
        { key: "year", label: "Year", render: (r) => r.year },
        { key: "value", label: r0(historyTo, publisher), numeric: true, render: (r) => formatUsdM(r.value) },
        {
          key: "basis",
          label: "Basis",
          render: (r) =>
            r.year <= historyTo || r.basis === "outlook" || r.basis === "scenario"
              ? basisWord(r.basis)
              : `outlook, ${basisWord(r.basis)}`,
        },
        {
          key: "mean",
          label: "Our forecast (modelled)",
          numeric: true,
          render: (r) => (r.year > historyTo && r.mean !== null ? formatUsdM(r.mean) : "–"),
        },
        {
          key: "i80",
          label: "80% interval",
          numeric: true,
          render: (r) => (r.year > historyTo ? interval(r.band80) : "–"),
        },
        {
          key: "i95",
          label: "95% interval",
          numeric: true,
          render: (r) => (r.year > historyTo ? interval(r.band95) : "–"),
        },
      ]}
    />
  );
}

const r0 = (historyTo: number, publisher: string) => `Data (history to ${historyTo}, then ${publisher} outlook)`;
