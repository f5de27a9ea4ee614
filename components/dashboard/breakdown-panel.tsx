"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { describeStacked } from "@/lib/chart/describe";
import { StackedChart } from "@/components/charts/charts";
import { StackedTable } from "@/components/charts/stacked-labels";
import { usePermalink } from "@/components/charts/use-permalink";
import {
  describeFilters,
  isEmpty,
  stackedRows,
  sumForecasts,
  summarizeBreakdown,
} from "@/lib/market/presentation/describe";
import type { Filters, SeriesQuery } from "@/lib/market/query/filters";
import { formatApproxUsdM, formatPercent } from "@/lib/market/presentation/format";
import { sharesInYear } from "@/lib/market/series/series";
import { BASIS_LABEL, dimensionLabel } from "@/lib/market/presentation/labels";
import { hasFilters, type FilterDimension } from "@/lib/market/query/view-state";
import { useMemo } from "react";
import { useDashboard } from "./dashboard-context";
import { useStableCallback } from "./use-stable-callback";
import { useRegisterSpec } from "./spec-registry";
import { withScenario } from "@/lib/market/scenario/levers";
import { useSeries } from "./use-series";
import { panelRequest, type PanelYears } from "@/lib/market/query/first-render";

interface Props extends PanelYears, Partial<Pick<SeriesQuery, "forecast">> {
  id: string;
  by: FilterDimension;
  title?: string;
  filters: Filters;
  year: number;
  share?: boolean;
  onSelect?: (dim: FilterDimension, slug: string) => void;
  showShares?: boolean;
  height?: string;
}

/** A breakdown over the years (stacked), with each member's share in the selected year. */
export function BreakdownPanel({
  id,
  by,
  title,
  filters,
  from,
  to,
  year,
  dataset,
  share = false,
  forecast = "none",
  onSelect,
  showShares = true,
  height,
}: Props) {
  const { dataset: ds, members, publishedYears } = useDashboard();
  // Every member of its own dimension (the selection is highlighted), filtered by the others.
  const q = useSeries(panelRequest.breakdown(by, filters, { from, to, dataset }, forecast));
  const permalink = usePermalink();
  const series = useMemo(() => q.data?.series ?? [], [q.data]);
  // The bars show the data: history, then the publisher's outlook. Our forecast (when a method is
  // chosen) is an overlay: the slice total's forecast, the sum of the members' forecasts.
  // Same data, same rows: the memoised plot then skips re-rendering while a new answer loads.
  const rows = useMemo(
    () => stackedRows(series, ds.historyTo, { useForecast: false, share }),
    [series, ds.historyTo, share],
  );
  const total = useMemo(() => (forecast === "none" ? null : sumForecasts(series)), [series, forecast]);
  // Player groups come in the story's order, as the server lists them.
  const memberOrder = useMemo(
    () => (by === "group" ? series.map((s) => s.key) : members.filter((m) => m.dimension === by).map((m) => m.slug)),
    [members, by, series],
  );
  const selectMember = useStableCallback((key: string) => onSelect?.(by, key));
  const method = series.find((s) => s.forecast)?.forecast?.method;
  const heading = title ?? `By ${dimensionLabel(by).toLowerCase()}`;
  const subtitle = withScenario(
    describeFilters(filters, members, from, to),
    share ? "share of market" : "US$ M",
    q.data?.scenario,
  );
  // The one description the plot, its legend and every export draw from (kind, order, colours).
  const spec = useMemo(
    () =>
      series.length
        ? describeStacked({
            id,
            title: heading,
            subtitle,
            rows,
            keys: series,
            share,
            memberOrder,
            forecast: total,
            historyTo: ds.historyTo,
            publisher: ds.publisher,
            datasetId: ds.id,
            currency: ds.currency,
            permalink,
          })
        : null,
    [id, heading, subtitle, rows, series, share, memberOrder, total, ds, permalink],
  );
  const keys = useMemo(() => (spec?.series ?? []).map((s) => ({ key: s.key, label: s.label, color: s.color })), [spec]);
  const overlay = spec?.forecast;
  useRegisterSpec(spec);
  const shareRows = sharesInYear(series, year);
  const yearInRange = year >= from && year <= to;
  return (
    <ChartCard
      title={heading}
      subtitle={subtitle}
      summary={summarizeBreakdown(
        series,
        yearInRange ? year : to,
        dimensionLabel(by),
        ds.historyTo,
        !hasFilters(filters) && publishedYears.includes(yearInRange ? year : to),
      )}
      query={q}
      empty={!!q.data && isEmpty(series)}
      spec={spec}
      table={() => (
        <StackedTable rows={rows} keys={keys} share={share} method={method} caption={heading} overlay={overlay} />
      )}
      footer={
        showShares && yearInRange && series.length > 0 && !isEmpty(series) ? (
          <details open className="@container mt-3 text-sm">
            <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
              Shares in {year} (
              {year > ds.historyTo ? `${BASIS_LABEL.outlook}, ${BASIS_LABEL.modelled}` : BASIS_LABEL.modelled})
            </summary>
            <ol className="mt-2 grid grid-cols-1 gap-x-4 @md:grid-cols-2">
              {shareRows.map((r) => (
                <li
                  key={r.key}
                  className="flex justify-between gap-2 border-b border-slate-100 py-0.5 dark:border-slate-800"
                >
                  <span className="truncate">{r.label}</span>
                  <span className="tabular-nums">
                    {formatPercent(r.share)} · {formatApproxUsdM(r.value)}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        ) : null
      }
    >
      <StackedChart
        rows={rows}
        keys={keys}
        historyTo={ds.historyTo}
        share={share}
        method={method}
        height={height}
        overlay={overlay}
        selected={filters[by] ?? []}
        onSelect={onSelect ? selectMember : undefined}
      />
    </ChartCard>
  );
}
