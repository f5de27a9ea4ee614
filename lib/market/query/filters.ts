/**
 * Reading the query with the one schema (./schema): the API's query string and the pages' URL use
 * the same names. Two modes over the same field rules: strict (the API answers 400 naming the
 * parameter) and lenient (pages drop what is invalid, fall back to defaults and list a notice).
 * Then one check against a dataset: members must exist, years must be inside its range.
 */
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";
import {
  API_KEYS,
  check,
  LIST_FIELDS,
  MAX_LIST,
  SCALAR_FIELDS,
  seriesRequestSchema,
  type Breakdown,
  type ListKey,
  type ScalarKey,
  type SeriesQuery,
  type SeriesRequest,
} from "./schema";
import { normaliseQuery } from "./key";

export type { Breakdown, SeriesQuery, SeriesRequest } from "./schema";
/** The breakdowns the cube itself has (a `group` breakdown is summed from the vendor one). */
export type CubeBreakdown = Exclude<Breakdown, "group">;
export { BREAKDOWNS } from "./schema";

/** A slice: the query's member lists (`group` may be left out: none). */
export type Filters = Pick<SeriesQuery, Dimension> & Partial<Pick<SeriesQuery, "group">>;

/**
 * A series query as callers build it: the forecast and the groups may be left out (no forecast,
 * no groups), as in the API's own defaults.
 */
export type SeriesQueryInput = Omit<SeriesQuery, "forecast" | "group"> &
  Partial<Pick<SeriesQuery, "forecast" | "group">>;

export interface QueryProblem {
  param: string;
  message: string;
  /** A lenient caller's shorter notice, when the message reads badly after "Ignored". */
  notice?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: QueryProblem };

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

export function emptyFilters(): Filters {
  return { type: [], sector: [], vendor: [], region: [], group: [] };
}

function entriesOf(params: RawParams): [string, string][] {
  const out: [string, string][] = [];
  if (params instanceof URLSearchParams) params.forEach((v, k) => out.push([k, v]));
  else
    for (const [k, v] of Object.entries(params))
      for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) out.push([k, item]);
  return out;
}

export interface ReadResult {
  /** Valid values: scalars once (first wins), lists without duplicates. */
  values: Partial<Record<ScalarKey, unknown>> & Partial<Record<ListKey, string[]>>;
  /** Every invalid value or item, and every parameter outside `keys`. */
  problems: QueryProblem[];
}

/** Reads the parameters in `keys` field by field; list items are checked one by one. */
export function readParams(params: RawParams, keys: readonly string[]): ReadResult {
  const allowed = new Set(keys);
  const values: ReadResult["values"] = {};
  const problems: QueryProblem[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of entriesOf(params)) {
    if (!key) {
      // "?=json": nothing to name but the query itself.
      problems.push({
        param: "query",
        message: `query: a parameter has no name ("=${raw.slice(0, 40)}"); allowed: ${keys.join(", ")}`,
      });
    } else if (!allowed.has(key)) {
      problems.push({ param: key, message: `unknown parameter "${key}"; allowed: ${keys.join(", ")}` });
    } else if (key in LIST_FIELDS) {
      const k = key as ListKey;
      for (const item of raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        const r = check(LIST_FIELDS[k], item);
        const list = (values[k] ??= []);
        if (!r.ok) problems.push({ param: k, message: `${k} "${item}": ${r.message}` });
        else if (list.length >= MAX_LIST) problems.push({ param: k, message: `${k}: at most ${MAX_LIST} values` });
        else if (!list.includes(r.value)) list.push(r.value);
      }
    } else if (!seen.has(key)) {
      seen.add(key);
      const k = key as ScalarKey;
      const r = check<unknown>(SCALAR_FIELDS[k], raw.trim());
      if (r.ok) values[k] = r.value;
      else problems.push({ param: k, message: `${k} "${raw}": ${r.message}` });
    }
  }
  return { values, problems };
}

