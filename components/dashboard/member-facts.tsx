"use client";

import { ShareLineChart } from "@/components/charts/share-line-chart";
import { memberRequests, type PanelYears } from "@/lib/market/query/first-render";
import type { Filters } from "@/lib/market/query/filters";
import { formatApproxUsdM, formatByBasis, formatPercent } from "@/lib/market/presentation/format";
import { versusOutlook } from "@/lib/market/presentation/headline";
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import { cagr } from "@/lib/market/series/metrics";
import { methodLabel, valueBasisLabel } from "@/lib/market/presentation/labels";
import type { Dimension } from "@/lib/market/types";
import { useDashboard } from "./dashboard-context";
import { useSeries } from "./use-series";

interface Props extends PanelYears {
  dimension: Dimension;
  slug: string;
  /** "Healthcare", or "Healthcare · OpenAI, Europe" when cross-filtered. */
  subject: string;
  /** The part of the market the share is of: "the market", "OpenAI, Europe". */
  marketName: string;
  filters: Filters;
  year: number;
}

const at = (s: ForecastedSeries | undefined, y: number) => s?.points.find((p) => p.year === y);

/**
 * Headline figures of a sector or vendor page. They follow every filter and the year selector:
 * the same requests as the total chart below, so card, chart and sentence give one answer each.
 */
export function MemberFacts({ dimension, slug, subject, marketName, filters, year, from, to, dataset }: Props) {
  const { dataset: ds, outlook } = useDashboard();
  const req = memberRequests(dimension, slug, filters, { from, to, dataset });
  const slice = useSeries(req.total).data?.series[0];
  const market = useSeries(req.market).data?.series[0];
  const v = at(slice, year);
  const m = at(market, year);
  const cagrFrom = outlook?.cagrFrom ?? ds.historyTo;
  const cagrTo = outlook?.cagrTo ?? ds.lastYear;
  // Our forecast in the publisher's outlook year, beside this slice's part of the outlook: like with like.
  const compareYear = outlook?.year ?? ds.lastYear;
  const fc = slice?.forecast?.points.find((p) => p.year === compareYear);
  const sliceOutlook = at(slice, compareYear)?.value;
  const facts = [
    {
      label: `${subject}, ${year}`,
      value: formatByBasis(v?.value ?? NaN, v?.basis === "published"),
      note: valueBasisLabel(v?.basis ?? "modelled", year, ds.historyTo, ds.publisher),
    },
    {
      label: `Share of ${marketName}, ${year}`,
      value: v && m ? formatPercent(m.value ? v.value / m.value : NaN) : "–",
      note: valueBasisLabel("modelled", year, ds.historyTo, ds.publisher),
    },
    {
      label: `CAGR ${cagrFrom}-${cagrTo}`,
      value: formatPercent(cagr(at(slice, cagrFrom)?.value ?? NaN, at(slice, cagrTo)?.value ?? NaN, cagrTo - cagrFrom)),
      note: `Outlook (modelled): ${ds.publisher}'s outlook path`,
    },
    {
      label: `Our forecast ${compareYear}`,
      value: fc ? formatApproxUsdM(fc.mean) : "–",
      note: fc
        ? [
            `Our forecast (${methodLabel(slice?.forecast?.method ?? "")})`,
            sliceOutlook ? versusOutlook(fc.mean / sliceOutlook - 1, ds.publisher, compareYear) : null,
            `80%: ${formatApproxUsdM(fc.lower["80"])} – ${formatApproxUsdM(fc.upper["80"])}`,
            `from history to ${ds.historyTo}`,
          ]
            .filter(Boolean)
            .join("; ")
        : "No forecast",
    },
  ];
  return (
    <section aria-label="Key figures" aria-busy={!slice} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {facts.map((f) => (
        <div
          key={f.label}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="text-sm text-slate-600 dark:text-slate-400">{f.label}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums">{f.value}</div>
          <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{f.note}</div>
        </div>
      ))}
    </section>
  );
}

/** A vendor's (or sector's) share of the market it sits in, over the years; follows the filters. */
export function MemberShareChart({
  dimension,
  slug,
  subject,
  marketName,
  filters,
  from,
  to,
  dataset,
}: Omit<Props, "year">) {
  const { dataset: ds } = useDashboard();
  const req = memberRequests(dimension, slug, filters, { from, to, dataset });
  const slice = useSeries(req.total).data?.series[0];
  const market = useSeries(req.market).data?.series[0];
  const points = (slice?.points ?? []).map((p) => {
    const total = at(market, p.year)?.value ?? 0;
    return { year: p.year, share: total ? p.value / total : 0 };
  });
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <ShareLineChart
      id={`${dimension}-${slug}-share`}
      memberKey={slug}
      memberLabel={subject}
      title={`${subject}: share of ${marketName}`}
      subtitle={`${from}-${to} · share of ${marketName} · modelled; outlook after ${ds.historyTo}`}
      summary={
        first && last
          ? `${subject}'s share of ${marketName} moves from ${formatPercent(first.share)} in ${first.year} to ${formatPercent(last.share)} in ${last.year} (modelled; outlook after ${ds.historyTo}).`
          : ""
      }
      points={points}
      historyTo={ds.historyTo}
    />
  );
}
