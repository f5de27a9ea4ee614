"use client";

import { cagr } from "@/lib/market/series/metrics";
import type { Filters } from "@/lib/market/query/filters";
import { formatApproxUsdM, formatByBasis, formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { robustnessSentence, versusOutlook } from "@/lib/market/presentation/headline";
import { BASIS_LABEL, methodLabel, valueBasisLabel } from "@/lib/market/presentation/labels";
import { hasFilters } from "@/lib/market/query/view-state";
import { useDashboard } from "./dashboard-context";
import { useSeries } from "./use-series";
import { panelRequest } from "@/lib/market/query/first-render";

function Kpi({ label, value, note, detail }: { label: string; value: string; note: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {detail && <div className="text-xs tabular-nums text-slate-700 dark:text-slate-300">{detail}</div>}
      <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</div>
    </div>
  );
}

/**
 * Headline figures that compare like with like: the size in the selected year, the published CAGR,
 * the publisher's outlook, and our forecast for the same outlook year beside it, with its interval
 * and what it rests on. Published figures print exactly; modelled and forecast ones to three
 * significant digits.
 */
export function KpiCards({ filters, year, dataset }: { filters: Filters; year: number; dataset?: string }) {
  const { dataset: ds, outlook, robustness } = useDashboard();
  // The same request as the overview's total chart: one fetch serves both.
  const q = useSeries(panelRequest.total(filters, { from: ds.firstYear, to: ds.lastYear, dataset }));
  const total = q.data?.series[0];
  const at = (y: number) => total?.points.find((p) => p.year === y);
  const filtered = hasFilters(filters);
  const inYear = at(year);
  const publisher = outlook?.publisher ?? ds.publisher;
  const outlookYear = outlook?.year ?? ds.lastYear;
  const fc = total?.forecast?.points.find((p) => p.year === outlookYear);
  const from = outlook?.cagrFrom ?? ds.historyTo;
  const to = outlook?.cagrTo ?? ds.lastYear;
  const implied = cagr(at(from)?.value ?? NaN, at(to)?.value ?? NaN, to - from);
  // Under a scenario the outlook card shows the scenario's value, and the CAGR is the one it implies.
  const scenario = q.data?.scenario;
  const outlookValue = filtered || scenario ? at(outlookYear)?.value : outlook?.value;
  // Our forecast is compared with the publisher's outlook, never with a scenario.
  const against = scenario ? (filtered ? undefined : outlook?.value) : outlookValue;
  const vs = fc && against ? fc.mean / against - 1 : null;
  const range = (lo: number, hi: number) =>
    `${formatApproxUsdM(lo).replace("≈ ", "")} – ${formatApproxUsdM(hi).replace("≈ ", "")}`;
  return (
    <section aria-label="Headline figures" aria-busy={q.isPending} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Kpi
        label={`Market size ${year}${filtered ? " (filtered)" : ""}`}
        value={inYear ? formatByBasis(inYear.value, inYear.basis === "published") : "–"}
        note={inYear ? valueBasisLabel(inYear.basis, year, ds.historyTo, ds.publisher, outlook?.year) : ""}
      />
      <Kpi
        label={`CAGR ${from}-${to}`}
        value={formatPercent(filtered || scenario || !outlook ? implied : outlook.cagr)}
        note={
          scenario
            ? "Scenario: implied by the moved outlook"
            : filtered || !outlook
              ? "Modelled: implied by this slice"
              : `Published; the data implies ${formatPercent(implied, 2)}`
        }
      />
      <Kpi
        label={scenario ? `Scenario ${outlookYear}` : `${publisher} outlook ${outlookYear}`}
        value={
          outlookValue === undefined
            ? "–"
            : filtered || scenario
              ? formatApproxUsdM(outlookValue)
              : formatUsdM(outlookValue)
        }
        detail={
          scenario && outlook && outlookValue !== undefined && !filtered
            ? `${outlookValue >= outlook.value ? "+" : "−"}${formatPercent(Math.abs(outlookValue / outlook.value - 1))} vs the published ${formatUsdM(outlook.value)}`
            : undefined
        }
        note={
          scenario
            ? `Scenario: ${scenario.description} (our assumptions)`
            : filtered
              ? "Modelled: this slice's part of the published outlook"
              : "Published outlook"
        }
      />
      <Kpi
        label={`Our forecast ${outlookYear}`}
        value={fc ? formatApproxUsdM(fc.mean) : "–"}
        detail={
          fc
            ? [versusOutlook(vs, publisher, outlookYear), `80%: ${range(fc.lower["80"], fc.upper["80"])}`]
                .filter(Boolean)
                .join(" · ")
            : undefined
        }
        note={
          robustness
            ? `${BASIS_LABEL.forecast[0].toUpperCase()}${BASIS_LABEL.forecast.slice(1)}${total?.forecast ? ` (${methodLabel(total.forecast.method)})` : ""}. ${robustnessSentence(robustness, { slice: filtered })}`
            : `Our forecast${total?.forecast ? ` (${methodLabel(total.forecast.method)})` : ""} from history to ${ds.historyTo}`
        }
      />
    </section>
  );
}