/** The request the valid values make: the schema's defaults filled in, in the query's one spelling (./key). */
function toRequest(values: ReadResult["values"]): SeriesRequest {
  return normaliseQuery(seriesRequestSchema.parse(values));
}

/** Strict (the API): the first problem, naming the parameter. `reconcile` is accepted and ignored. */
export function parseSeriesQuery(params: RawParams): ParseResult<SeriesRequest> {
  const { values, problems } = readParams(params, API_KEYS);
  if (problems.length) return { ok: false, problem: problems[0] };
  const value = toRequest(values);
  if (value.from !== undefined && value.to !== undefined && value.from > value.to)
    return {
      ok: false,
      problem: { param: "from", message: `from (${value.from}) must not be after to (${value.to})` },
    };
  return { ok: true, value };
}

/** The series request a canonical key (./key canonicalQueryKey) names; null when it is not a valid one. */
export function parseQueryKey(key: string): SeriesRequest | null {
  const r = parseSeriesQuery(new URLSearchParams(key));
  return r.ok ? r.value : null;
}

export interface DatasetBounds {
  firstYear: number;
  lastYear: number;
}

/**
 * The one check of a parsed query against a dataset: unknown members and years outside the data are
 * problems. The value has them dropped (years fall back to the dataset's range), for lenient callers;
 * strict callers answer the first problem.
 */
/** A query's years, resolved against its dataset. */
type Years = Required<Pick<SeriesQuery, "from" | "to">>;

export function checkAgainstDataset<Q extends Filters & Pick<SeriesQuery, "from" | "to">>(
  query: Q,
  dataset: DatasetBounds,
  members: MemberInfo[],
  /** The group keys the version's story defines (with "others" when some vendor is in none). */
  groups: string[] = [],
): { value: Q & Years; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const next = { ...query } as Q & Years;
  for (const dim of DIMENSIONS) {
    const known = new Set(members.filter((m) => m.dimension === dim).map((m) => m.slug));
    const unknown = query[dim].filter((s) => !known.has(s));
    if (unknown.length) {
      problems.push({
        param: dim,
        message: `${dim} "${unknown.join(",")}" is not a known ${dim}; known: ${[...known].join(", ")}`,
        notice: `Ignored unknown ${dim}: ${unknown.join(", ")}`,
      });
      (next as Filters)[dim as Dimension] = query[dim].filter((s) => known.has(s));
    }
  }
  const unknownGroups = (query.group ?? []).filter((g) => !groups.includes(g));
  if (unknownGroups.length) {
    problems.push({
      param: "group",
      message: `group "${unknownGroups.join(",")}" is not a known group; known: ${groups.join(", ")}`,
      notice: `Ignored unknown group: ${unknownGroups.join(", ")}`,
    });
    next.group = (query.group ?? []).filter((g) => groups.includes(g));
  }
  const year = (y: number | undefined, fallback: number, param: string) => {
    if (y === undefined) return fallback;
    if (y >= dataset.firstYear && y <= dataset.lastYear) return y;
    problems.push({
      param,
      message: `${param} ${y} is outside the dataset's years ${dataset.firstYear}-${dataset.lastYear}`,
      notice: `Ignored ${param} ${y}: the data covers ${dataset.firstYear}-${dataset.lastYear}`,
    });
    return fallback;
  };
  next.from = year(query.from, dataset.firstYear, "from");
  next.to = year(query.to, dataset.lastYear, "to");
  if (next.from > next.to) {
    problems.push({
      param: "from",
      message: `from (${next.from}) must not be after to (${next.to})`,
      notice: `Ignored from/to: ${next.from} is after ${next.to}`,
    });
    next.from = dataset.firstYear;
    next.to = dataset.lastYear;
  }
  return { value: next, problems };
}

/** A lenient caller's notice for a problem: it says the value was ignored. */
export function ignored(p: QueryProblem): QueryProblem {
  return { param: p.param, message: p.notice ?? `Ignored ${p.message}` };
}
