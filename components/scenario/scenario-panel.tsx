"use client";

import { useMemo, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { useSeries } from "@/components/dashboard/use-series";
import { useView } from "@/components/dashboard/use-view";
import { panelRequest, type PanelYears } from "@/lib/market/query/first-render";
import { filtersOf, hasFilters } from "@/lib/market/query/view-state";
import { describeSlice } from "@/lib/market/presentation/describe";
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import {
  describeLevers,
  describeStep,
  formatLevers,
  LEVEL_LABELS,
  LEVELS,
  leversOf,
  OUR_ASSUMPTION,
  parseLevers,
  preset,
  type LeverLevels,
} from "@/lib/market/scenario/levers";
import { CATEGORICAL } from "@/lib/chart/palette";
import { ScenarioCompareChart, type CompareLine } from "./scenario-compare-chart";
import { SavedScenarios } from "./saved-scenarios";

function describeText(text: string, levers: ReturnType<typeof leversOf>): string {
  const r = parseLevers(text, levers);
  return r.ok ? describeLevers(r.value, levers) : text;
}

/** At most this many scenarios side by side: the base and up to three others. */
const MAX_COMPARED = 4;

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/**
 * The scenario panel: every driver and trend as a lever with five levels (written to the URL's
 * `levers`, so Back undoes a change and a link reproduces it), Bull and Bear presets and reset,
 * each lever's steps labelled as our assumption, moved levers marked as overrides, and the base
 * beside up to three scenarios as lines and as a table of values and deltas.
 */
export function ScenarioPanel() {
  const { story, members, dataset, groups = [] } = useDashboard();
  const { view, setView } = useView();
  const levers = useMemo(() => leversOf(story ?? { drivers: [], trends: [] }), [story]);
  const current: LeverLevels = useMemo(() => {
    const r = parseLevers(view.levers ?? "", levers);
    return r.ok ? r.value : {};
  }, [view.levers, levers]);
  const [pinned, setPinned] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  if (!levers.length) return null;

  // A changed lever is no longer the saved scenario the page may have opened.
  const write = (levels: LeverLevels) => setView({ levers: formatLevers(levels, levers) || null, scenario: null });
  const setLevel = (key: string, level: number) => write({ ...current, [key]: level });
  const moved = levers.filter((l) => (current[l.key] ?? 0) !== 0).length;
  const currentText = formatLevers(current, levers);
  const filters = filtersOf(view);
  const compared = ["", ...(currentText ? [currentText] : []), ...pinned.filter((p) => p && p !== currentText)].slice(
    0,
    MAX_COMPARED,
  );
  const canPin = !!currentText && !pinned.includes(currentText) && compared.length < MAX_COMPARED;

  return (
    <section
      aria-labelledby="scenario-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="scenario-heading" className="font-semibold">
            Scenario
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The publisher&apos;s drivers and trends as levers. Each level moves the segments a driver names by a step
            that is {OUR_ASSUMPTION}; every breakdown still adds up to the total. History never changes.
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Scenario presets">
          <button type="button" className={BUTTON} onClick={() => write(preset("bull", levers))}>
            Bull
          </button>
          <button type="button" className={BUTTON} onClick={() => write(preset("bear", levers))}>
            Bear
          </button>
          <button type="button" className={BUTTON} onClick={() => write({})} disabled={!moved}>
            Reset
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={!canPin}
            onClick={() => setPinned((p) => [...p, currentText].slice(-(MAX_COMPARED - 1)))}
          >
            Add to comparison
          </button>
        </div>
      </div>
      <p className="mt-2 text-sm" aria-live="polite" data-testid="scenario-status">
        {moved
          ? `Scenario: ${describeLevers(current, levers)} (${moved} override${moved > 1 ? "s" : ""})`
          : "Base: the publisher's outlook, no lever moved"}
      </p>
      <ul className="mt-3 grid gap-2 lg:grid-cols-2">
        {levers.map((l) => {
          const level = current[l.key] ?? 0;
          return (
            <li
              key={l.key}
              data-lever={l.key}
              className={`rounded border p-2 text-sm ${level ? "border-amber-500 bg-amber-50 dark:border-amber-600 dark:bg-amber-950" : "border-slate-200 dark:border-slate-700"}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0">
                  <span className="font-medium">{l.title}</span>{" "}
                  <span className="text-xs text-slate-600 dark:text-slate-400">({l.kind})</span>
                  {level !== 0 && (
                    <span className="ml-2 rounded bg-amber-200 px-1 text-xs text-amber-950 dark:bg-amber-800 dark:text-amber-50">
                      override {signed(level)}
                    </span>
                  )}
                </span>
                <span role="group" aria-label={`${l.title}: level`} className="flex">
                  {LEVELS.map((v) => (
                    <button
                      key={v}
                      type="button"
                      aria-pressed={level === v}
                      aria-label={`${l.title} ${signed(v)} (${LEVEL_LABELS[String(v)]})`}
                      title={LEVEL_LABELS[String(v)]}
                      onClick={() => setLevel(l.key, v)}
                      className={`w-8 border border-slate-300 py-0.5 text-xs tabular-nums first:rounded-l last:rounded-r dark:border-slate-600 ${level === v ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                    >
                      {signed(v)}
                    </button>
                  ))}
                </span>
              </div>
              <button
                type="button"
                className="mt-1 text-xs text-slate-600 underline dark:text-slate-400"
                aria-expanded={open === l.key}
                onClick={() => setOpen(open === l.key ? null : l.key)}
              >
                {open === l.key ? "Hide steps" : `Steps (${OUR_ASSUMPTION})`}
              </button>
              {open === l.key && (
                <ul className="mt-1 list-disc pl-5 text-xs text-slate-700 dark:text-slate-300">
                  {l.moves.map((m) => (
                    <li key={`${m.dimension}:${m.member}`}>
                      {m.direction} {memberName(members, groups, m.dimension, m.member)}: {describeStep(m)} (
                      {OUR_ASSUMPTION}
                      {m.defaulted ? ", default" : ""})
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <SavedScenarios levers={currentText} datasetId={dataset.id} describe={(t) => describeText(t, levers)} />
      <ScenarioComparison
        scenarios={compared}
        levers={levers}
        filters={filters}
        subject={hasFilters(filters) ? describeSlice(filters, members) : "Total market"}
        from={dataset.firstYear}
        to={dataset.lastYear}
        historyTo={dataset.historyTo}
        datasetPin={view.dataset}
        onUnpin={(s) => setPinned((p) => p.filter((x) => x !== s))}
      />
    </section>
  );
}

const BUTTON =
  "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";

function memberName(
  members: { dimension: string; slug: string; name: string }[],
  groups: { key: string; title: string }[],
  dim: string,
  slug: string,
) {
  if (dim === "group") return `the group ${groups.find((g) => g.key === slug)?.title ?? slug}`;
  return members.find((m) => m.dimension === dim && m.slug === slug)?.name ?? slug;
}

/** One scenario's total series (the base when `levers` is ""). */
function useScenarioTotal(levers: string | undefined, filters: ReturnType<typeof filtersOf>, scope: PanelYears) {
  return useSeries(panelRequest.scenarioTotal(filters, scope, levers ?? "")).data?.series[0];
}

function ScenarioComparison({
  scenarios,
  levers,
  filters,
  subject,
  from,
  to,
  historyTo,
  datasetPin,
  onUnpin,
}: {
  scenarios: string[];
  levers: ReturnType<typeof leversOf>;
  filters: ReturnType<typeof filtersOf>;
  subject: string;
  from: number;
  to: number;
  historyTo: number;
  datasetPin?: string;
  onUnpin: (levers: string) => void;
}) {
  const scope = { from, to, dataset: datasetPin };
  // A fixed number of hooks: one per comparison slot.
  const s0 = useScenarioTotal(scenarios[0], filters, scope);
  const s1 = useScenarioTotal(scenarios[1], filters, scope);
  const s2 = useScenarioTotal(scenarios[2], filters, scope);
  const s3 = useScenarioTotal(scenarios[3], filters, scope);
  const totals = [s0, s1, s2, s3].slice(0, scenarios.length);
  const name = (text: string) => {
    if (!text) return "Base (publisher's outlook)";
    const r = parseLevers(text, levers);
    return r.ok ? `Scenario: ${describeLevers(r.value, levers)}` : text;
  };
  const lines: CompareLine[] = scenarios.map((text, i) => ({
    key: `s${i}`,
    label: name(text),
    color: i === 0 ? "#475569" : CATEGORICAL[(i - 1) % CATEGORICAL.length],
    points: (totals[i]?.points ?? []).map((p) => ({ year: p.year, value: p.value })),
  }));
  const years = (totals[0]?.points ?? []).map((p) => p.year).filter((y) => y > historyTo);
  const value = (i: number, y: number) => totals[i]?.points.find((p) => p.year === y)?.value;
  return (
    <div className="mt-4" data-testid="scenario-comparison">
      <h3 className="text-sm font-semibold">
        {subject}: base and {scenarios.length - 1} scenario{scenarios.length === 2 ? "" : "s"}, US$ M
      </h3>
      {scenarios.length > 1 ? (
        <>
          <div className="mt-2 h-64">
            <ScenarioCompareChart lines={lines} historyTo={historyTo} />
          </div>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-right text-xs tabular-nums">
              <caption className="sr-only">Scenario values and deltas against the base, US$ M</caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  <th className="py-1 text-left font-medium">Scenario</th>
                  {years.map((y) => (
                    <th key={y} className="px-2 py-1 font-medium">
                      {y}
                    </th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>
                {scenarios.map((text, i) => (
                  <tr key={text || "base"} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <th scope="row" className="max-w-64 py-1 text-left font-normal">
                      <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: lines[i].color }} />
                      {lines[i].label}
                    </th>
                    {years.map((y) => {
                      const v = value(i, y);
                      const b = value(0, y);
                      return (
                        <td key={y} className="px-2 py-1">
                          <div>{v === undefined ? "–" : formatUsdM(v)}</div>
                          {i > 0 && v !== undefined && b !== undefined && (
                            <div className="text-slate-600 dark:text-slate-400">
                              {v - b >= 0 ? "+" : "−"}
                              {formatUsdM(Math.abs(v - b))} ({v - b >= 0 ? "+" : "−"}
                              {formatPercent(b ? Math.abs(v / b - 1) : 0)})
                            </div>
                          )}
                        </td>
                      );
                    })}
                    <td className="py-1">
                      {i > 1 && (
                        <button type="button" className="underline" onClick={() => onUnpin(text)}>
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Move a lever or pick Bull or Bear to compare a scenario with the base.
        </p>
      )}
    </div>
  );
}
