/** Runs a parsed batch request: one forecast per series, in order. */
import { z } from "zod";
import { ForecastInputError } from "./errors";
import { forecast } from "./forecast";
import {
  describeZodError,
  forecastRequestSchema,
  seriesRequestSchema,
  type ForecastResponse,
  type RequestProblem,
  type SeriesForecast,
} from "./schema";

export type BatchOutcome = { ok: true; response: ForecastResponse } | { ok: false; problem: RequestProblem };

export interface BatchOptions {
  /** Lift the per-request series limit (the HTTP route's bound); the CLI does, for batch work. */
  unlimitedSeries?: boolean;
  /** Called after each series, e.g. for progress on a terminal. */
  onProgress?: (done: number, total: number) => void;
}

const unlimitedSchema = z.object({ series: z.array(seriesRequestSchema).min(1) });

/**
 * Validates an already JSON-parsed body and forecasts every series. Never throws for bad input.
 * A series whose forecast is not finite (its values overflow in the computation, e.g. ±1e154)
 * is a problem naming `series.<i>.values`: answers never hold NaN, Infinity or null.
 */
export function runBatch(body: unknown, options: BatchOptions = {}): BatchOutcome {
  const parsed = (options.unlimitedSeries ? unlimitedSchema : forecastRequestSchema).safeParse(body);
  if (!parsed.success) return { ok: false, problem: describeZodError(parsed.error) };
  const out: ForecastResponse = { series: [] };
  const total = parsed.data.series.length;
  for (const [i, s] of parsed.data.series.entries()) {
    try {
      const r = forecast(s.values, { h: s.h, level: s.level, method: s.method });
      const result: SeriesForecast = { id: s.id, ...r };
      if (!allFinite(result)) {
        const field = `series.${i}.values`;
        return {
          ok: false,
          problem: {
            field,
            message: `${field}: too large to forecast (the computation overflows); scale the values down`,
          },
        };
      }
      out.series.push(result);
    } catch (err) {
      if (err instanceof ForecastInputError) {
        return { ok: false, problem: { message: `series.${i}.${err.message}`, field: `series.${i}.${err.field}` } };
      }
      throw err;
    }
    options.onProgress?.(i + 1, total);
  }
  return { ok: true, response: out };
}

function allFinite(s: SeriesForecast): boolean {
  const ok = (xs: number[]) => xs.every(Number.isFinite);
  return ok(s.mean) && Object.values(s.lower).every(ok) && Object.values(s.upper).every(ok);
}
