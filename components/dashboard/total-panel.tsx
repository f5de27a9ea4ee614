"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { describeTotal } from "@/lib/chart/describe";
import { ForecastChart } from "@/components/charts/charts";
import { ForecastTable } from "@/components/charts/forecast-table";
import { usePermalink } from "@/components/charts/use-permalink";
import { describeFilters, isEmpty, summarizeTotal } from "@/lib/market/presentation/describe";
import type { Filters, SeriesQuery } from "@/lib/market/query/filters";
import { useDashboard } from "./dashboard-context";
import { useRegisterSpec } from "./spec-registry";
import { withScenario } from "@/lib/market/scenario/levers";
import { useSeries } from "./use-series";
import { panelRequest, type PanelYears } from "@/lib/market/query/first-render";

interface Props extends PanelYears, Pick<SeriesQuery, "forecast"> {
  id: string;
  title: string;
  filters: Filters;
  /** Subject of the summary sentence: "The market", "Healthcare". */
  subject?: string;
  showOutlook?: boolean;
  height?: string;
  /** Fit the value axis to at least this value (charts compared side by side share one scale). */
  scaleTo?: number;
}

/** A slice's total over the years with the publisher's outlook and our forecast. */
export function TotalPanel({
  id,
  title,
  filters,
  from,
  to,
  dataset,
  forecast,
  subject,
  showOutlook = true,
  height,
  scaleTo,
}: Props) {
  const { dataset: ds, members, outlook } = useDashboard();
  const q = useSeries(panelRequest.total(filters, { from, to, dataset }, forecast));
  const permalink = usePermalink();
  const series = q.data?.series[0];
  const subtitle = withScenario(describeFilters(filters, members, from, to), "US$ M", q.data?.scenario);
  const spec = series
    ? describeTotal({
        id,
        title,
        subtitle,
        series,
        historyTo: ds.historyTo,
        publisher: ds.publisher,
        datasetId: ds.id,
        currency: ds.currency,
        permalink,
        showOutlook,
      })
    : null;
  useRegisterSpec(spec);
  return (
    <ChartCard
      title={title}
      subtitle={subtitle}
      summary={series ? summarizeTotal(series, ds.historyTo, subject, { outlookYear: outlook?.year }) : ""}
      query={q}
      empty={!!q.data && isEmpty(q.data.series)}
      spec={spec}
      table={() =>
        series && <ForecastTable series={series} historyTo={ds.historyTo} publisher={ds.publisher} caption={title} />
      }
    >
      {series && (
        <ForecastChart
          series={series}
          historyTo={ds.historyTo}
          publisher={ds.publisher}
          showOutlook={showOutlook}
          height={height}
          scaleTo={scaleTo}
        />
      )}
    </ChartCard>
  );
}
