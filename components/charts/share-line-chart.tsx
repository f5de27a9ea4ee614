"use client";

import dynamic from "next/dynamic";
import { formatPercent } from "@/lib/market/presentation/format";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { PlotSkeleton } from "./plot-skeleton";
import { usePermalink } from "./use-permalink";
import { describeShareLine } from "@/lib/chart/describe";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { useRegisterSpec } from "@/components/dashboard/spec-registry";

interface Props {
  /** Stable id for exports and tests, e.g. "vendor-openai-share". */
  id: string;
  /** The member whose share this is. */
  memberKey: string;
  memberLabel: string;
  title: string;
  subtitle: string;
  summary: string;
  points: { year: number; share: number }[];
  historyTo: number;
}

// Recharts loads after the page, as for every chart (charts.tsx); the card, summary and table render at once.
const ShareLinePlot = dynamic(() => import("./share-line-plot").then((m) => m.ShareLinePlot), {
  ssr: false,
  loading: PlotSkeleton,
});

/** One share over the years (0-1), later years shaded as outlook; all values modelled. */
export function ShareLineChart({ id, memberKey, memberLabel, title, subtitle, summary, points, historyTo }: Props) {
  const { dataset: ds } = useDashboard();
  const permalink = usePermalink();
  // The description the plot and the export menu both draw from.
  const spec = points.length
    ? describeShareLine({
        id,
        title,
        subtitle,
        key: memberKey,
        label: memberLabel,
        points,
        historyTo,
        publisher: ds.publisher,
        datasetId: ds.id,
        currency: ds.currency,
        permalink,
      })
    : null;
  useRegisterSpec(spec);
  return (
    <ChartCard
      title={title}
      subtitle={subtitle}
      summary={summary}
      empty={points.every((p) => !p.share)}
      spec={spec}
      table={() => (
        <DataTable
          caption={title}
          rows={points}
          rowKey={(r) => String(r.year)}
          columns={[
            { key: "year", label: "Year", render: (r) => r.year },
            { key: "share", label: "Share (modelled)", numeric: true, render: (r) => formatPercent(r.share) },
            {
              key: "phase",
              label: "Basis",
              render: (r) => (r.year <= historyTo ? "history, modelled" : "outlook, modelled"),
            },
          ]}
        />
      )}
    >
      <div className="h-64 w-full text-slate-700 dark:text-slate-300" aria-hidden="true">
        <ShareLinePlot points={points} historyTo={historyTo} color={spec?.series[0].color} />
      </div>
    </ChartCard>
  );
}
