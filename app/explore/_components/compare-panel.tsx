"use client";

import { useId } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { TotalPanel } from "@/components/dashboard/total-panel";
import { useView } from "@/components/dashboard/use-view";
import { describeSlice } from "@/lib/market/presentation/describe";
import { dimensionLabel } from "@/lib/market/presentation/labels";
import { DIMENSIONS } from "@/lib/market/types";
import { forecastParam, sliceFilters } from "@/lib/market/query/view-state";
import { useSeries } from "@/components/dashboard/use-series";
import { panelRequest } from "@/lib/market/query/first-render";
import { forecastRows } from "@/components/charts/forecast-rows";
import { forecastFit } from "@/lib/market/presentation/forecast-scale";

/** The value of a slice that combines several members (only a pasted URL makes one): shown, kept until replaced. */
const COMBINED = "combined";

function SlicePicker({ label, items, onChange }: { label: string; items: string[]; onChange: (v: string) => void }) {
  const id = useId();
  const { members } = useDashboard();
  const value = items.length > 1 ? COMBINED : (items[0] ?? "");
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id} className="text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="">None</option>
        {items.length > 1 && <option value={COMBINED}>{describeSlice(sliceFilters(items), members)}</option>}
        {DIMENSIONS.map((d) => (
          <optgroup key={d} label={dimensionLabel(d)}>
            {members
              .filter((m) => m.dimension === d)
              .map((m) => (
                <option key={m.slug} value={`${d}:${m.slug}`}>
                  {m.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * The value both compared charts fit: the larger of the two charts' own fits, so they share one
 * y-scale (the point of a comparison). The same requests as the panels: answered once.
 */
function useSharedScale(items: string[][]): number | undefined {
  const { view } = useView();
  const { dataset } = useDashboard();
  const scope = { from: view.from, to: view.to, dataset: view.dataset };
  const method = forecastParam(view.method);
  const a = useSeries(panelRequest.total(sliceFilters(items[0]), scope, method)).data?.series[0];
  const b = useSeries(panelRequest.total(sliceFilters(items[1]), scope, method)).data?.series[0];
  const fits = [items[0].length ? a : undefined, items[1].length ? b : undefined]
    .filter((s) => s !== undefined)
    .map((s) => forecastFit(forecastRows(s, dataset.historyTo), dataset.historyTo));
  return fits.length === 2 ? Math.max(...fits) : undefined;
}

/** Two slices side by side (`ca`, `cb` in the URL), each with its total, outlook and forecast. */
export function ComparePanel() {
  const { view, setView } = useView();
  const { members } = useDashboard();
  const slices = [
    { key: "ca" as const, items: view.ca, label: "Compare slice A" },
    { key: "cb" as const, items: view.cb, label: "Compare slice B" },
  ];
  const active = slices.filter((s) => s.items.length);
  const scaleTo = useSharedScale(slices.map((s) => s.items));
  return (
    <section aria-labelledby="compare-heading" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="compare-heading" className="mr-2 text-lg font-semibold">
          Compare two slices
        </h2>
        {slices.map((s) => (
          <SlicePicker
            key={s.key}
            label={s.label}
            items={s.items}
            onChange={(v) => v !== COMBINED && setView({ [s.key]: v ? [v] : [] })}
          />
        ))}
      </div>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Pick one or two slices to see them side by side.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {active.map((s) => {
            const f = sliceFilters(s.items);
            const name = describeSlice(f, members);
            return (
              <TotalPanel
                key={s.key}
                id={`compare-${s.key}`}
                title={`${s.key === "ca" ? "A" : "B"}: ${name}`}
                subject={name}
                filters={f}
                from={view.from}
                to={view.to}
                dataset={view.dataset}
                forecast={forecastParam(view.method)}
                height="h-64"
                scaleTo={scaleTo}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
