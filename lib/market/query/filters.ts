/**
 * The one filter schema: the API's query string and the pages' URL use the same names
 * (`by`, `type`, `sector`, `vendor`, `region`, `from`, `to`, `dataset`). Two ways to read it:
 * strictly (the API answers 400 naming the parameter) and leniently (pages fall back to defaults
 * and list what they ignored, never throw).
 */
import { z } from "zod";
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";

export const BREAKDOWNS = ["total", ...DIMENSIONS] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a lower-case slug (letters, digits, -)");
const slugList = z.array(slugSchema).max(64, "too many values");
export const yearSchema = z.coerce
  .number({ error: "must be a year" })
  .int("must be a whole year")
  .min(MIN_YEAR, `must be ${MIN_YEAR} or later`)
  .max(MAX_YEAR, `must be ${MAX_YEAR} or earlier`);

export const datasetIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,95}$/, "must be a dataset id");

export const seriesQuerySchema = z.object({
  by: z.enum(BREAKDOWNS, { error: `must be one of ${BREAKDOWNS.join(", ")}` }).default("total"),
  type: slugList.default([]),
  sector: slugList.default([]),
  vendor: slugList.default([]),
  region: slugList.default([]),
  from: yearSchema.optional(),
  to: yearSchema.optional(),
  dataset: datasetIdSchema.optional(),
});

export type SeriesQuery = z.infer<typeof seriesQuerySchema>;
export type Filters = Pick<SeriesQuery, Dimension>;

export const QUERY_KEYS = ["by", ...DIMENSIONS, "from", "to", "dataset"] as const;
const LIST_KEYS = new Set<string>(DIMENSIONS);

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Collects raw params: list parameters accept repeats and comma-separated values. */
export function collectParams(params: RawParams): Record<string, string | string[]> {
  const entries: [string, string][] = [];
  if (params instanceof URLSearchParams) params.forEach((v, k) => entries.push([k, v]));
  else
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) entries.push([k, item]);
    }
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of entries) {
    if (LIST_KEYS.has(k)) {
      const values = v.split(",").map((s) => s.trim()).filter(Boolean);
      out[k] = [...((out[k] as string[] | undefined) ?? []), ...values];
    } else if (!(k in out)) out[k] = v.trim();
  }
  for (const k of LIST_KEYS) if (Array.isArray(out[k])) out[k] = [...new Set(out[k] as string[])];
  return out;
}

export interface QueryProblem {
  param: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: QueryProblem };

/** Strict: the first problem, naming the parameter. */
export function parseSeriesQuery(params: RawParams): ParseResult<SeriesQuery> {
  const raw = collectParams(params);
  const result = seriesQuerySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const param = String(issue?.path[0] ?? "query");
    const value = raw[param];
    const shown = Array.isArray(value) ? value.join(",") : value;
    return { ok: false, problem: { param, message: `${param}${shown !== undefined ? ` "${shown}"` : ""}: ${issue?.message}` } };
  }
  if (result.data.from !== undefined && result.data.to !== undefined && result.data.from > result.data.to)
    return { ok: false, problem: { param: "from", message: `from (${result.data.from}) must not be after to (${result.data.to})` } };
  return { ok: true, value: result.data };
}

/** Lenient: each invalid parameter falls back to its default, and is reported as a notice. */
export function parseSeriesQueryLenient(params: RawParams): { value: SeriesQuery; notices: QueryProblem[] } {
  const raw = collectParams(params);
  const notices: QueryProblem[] = [];
  const clean: Record<string, unknown> = {};
  for (const key of QUERY_KEYS) {
    if (raw[key] === undefined) continue;
    const field = seriesQuerySchema.shape[key];
    const r = field.safeParse(raw[key]);
    if (r.success) clean[key] = r.data;
    else notices.push({ param: key, message: `Ignored ${key}: ${r.error.issues[0]?.message}` });
  }
  const value = seriesQuerySchema.parse(clean);
  if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
    notices.push({ param: "from", message: `Ignored from/to: ${value.from} is after ${value.to}` });
    value.from = undefined;
    value.to = undefined;
  }
  return { value, notices };
}

export interface DatasetBounds {
  firstYear: number;
  lastYear: number;
}

/**
 * Checks a parsed query against one dataset: members must exist, years must be inside the dataset.
 * Returns the resolved year range.
 */
export function checkQueryAgainstDataset(
  query: SeriesQuery,
  dataset: DatasetBounds,
  members: MemberInfo[],
): ParseResult<{ from: number; to: number }> {
  for (const dim of DIMENSIONS) {
    const known = new Set(members.filter((m) => m.dimension === dim).map((m) => m.slug));
    const unknown = query[dim].find((s) => !known.has(s));
    if (unknown)
      return {
        ok: false,
        problem: { param: dim, message: `${dim} "${unknown}" is not a known ${dim}; known: ${[...known].join(", ")}` },
      };
  }
  const from = query.from ?? dataset.firstYear;
  const to = query.to ?? dataset.lastYear;
  for (const [param, y] of [["from", from], ["to", to]] as const)
    if (y < dataset.firstYear || y > dataset.lastYear)
      return {
        ok: false,
        problem: { param, message: `${param} ${y} is outside the dataset's years ${dataset.firstYear}-${dataset.lastYear}` },
      };
  if (from > to) return { ok: false, problem: { param: "from", message: `from (${from}) must not be after to (${to})` } };
  return { ok: true, value: { from, to } };
}

// Lives in ./dataset-bounds so browser code can use it without this module's zod schema.
export { reconcileQueryWithDataset } from "./dataset-bounds";
