"use client";

import { BreakdownPanel } from "@/components/dashboard/breakdown-panel";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { FilterChips } from "@/components/dashboard/filter-chips";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { RankingPanel } from "@/components/dashboard/ranking-panel";
import { DashboardExport } from "@/components/dashboard/dashboard-export";
import { TotalPanel } from "@/components/dashboard/total-panel";
import { UrlNotice } from "@/components/dashboard/url-notice";
import { useView } from "@/components/dashboard/use-view";
import { filtersOf, hasFilters, toggleFilter, type FilterDimension } from "@/lib/market/query/view-state";
import { describeSlice } from "@/lib/market/presentation/describe";
import { breakdownsOf } from "@/lib/market/story/groups";
import { useStableCallback } from "@/components/dashboard/use-stable-callback";
import { usePrefetchSeries } from "@/components/dashboard/use-series";
import { overviewRequests } from "@/lib/market/query/first-render";
import { chartCard, deferredWhenHidden } from "@/components/dashboard/deferred-when-hidden";
import { YearSelect } from "./year-select";
import { LazyScenarioPanel } from "@/components/scenario/lazy-scenario-panel";

// Panels below the fold follow a filter click in a deferred render, after the ones on screen.
const Breakdown = deferredWhenHidden(BreakdownPanel, (p) => chartCard(p.id));
const Ranking = deferredWhenHidden(RankingPanel, () => chartCard("vendor-ranking"));
const Kpis = deferredWhenHidden(KpiCards, () => 'section[aria-label="Headline figures"]');

/** The overview: headline figures, the total with forecasts, four breakdowns and the vendor ranking; all cross-filtered. */
export function OverviewDashboard() {
  const { view, setView } = useView();
  const { dataset, publishedYears, outlook, members, groups = [] } = useDashboard();
  const breakdowns = breakdownsOf(groups);
  const filters = filtersOf(view);
  // Titles name the slice shown: "Total market" only when nothing is filtered.
  const slice = hasFilters(filters) ? describeSlice(filters, members) : null;
  const from = dataset.firstYear;
  const to = dataset.lastYear;
  const pinned = view.dataset;
  const prefetch = usePrefetchSeries();
  const select = useStableCallback((dim: FilterDimension, slug: string) => {
    const next = toggleFilter(filters, dim, slug);
    // The same requests the panels below make for the new filters (total, breakdowns, ranking).
    prefetch(overviewRequests(next, { from, to, dataset: pinned }, breakdowns));
    setView({ [dim]: next[dim] });
  });
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Large-scale AI Models market, global</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {dataset.title} · {dataset.publisher} · history {dataset.firstYear}-{dataset.historyTo}, outlook to{" "}
            {dataset.lastYear} · US$ M
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <YearSelect value={view.year} from={from} to={to} onChange={(year) => setView({ year })} />
          <DashboardExport />
        </div>
      </div>
      <UrlNotice />
      <FilterChips />
      <Kpis filters={filters} year={view.year} dataset={pinned} />
      <TotalPanel
        id="overview-total"
        title={`${slice ?? "Total market"} ${from}-${to}`}
        subject={slice ?? "The market"}
        filters={filters}
        from={from}
        to={to}
        dataset={pinned}
        forecast="auto"
      />
      <LazyScenarioPanel />
      <div className="grid gap-6 lg:grid-cols-2 min-[2200px]:grid-cols-4">
        {breakdowns.map((d) => (
          <Breakdown
            key={d}
            id={`overview-${d}`}
            by={d}
            filters={filters}
            from={from}
            to={to}
            year={view.year}
            dataset={pinned}
            onSelect={select}
          />
        ))}
      </div>
      <Ranking filters={filters} year={view.year} from={from} to={to} dataset={pinned} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {publishedNote(publishedYears, outlook, dataset.publisher)}
      </p>
    </>
  );
}

/** Which figures the publisher gave, from the dataset itself: e.g. "Only the 2024 and 2031 totals and the 2025-2031 CAGR are published by …". */
function publishedNote(
  years: number[],
  outlook: { cagrFrom: number; cagrTo: number } | null,
  publisher: string,
): string {
  const sorted = [...years].sort((a, b) => a - b);
  const list = sorted.length > 1 ? `${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)}` : String(sorted[0] ?? "");
  const parts = [
    sorted.length ? `the ${list} total${sorted.length > 1 ? "s" : ""}` : "",
    outlook ? `the ${outlook.cagrFrom}-${outlook.cagrTo} CAGR` : "",
  ].filter(Boolean);
  if (!parts.length) return "Every figure is modelled (see Methodology).";
  return `Only ${parts.join(" and ")} ${parts.length > 1 || sorted.length > 1 ? "are" : "is"} published by ${publisher}; every other figure is modelled (see Methodology).`;
}
