import { TotalMarketChart } from "@/components/charts/total-market-chart";
import { cagr } from "@/lib/market/metrics";
import { formatMillions, formatPercent } from "@/lib/market/format";
import { seriesQuerySchema } from "@/lib/market/filters";
import { getSeriesView } from "@/lib/server/market";
import { getOutlook } from "@/lib/server/queries";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const result = await getSeriesView(seriesQuerySchema.parse({}));
  if (!result.ok) notFound();
  const { view } = result;
  const outlook = await getOutlook(view.dataset.id);
  const total = view.series[0].points;
  const at = (y: number) => total.find((p) => p.year === y);
  const v2024 = at(2024);
  const rate = outlook ? cagr(at(outlook.cagrFrom)?.value ?? NaN, at(outlook.cagrTo)?.value ?? NaN, outlook.cagrTo - outlook.cagrFrom) : NaN;
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-semibold">Large-scale AI Models market, global</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {view.dataset.title} · {view.dataset.publisher} · dataset {view.dataset.id}
        </p>
      </header>
      <section className="grid gap-4 sm:grid-cols-3" aria-label="Headline figures">
        <Kpi label="Market size 2024" value={`US$ ${formatMillions(v2024?.value ?? NaN)} M`} note={v2024?.basis === "published" ? `Published (${view.dataset.publisher})` : "Modelled"} />
        <Kpi label={`${outlook?.publisher ?? "Publisher"} outlook ${outlook?.year ?? ""}`} value={`US$ ${formatMillions(outlook?.value ?? NaN)} M`} note="Published outlook" />
        <Kpi label={`CAGR ${outlook?.cagrFrom}-${outlook?.cagrTo}`} value={formatPercent(outlook?.cagr ?? rate)} note={`Published; the data implies ${formatPercent(rate, 2)}`} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-2 font-medium">Total market {view.from}-{view.to} (US$ M)</h2>
        <TotalMarketChart points={total} historyTo={view.dataset.historyTo} publisher={view.dataset.publisher} />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          2024 and 2031 are published by {view.dataset.publisher}; every other value is modelled.
        </p>
      </section>
    </main>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</div>
    </div>
  );
}
