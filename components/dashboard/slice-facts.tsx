import type { ForecastedSeries, MemberFacts } from "@/lib/market/series/forecast-series";
import { formatPercent, formatUsdM, methodLabel } from "@/lib/market/presentation/format";
import { cagr } from "@/lib/market/series/metrics";

type Props = MemberFacts & { name: string };

/** Headline figures of one sector or vendor; all of them modelled. */
export function SliceFacts({ name, slice, market, year, historyTo, lastYear, cagrFrom, cagrTo }: Props) {
  const at = (s: ForecastedSeries, y: number) => s.points.find((p) => p.year === y)?.value ?? NaN;
  const fc = slice.forecast?.points.find((p) => p.year === lastYear);
  const facts = [
    { label: `${name}, ${year}`, value: formatUsdM(at(slice, year)), note: "Modelled estimate" },
    { label: `Share of the market, ${year}`, value: formatPercent(at(slice, year) / at(market, year)), note: "Modelled" },
    { label: `CAGR ${cagrFrom}-${cagrTo}`, value: formatPercent(cagr(at(slice, cagrFrom), at(slice, cagrTo), cagrTo - cagrFrom)), note: "Modelled, on the outlook path" },
    {
      label: `Our forecast ${lastYear}`,
      value: fc ? formatUsdM(fc.mean) : "–",
      note: fc ? `Modelled (${methodLabel(slice.forecast?.method ?? "")}); 80%: ${formatUsdM(fc.lower["80"])} – ${formatUsdM(fc.upper["80"])}; from history to ${historyTo}` : "No forecast",
    },
  ];
  return (
    <section aria-label="Key figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {facts.map((f) => (
        <div key={f.label} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <div className="text-sm text-slate-600 dark:text-slate-400">{f.label}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{f.value}</div>
          <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{f.note}</div>
        </div>
      ))}
    </section>
  );
}
