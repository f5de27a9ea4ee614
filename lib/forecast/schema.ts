/**
 * The batch request/response contract shared by the HTTP route and the CLI. Limits keep a
 * single request bounded in CPU time (≤ 200 series × ≤ 200 points, h ≤ 50).
 */
import { z } from "zod";
import { METHODS } from "./methods";
import { LIMITS } from "./validate";

export const seriesRequestSchema = z.object({
  id: z.string().min(1).max(200),
  values: z
    .array(z.number().finite())
    .min(LIMITS.minValues, `needs at least ${LIMITS.minValues} values`)
    .max(LIMITS.maxValues, `at most ${LIMITS.maxValues} values`),
  h: z.number().int().min(1).max(LIMITS.maxHorizon),
  level: z.array(z.number().gt(0).lt(100)).min(1).max(LIMITS.maxLevels).optional(),
  method: z.enum(METHODS).optional(),
});

export const forecastRequestSchema = z.object({
  series: z.array(seriesRequestSchema).min(1).max(LIMITS.maxSeries),
});

export type ForecastRequest = z.infer<typeof forecastRequestSchema>;

export interface SeriesForecast {
  id: string;
  method: string;
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export interface ForecastResponse {
  series: SeriesForecast[];
}

export interface RequestProblem {
  message: string;
  /** Dotted path of the offending input, e.g. "series.0.values". */
  field: string;
}

/** The first zod issue as a single message naming its field. */
export function describeZodError(error: z.ZodError): RequestProblem {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
  return { message: `${field}: ${issue?.message ?? "invalid request"}`, field };
}
