"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { DataTable } from "@/components/charts/data-table";
import { describeFilters, isEmpty } from "@/lib/market/presentation/describe";
import type { Filters } from "@/lib/market/query/filters";
import { formatApproxUsdM, formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { ranking, type RankingRow } from "@/lib/market/series/series";
import { usePermalink } from "@/components/charts/use-permalink";
import { describeRanking } from "@/lib/chart/describe";
import { useDashboard } from "./dashboard-context";
import { useRegisterSpec } from "./spec-registry";
import { withScenario } from "@/lib/market/scenario/levers";
import { useSeries } from "./use-series";
import { panelRequest, type PanelYears } from "@/lib/market/query/first-render";

function change(r: RankingRow): string {
  if (r.rank === null) return "not ranked";
  if (r.rankChange === null) return "–";
  if (r.rankChange === 0) return "no change";
  return r.rankChange > 0 ? `up ${r.rankChange}` : `down ${-r.rankChange}`;
}

/** Vendors ranked by value in the selected year, with the change against the year before. */
export function RankingPanel({
  filters,
  year,
  from,
  to,
  dataset,
}: PanelYears & {
  filters: Filters;
  year: number;
}) {
  const { dataset: ds, members, groups = [] } = useDashboard();
  // The release's player group of each vendor, by its full name.
  const groupName = (vendor: string) => groups.find((g) => g.members.includes(vendor))?.title ?? "–";
  // The vendor breakdown's answer: every vendor, the selected ones highlighted.
  const q = useSeries(panelRequest.ranking(filters, { from, to, dataset }));
  const selected = new Set(filters.vendor);
  const series = q.data?.series ?? [];
  // "Others" is the rest of the market, not a competitor: shown, but not ranked.
  const rows = ranking(series, year, { unranked: ["others"] });
  const title = `Vendor ranking, ${year}`;
  const subtitle = withScenario(
    describeFilters(filters, members, year, year),
    "vendor values are modelled (indicative)",
    year > ds.historyTo ? q.data?.scenario : undefined,
  );
  const permalink = usePermalink();
  const memberOrder = members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
  // One bar per vendor in its palette colour, on screen (the bar column) and in every export.
  const spec = rows.length
    ? describeRanking({
        id: "vendor-ranking",
        title,
        subtitle,
        year,
        rows,
        memberOrder,
        historyTo: ds.historyTo,
        publisher: ds.publisher,
        datasetId: ds.id,
        currency: ds.currency,
        permalink,
      })
    : null;
  useRegisterSpec(spec);
  const entries = spec?.ranking?.entries ?? [];
  const max = Math.max(0, ...entries.map((e) => e.value)) || 1;
  const colorOf = new Map(entries.map((e) => [e.key, e.color]));
  const table = (
    <DataTable
      caption={title}
      rows={rows}
      rowKey={(r) => r.key}
      scroll={false}
      rowClassName={(r) =>
        selected.size ? (selected.has(r.key) ? "bg-blue-50 font-semibold dark:bg-blue-950" : "opacity-60") : ""
      }
      columns={[
        { key: "rank", label: "Rank", render: (r) => r.rank ?? "–" },
        { key: "vendor", label: "Vendor", render: (r) => r.label },
        ...(groups.length
          ? [
              {
                key: "group",
                label: "Player group",
                render: (r: (typeof rows)[number]) => groupName(r.key),
                // On a phone the values come first; the vendor page names the group.
                className: "hidden sm:table-cell",
              },
            ]
          : []),
        {
          key: "value",
          label: `Value (${year > ds.historyTo ? "outlook, " : ""}modelled)`,
          numeric: true,
          render: (r) => formatUsdM(r.value),
        },
        { key: "share", label: "Share (modelled)", numeric: true, render: (r) => formatPercent(r.share) },
        {
          key: "change",
          label: `Rank change vs ${year - 1}`,
          render: (r) => (
            <span
              className={
                r.rankChange
                  ? r.rankChange > 0
                    ? "text-green-800 dark:text-green-300"
                    : "text-red-800 dark:text-red-300"
                  : ""
              }
            >
              {r.rankChange ? (r.rankChange > 0 ? "▲ " : "▼ ") : ""}
              {change(r)}
            </span>
          ),
        },
        {
          key: "bar",
          label: "Value bar",
          // Decorative (the value is in its own column): dropped on a phone so the values stay in view.
          className: "hidden sm:table-cell",
          render: (r) => (
            <span aria-hidden="true" data-series={r.key} className="block h-3 min-w-24">
              <span
                className="block h-3 rounded-sm"
                style={{ width: `${(Math.max(0, r.value) / max) * 100}%`, background: colorOf.get(r.key) }}
              />
            </span>
          ),
        },
      ]}
    />
  );
  const top = rows[0];
  return (
    <ChartCard
      title={title}
      subtitle={subtitle}
      spec={spec}
      summary={
        top
          ? `${top.label} ranks first in ${year} with ${formatPercent(top.share)} of the market shown (${formatApproxUsdM(top.value)}).`
          : ""
      }
      query={q}
      empty={!!q.data && isEmpty(series)}
      table={() => table}
    >
      {table}
    </ChartCard>
  );
}
