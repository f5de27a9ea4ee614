/**
 * The value axis of a forecast chart. It fits the series (history, outlook, our forecast and its
 * 80% interval); a 95% interval that runs above it is clipped, and the years where it does are
 * listed so the chart can mark them at the top edge (a visible cue, not a silent cut).
 */
import { moneyAxis, type ValueAxis } from "./axis";

export interface ScaleRow {
  year: number;
  value: number;
  mean: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
}

export interface ForecastScale {
  axis: ValueAxis;
  hasForecast: boolean;
  /** Years whose 95% interval (or 80%, in extreme cases) runs above the axis. */
  clippedYears: number[];
  clipped: boolean;
}

/** The value a forecast chart's axis fits (before rounding up to a nice top): for a shared scale. */
export function forecastFit(rows: ScaleRow[], historyTo: number): number {
  const axis = forecastScale(rows, historyTo).axis;
  return axis.domain[1];
}

/**
 * `fitAtLeast` makes charts shown side by side share one scale (the largest of their fits).
 * An 80% interval more than `maxBandRatio` times the series' largest value is clipped too: it would
 * otherwise flatten everything else (the table has every number).
 */
export function forecastScale(
  rows: ScaleRow[],
  historyTo: number,
  opts: { maxBandRatio?: number; fitAtLeast?: number } = {},
): ForecastScale {
  const maxBandRatio = opts.maxBandRatio ?? 2;
  const hasForecast = rows.some((r) => r.year > historyTo && r.mean !== null);
  const core = Math.max(0, ...rows.flatMap((r) => [r.value, r.mean ?? 0]).filter(Number.isFinite));
  const band80 = Math.max(0, ...rows.map((r) => r.band80?.[1] ?? 0).filter(Number.isFinite));
  const own = core > 0 ? Math.max(core, Math.min(band80, core * maxBandRatio)) : band80;
  const fit = Math.max(own, Number.isFinite(opts.fitAtLeast) ? opts.fitAtLeast! : 0);
  const axis = moneyAxis(fit);
  const top = axis.domain[1];
  const clippedYears = rows
    .filter((r) => (r.band95?.[1] ?? 0) > top * (1 + 1e-9) || (r.band80?.[1] ?? 0) > top * (1 + 1e-9))
    .map((r) => r.year);
  return { axis, hasForecast, clippedYears, clipped: clippedYears.length > 0 };
}
