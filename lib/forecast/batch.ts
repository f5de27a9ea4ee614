/** Runs a parsed batch request: one forecast per series, in order. */
import { ForecastInputError } from "./errors";
import { forecast } from "./forecast";
import {
  describeZodError,
  forecastRequestSchema,
  type ForecastResponse,
  type RequestProblem,
} from "./schema";

export type BatchOutcome = { ok: true; response: ForecastResponse } | { ok: false; problem: RequestProblem };

/** Validates an already JSON-parsed body and forecasts every series. Never throws for bad input. */
export function runBatch(body: unknown): BatchOutcome {
  const parsed = forecastRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: describeZodError(parsed.error) };
  const out: ForecastResponse = { series: [] };
  for (const [i, s] of parsed.data.series.entries()) {
    try {
      const r = forecast(s.values, { h: s.h, level: s.level, method: s.method });
      out.series.push({ id: s.id, ...r });
    } catch (err) {
      if (err instanceof ForecastInputError) {
        return { ok: false, problem: { message: `series.${i}.${err.message}`, field: `series.${i}.${err.field}` } };
      }
      throw err;
    }
  }
  return { ok: true, response: out };
}
