"use client";

import { cagr } from "@/lib/market/series/metrics";
import type { Filters } from "@/lib/market/query/filters";
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { methodLabel } from "@/lib/market/presentation/labels";
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

/** Headline figures: size in the selected year, the published CAGR, the publisher's outlook, our forecast. */
export function KpiCards({ filters, year, dataset }: { filters: Filters; year: number; dataset?: string }) {
  const { dataset: ds, outlook } = useDashboard();
  // The same request as the overview's total chart: one fetch serves both.
  const q = useSeries(panelRequest.total(filters, { from: ds.firstYear, to: ds.lastYear, dataset }));
  const total = q.data?.series[0];
  const at = (y: number) => total?.points.find((p) => p.year === y);
  const filtered = hasFilters(filters);
  const inYear = at(year);
  const fc = total?.forecast?.points.find((p) => p.year === ds.lastYear);
  const from = outlook?.cagrFrom ?? ds.historyTo;
  const to = outlook?.cagrTo ?? ds.lastYear;
  const implied = cagr(at(from)?.value ?? NaN, at(to)?.value ?? NaN, to - from);
  const outlookValue = filtered ? at(outlook?.year ?? to)?.value : outlook?.value;
  const basis = (b?: string, y?: number) =>
    b === "published"
      ? `Published (${ds.publisher})`
      : y !== undefined && y > ds.historyTo
        ? "Outlook, modelled"
        : "Modelled";
  return (
    <section aria-label="Headline figures" aria-busy={q.isPending} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Kpi
        label={`Market size ${year}${filtered ? " (filtered)" : ""}`}
        value={formatUsdM(inYear?.value ?? NaN)}
        note={basis(inYear?.basis, year)}
      />
      <Kpi
        label={`CAGR ${from}-${to}`}
        value={formatPercent(filtered || !outlook ? implied : outlook.cagr)}
        note={
          filtered || !outlook
            ? "Modelled: implied by this slice"
            : `Published; the data implies ${formatPercent(implied, 2)}`
        }
      />
      <Kpi
        label={`${outlook?.publisher ?? ds.publisher} outlook ${outlook?.year ?? ""}`}
        value={formatUsdM(outlookValue ?? NaN)}
        note={filtered ? "Modelled: this slice's part of the published outlook" : "Published outlook"}
      />
      <Kpi
        label={`Our forecast ${ds.lastYear}`}
        value={fc ? formatUsdM(fc.mean) : "–"}
        detail={
          fc
            ? `80%: ${formatUsdM(fc.lower["80"])} – ${formatUsdM(fc.upper["80"])} · 95%: ${formatUsdM(fc.lower["95"])} – ${formatUsdM(fc.upper["95"])}`
            : undefined
        }
        note={`Modelled forecast${total?.forecast ? ` (${methodLabel(total.forecast.method)})` : ""} from history to ${ds.historyTo}`}
      />
    </section>
  );
}
