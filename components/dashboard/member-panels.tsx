"use client";

import type { ReactNode } from "react";
import type { Dimension } from "@/lib/market/types";
import { filtersOf, memberFilters, toggleFilter } from "@/lib/market/query/view-state";
import { BreakdownPanel } from "./breakdown-panel";
import { FilterChips } from "./filter-chips";
import { TotalPanel } from "./total-panel";
import { useStableCallback } from "./use-stable-callback";
import { useView } from "./use-view";

interface Props {
  dimension: Dimension;
  slug: string;
  name: string;
  totalTitle: string;
  /** Shown beside the total (e.g. a vendor's share of the market). */
  aside?: ReactNode;
  splits: Dimension[];
  splitsClassName: string;
  from: number;
  to: number;
  year: number;
  dataset?: string;
}

/**
 * A sector's or vendor's panels. Clicking a bar or legend item in a split filters the page by it
 * (the URL keeps it, a chip removes it); the page's own member stays fixed.
 */
export function MemberPanels({ dimension, slug, name, totalTitle, aside, splits, splitsClassName, from, to, year, dataset }: Props) {
  const { view, setView } = useView();
  const filters = memberFilters(view, dimension, slug);
  const select = useStableCallback((dim: Dimension, member: string) => {
    if (dim !== dimension) setView({ [dim]: toggleFilter(filtersOf(view), dim, member)[dim] });
  });
  const base = { from, to, dataset };
  const total = <TotalPanel id={`${dimension}-${slug}-total`} title={totalTitle} subject={name} filters={filters} {...base} forecast="auto" />;
  return (
    <>
      <FilterChips fixed={dimension} subject={`all of ${name}`} />
      {aside ? (
        <div className="grid gap-6 xl:grid-cols-2">
          {total}
          {aside}
        </div>
      ) : (
        total
      )}
      <div className={`grid gap-6 ${splitsClassName}`}>
        {splits.map((by) => (
          <BreakdownPanel key={by} id={`${dimension}-${slug}-${by}`} by={by} filters={filters} {...base} year={year} onSelect={select} />
        ))}
      </div>
    </>
  );
}
