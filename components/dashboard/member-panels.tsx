"use client";

import { YearSelect } from "@/app/_components/year-select";
import { describeSlice } from "@/lib/market/presentation/describe";
import type { Dimension } from "@/lib/market/types";
import { filtersOf, memberFilters, toggleFilter, type FilterDimension } from "@/lib/market/query/view-state";
import { BreakdownPanel } from "./breakdown-panel";
import { useDashboard } from "./dashboard-context";
import { DashboardExport } from "./dashboard-export";
import { SpecRegistryProvider } from "./spec-registry";
import { FilterChips } from "./filter-chips";
import { MemberFacts, MemberShareChart } from "./member-facts";
import { TotalPanel } from "./total-panel";
import { UrlNotice } from "./url-notice";
import { useStableCallback } from "./use-stable-callback";
import { useView } from "./use-view";

interface Props {
  dimension: Dimension;
  slug: string;
  name: string;
  /** "estimated value", "size and forecast": the total chart's title after the slice's name. */
  totalWhat: string;
  /** Show the member's share of the market over the years beside the total. */
  shareChart?: boolean;
  splits: Dimension[];
  splitsClassName: string;
}

/**
 * A sector's or vendor's figures and panels. Every part follows the URL: the cross-filters of the
 * other dimensions (cards, sentences, scales), the year selector, and a notice for bad parameters.
 * Clicking a bar or legend item in a split filters the page by it; the page's own member stays fixed.
 */
export function MemberPanels({ dimension, slug, name, totalWhat, shareChart, splits, splitsClassName }: Props) {
  const { view, setView } = useView();
  const { dataset, members } = useDashboard();
  const filters = memberFilters(view, dimension, slug);
  const others = { ...filtersOf(view), [dimension]: [] };
  const select = useStableCallback((dim: FilterDimension, member: string) => {
    if (dim !== dimension) setView({ [dim]: toggleFilter(filtersOf(view), dim, member)[dim] });
  });
  const filtered = describeSlice(others, members) !== "Whole market";
  // "Healthcare" or "Healthcare · OpenAI + Europe"; the share is of the market those filters leave.
  const subject = filtered ? `${name} · ${describeSlice(others, members)}` : name;
  const marketName = filtered ? describeSlice(others, members) : "the market";
  const scope = { from: dataset.firstYear, to: dataset.lastYear, dataset: view.dataset };
  const common = { dimension, slug, subject, marketName, filters: view, ...scope };
  const total = (
    <TotalPanel
      id={`${dimension}-${slug}-total`}
      title={`${name}: ${totalWhat}`}
      subject={subject}
      filters={filters}
      {...scope}
      forecast="auto"
    />
  );
  return (
    <SpecRegistryProvider>
      <UrlNotice />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterChips fixed={dimension} subject={`all of ${name}`} />
        <div className="flex flex-wrap items-end gap-3">
          <YearSelect
            value={view.year}
            from={dataset.firstYear}
            to={dataset.lastYear}
            onChange={(year) => setView({ year })}
          />
          <DashboardExport title={`${name}: Large-scale AI Models market`} />
        </div>
      </div>
      <MemberFacts {...common} year={view.year} />
      {shareChart ? (
        <div className="grid gap-6 xl:grid-cols-2">
          {total}
          <MemberShareChart {...common} />
        </div>
      ) : (
        total
      )}
      <div className={`grid gap-6 ${splitsClassName}`}>
        {splits.map((by) => (
          <BreakdownPanel
            key={by}
            id={`${dimension}-${slug}-${by}`}
            by={by}
            filters={filters}
            {...scope}
            year={view.year}
            onSelect={select}
          />
        ))}
      </div>
    </SpecRegistryProvider>
  );
}
