import type { Metadata } from "next";
import { EstimatesChart } from "@/components/charts/estimates-chart";
import { dimensionLabel } from "@/lib/market/presentation/labels";
import { getFigures, getMethodology, getOtherEstimates, getOutlook } from "@/lib/server/provenance";
import { getDataset } from "@/lib/server/queries";
import { parseViewState } from "@/lib/market/query/view-state";
import { getActiveTotals } from "@/lib/server/dataset-tables";
import { getStory } from "@/lib/server/story";
import { DEFAULT_STEPS, describeStep, leversOf } from "@/lib/market/scenario/levers";
import { NoDataset } from "../_components/no-dataset";
import { FiguresTable } from "./_components/figures-table";
import { ForecastAccuracy, SHORT_FORECAST_ACCURACY } from "./_components/forecast-accuracy";
import { gatedPage } from "@/app/_components/gated-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Methodology and sources" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

async function MethodologyPageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The page's URL read as every page reads it: a pinned version, else the active one.
  const pinned = parseViewState(await searchParams).value.dataset;
  const dataset = (pinned ? await getDataset(pinned) : null) ?? (await getDataset());
  if (!dataset) return <NoDataset />;
  const [figures, methodology, outlook, estimates, datasets, story] = await Promise.all([
    getFigures(dataset.id),
    getMethodology(dataset.id),
    getOutlook(dataset.id),
    getOtherEstimates(dataset.id),
    getActiveTotals(dataset.historyTo - 1),
    getStory(dataset.id),
  ]);
  const levers = leversOf(story);
  // One figure per (year, value, unit): the release's 2024 size is both a total and a listed figure.
  const published = [
    ...new Map(
      figures.filter((f) => f.basis === "published").map((f) => [`${f.year}|${f.value}|${f.unit}`, f]),
    ).values(),
  ].sort((a, b) => (a.unit === b.unit ? (a.year ?? 0) - (b.year ?? 0) : a.unit === "ratio" ? 1 : -1));
  const rows = estimates.map((e) => ({
    name: estimateName(e, estimates),
    firm: e.firm,
    scope: e.scope,
    baseYear: e.baseYear,
    baseValue: e.baseValue,
    cagr: e.cagr,
    ours: e.firm === dataset.publisher,
  }));
  // Every loaded data set's total (its active version), beside the published estimates.
  const loaded = datasets
    .filter((d) => d.id !== dataset.id || !rows.some((r) => r.ours && r.baseYear === d.year))
    .map((d) => ({
      name: `${d.publisher} ${d.year} (data set)`,
      firm: d.publisher,
      scope: `Data set ${d.id}: ${d.title}`,
      baseYear: d.year,
      baseValue: d.value,
      cagr: null,
      ours: d.id === dataset.id,
    }));
  rows.push(...loaded);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Methodology and sources</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {dataset.title} · {dataset.publisher} · {dataset.edition} · dataset {dataset.id}
        </p>
      </div>
      <section aria-labelledby="published" className={card}>
        <h2 id="published" className="font-semibold">
          What is published
        </h2>
        <p className="mt-1 text-sm">
          {published.length} figure{published.length === 1 ? "" : "s"} come{published.length === 1 ? "s" : ""} from{" "}
          {dataset.publisher} and appear unchanged everywhere in the app
          {published.length ? `: ${listFigures(published, outlook)}` : ""}. Everything else is modelled and marked so in
          tooltips, tables and headline cards.
        </p>
        <div className="mt-3">
          <FiguresTable figures={figures} />
        </div>
      </section>
      <section aria-labelledby="modelled" className={card}>
        <h2 id="modelled" className="font-semibold">
          What is modelled, and how
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {methodology?.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        {methodology && methodology.marginals.length > 0 && (
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            {methodology.marginals.map((m) => (
              <div key={m.dimension} className="rounded border border-slate-200 p-3 text-sm dark:border-slate-700">
                <h3 className="font-medium">Split by {dimensionLabel(m.dimension).toLowerCase()}</h3>
                <p className="mt-1">{m.method}</p>
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {m.sources.map((s) => (
                    <li key={s.label}>
                      {s.url ? (
                        <a
                          href={s.url}
                          className="text-blue-800 underline dark:text-blue-300"
                          rel="noreferrer"
                          target="_blank"
                        >
                          {s.label}
                        </a>
                      ) : (
                        s.label
                      )}
                      {s.date ? ` (${s.date})` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </section>
      <EstimatesChart rows={rows} publisher={dataset.publisher} />
      <section aria-labelledby="forecasts" className={card}>
        <h2 id="forecasts" className="font-semibold">
          How the forecasts are made
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>
            History years ({dataset.firstYear}-{dataset.historyTo}) are data. There is one forecast for the whole
            market: its total is forecast from its history to {dataset.lastYear} with the chosen method, and every slice
            follows from it.
          </li>
          <li>
            Methods: naive, drift, log-linear (constant growth), exponential smoothing (simple, Holt, damped trend,
            automatic ETS), Theta and its optimised variants, the Comb S-H-D combination, and <code>auto</code>: the
            median of automatic ETS, dynamic optimised Theta and drift. With fewer than seven years of history (as here:{" "}
            {dataset.historyTo - dataset.firstYear + 1}) it grows the last value at the series&apos; own yearly growth
            pulled toward the growth typical of short yearly series (the jumpier the history, the harder the pull),
            fading a little each year ahead, with intervals from a log random walk whose volatility is shrunk the same
            way. Both priors were fitted on {SHORT_FORECAST_ACCURACY.windows.toLocaleString("en-US")} five-year windows
            of the M3 yearly series (their training years only): there, six years ahead, it scores sMAPE{" "}
            {SHORT_FORECAST_ACCURACY.auto.smape.toFixed(1)} and MASE {SHORT_FORECAST_ACCURACY.auto.mase.toFixed(2)}{" "}
            (Theta: {SHORT_FORECAST_ACCURACY.theta.smape.toFixed(1)} and {SHORT_FORECAST_ACCURACY.theta.mase.toFixed(2)}
            ), and its 80% and 95% intervals hold {Math.round(SHORT_FORECAST_ACCURACY.auto.cov80)}% and{" "}
            {Math.round(SHORT_FORECAST_ACCURACY.auto.cov95)}% of the outcomes.
          </li>
          <li>
            With seven or more years of history, prediction intervals (80% and 95%) are calibrated on the series&apos;
            own past forecast errors.
          </li>
          <li>
            Slices are forecast top-down, cell by cell: the market&apos;s forecast is split over every cell of type ×
            sector × vendor × region by the cell&apos;s share, projected as a damped trend of its log-share at half its
            historical pace and normalised over all cells. A slice&apos;s forecast is the sum of its cells&apos;, so a
            breakdown always adds up to its total and a fast riser from a small base cannot take the whole market. A
            slice&apos;s 80% and 95% intervals are its share of the market&apos;s intervals: the same relative width as
            the market&apos;s, never below 0 or above the market&apos;s bounds, and members&apos; bounds add up to their
            parent&apos;s. They carry the market&apos;s uncertainty, not the uncertainty of the shares themselves, which
            a few published totals cannot measure.
          </li>
          <li>The publisher&apos;s outlook is drawn beside our forecast, never blended into it.</li>
        </ul>
        <h3 className="mt-4 font-medium">Measured accuracy</h3>
        <ForecastAccuracy />
      </section>
      <section aria-labelledby="scenarios" className={card}>
        <h2 id="scenarios" className="font-semibold">
          Scenarios: levers, steps and reconciliation
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>
            Every driver and trend of the release is a lever with five levels: −2 (much weaker), −1 (weaker), 0 (as the
            publisher sees it), +1 (stronger) and +2 (much stronger). A lever moves the segments the driver names (our
            reading of the release). The base, every lever at 0, is the publisher&apos;s outlook exactly
            {outlook ? ` (US$ ${outlook.value.toLocaleString("en-US")} M in ${outlook.year})` : ""}.
          </li>
          <li>
            <strong>raises</strong> / <strong>lowers</strong>: the segment&apos;s yearly growth after{" "}
            {dataset.historyTo} moves by the step per level: t years after the history, its cells are multiplied by (1 ±
            step × level)<sup>t</sup>. The rest of the market keeps its path, so the total moves by the segment&apos;s
            change.
          </li>
          <li>
            <strong>gains-share</strong>: the segment&apos;s share of the market grows by the step per level each year
            (share × (1 + step × level)<sup>t</sup>, at most 100%); the gain is taken from the other members in
            proportion to their size, so the year&apos;s total does not change.
          </li>
          <li>
            The steps are <strong>our assumptions</strong>, not the publisher&apos;s figures. They are stored with the
            story of each data set version (the <code>steps</code> of a driver or trend in its story file), so an
            analyst changes them by importing a new version; a move without a step takes {DEFAULT_STEPS.raises * 100}{" "}
            points of growth (raises, lowers) or {DEFAULT_STEPS["gains-share"] * 100}% of share (gains-share) per level.
          </li>
          <li>
            Reconciled by construction: a scenario changes the cells of the fitted cube (type × sector × vendor ×
            region) and every figure is summed from them, so each breakdown adds up to the scenario&apos;s total in
            every year and no value goes below 0. History never changes. Growth moves apply first, then share moves in
            the levers&apos; order. Figures moved by a scenario have the basis <strong>scenario</strong> on screen, in
            the API and in every export. Our statistical forecast is its own basis and is not moved by levers.
          </li>
        </ul>
        {levers.length > 0 && (
          <>
            <h3 className="mt-4 font-medium">The levers of this version and their steps (our assumptions)</h3>
            <ul className="mt-2 space-y-2 text-sm">
              {levers.map((l) => (
                <li key={l.key}>
                  <span className="font-medium">{l.title}</span>{" "}
                  <span className="text-slate-600 dark:text-slate-400">
                    ({l.kind}, <code>{l.key}</code>)
                  </span>
                  <ul className="list-disc pl-5 text-xs text-slate-700 dark:text-slate-300">
                    {l.moves.map((m) => (
                      <li key={`${m.dimension}:${m.member}`}>
                        {m.direction} {m.dimension} {m.member}: {describeStep(m)}
                        {m.defaulted ? " (default)" : ""}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/**
 * A reader's name for an estimate: the firm and base year, with its scope in brief when the firm has
 * several ("Menlo Ventures 2024, model APIs"); never an internal index.
 */
function estimateName(
  e: { firm: string; scope: string; baseYear: number },
  all: { firm: string; baseYear: number }[],
): string {
  const firm = e.firm.replace(/ \(.*\)$/, "");
  const who = firm === "Unattributed" ? "Unattributed estimate" : firm;
  if (all.filter((x) => x.firm === e.firm && x.baseYear === e.baseYear).length < 2) return `${who} ${e.baseYear}`;
  const brief = e.scope
    .replace(/\(.*?\)/g, "")
    .replace(/^(US )?enterprise spending on /i, (m) => (/^US/i.test(m) ? "US " : ""))
    .trim();
  return `${who} ${e.baseYear}, ${brief.length > 32 ? `${brief.slice(0, 31).trimEnd()}…` : brief}`;
}

/** "US$ 8,934 M for 2024, US$ 19,700 M for 2031 (outlook) and a 12.1% CAGR for 2025-2031" */
function listFigures(
  figures: { year: number | null; value: number | null; unit: string; label: string }[],
  outlook: { year: number; cagrFrom: number; cagrTo: number } | null,
): string {
  const words = figures.map((f) =>
    f.unit === "ratio" && f.value !== null
      ? `a ${(f.value * 100).toFixed(1)}% CAGR${outlook ? ` for ${outlook.cagrFrom}-${outlook.cagrTo}` : ""}`
      : f.value !== null
        ? `US$ ${f.value.toLocaleString("en-US")} M${f.year !== null ? ` for ${f.year}` : ""}${outlook && f.year === outlook.year ? " (outlook)" : ""}`
        : f.label,
  );
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
}

// The version is checked before anything streams: a tampered one answers a real 503 (via the redirect).
export default gatedPage("the methodology", MethodologyPageContent);
