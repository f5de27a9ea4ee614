"use client";

import { BreakdownPanel } from "@/components/dashboard/breakdown-panel";
import { DashboardExport } from "@/components/dashboard/dashboard-export";
import { FilterChips } from "@/components/dashboard/filter-chips";
import { TotalPanel } from "@/components/dashboard/total-panel";
import { UrlNotice } from "@/components/dashboard/url-notice";
import { useStableCallback } from "@/components/dashboard/use-stable-callback";
import { useView } from "@/components/dashboard/use-view";
import { filtersOf, forecastParam, toggleFilter, type FilterDimension } from "@/lib/market/query/view-state";
import { ComparePanel } from "./compare-panel";
import { FilterBar } from "./filter-bar";
import { LazyScenarioPanel } from "@/components/scenario/lazy-scenario-panel";

export function ExploreDashboard() {
  const { view, setView } = useView();
  const filters = filtersOf(view);
  const forecast = forecastParam(view.method);
  const select = useStableCallback((dim: FilterDimension, slug: string) =>
    setView({ [dim]: toggleFilter(filters, dim, slug)[dim] }),
  );
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Explore the market</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Break the market down, filter it, switch to shares and pick a forecast method. The link always reproduces
            this view.
          </p>
        </div>
        <DashboardExport title="Large-scale AI Models market: explore" />
      </div>
      <FilterBar />
      <UrlNotice />
      <FilterChips />
      <LazyScenarioPanel />
      {view.by === "total" ? (
        <TotalPanel
          id="explore-total"
          title="Total market"
          filters={filters}
          from={view.from}
          to={view.to}
          dataset={view.dataset}
          forecast={forecast}
        />
      ) : (
        <BreakdownPanel
          id={`explore-${view.by}`}
          by={view.by}
          title={`Market by ${view.by === "type" ? "model type" : view.by === "sector" ? "application sector" : view.by === "group" ? "player group" : view.by}`}
          filters={filters}
          from={view.from}
          to={view.to}
          year={view.year}
          dataset={view.dataset}
          share={view.view === "share"}
          forecast={forecast}
          onSelect={select}
          height="h-96"
        />
      )}
      <ComparePanel />
    </>
  );
}
