/**
 * The one spelling of a query: every cache key, ETag, request URL and file name made from a query
 * is made here, so two URLs that ask the same thing (members in another order, a default spelled
 * out) share them, and two that ask different things never do.
 *
 * The key is a query string: fields in one fixed order, lists sorted without repeats, levers
 * sorted by key with their levels as plain integers, fields at their default left out. It parses
 * back to the query it was made from (./filters `parseQueryKey`).
 */
import { seriesRequestSchema, viewStateSchema, type ListKey, type ScalarKey, type SeriesQuery } from "./schema";
import type { SeriesView } from "./api";

/** Every field of the series query and the pages' URL, in the key's order. */
const KEY_ORDER = [
  "by",
  "type",
  "sector",
  "vendor",
  "region",
  "group",
  "from",
  "to",
  "year",
  "dataset",
  "forecast",
  "view",
  "method",
  "ca",
  "cb",
  "levers",
  "scenario",
  "format",
] as const satisfies readonly (ScalarKey | ListKey)[];
type KeyField = (typeof KEY_ORDER)[number];

/** Anything that carries query fields: a series query or request, a page's view state, a partial one. */
export type QueryFields = { [K in KeyField]?: string | number | readonly string[] | undefined };

type Defaults = Partial<Record<KeyField, string | number | readonly string[]>>;

/** The series request's defaults (`by=total`, no forecast, JSON), as the schema defines them. */
export const SERIES_KEY_DEFAULTS: Defaults = seriesRequestSchema.parse({});
/** A page URL's defaults (`by=sector`, absolute view, method auto), as the schema defines them. */
export const VIEW_KEY_DEFAULTS: Defaults = viewStateSchema.parse({});

/**
 * Levers in one spelling: items sorted by key (stable, so a repeated key keeps its last level),
 * levels as plain integers ("+1" and "01" are 1). Zeros stay: they name a lever the version's
 * story must know, so `a:0` is not the same request as none.
 */
export function normaliseLevers(levers: string): string {
  return levers
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      // Not KEY:LEVEL (the schema refuses it before it gets here): kept as written.
      const at = item.lastIndexOf(":");
      const level = Number(item.slice(at + 1));
      if (at <= 0 || !/^[+-]?\d+$/.test(item.slice(at + 1))) return { key: item, text: item };
      return { key: item.slice(0, at), text: `${item.slice(0, at)}:${level}` };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((l) => l.text)
    .join(",");
}

/** The query with its lists sorted without repeats and its levers in their one spelling ("" = none). */
export function normaliseQuery<Q extends QueryFields>(q: Q): Q {
  const out: Record<string, unknown> = { ...q };
  for (const [field, value] of Object.entries(q)) if (Array.isArray(value)) out[field] = sortedList(value);
  if (typeof q.levers === "string") {
    const levers = normaliseLevers(q.levers);
    if (levers) out.levers = levers;
    else delete out.levers;
  }
  return out as Q;
}

function sortedList(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

/** Query-string safe, with the separators the values use (`,` and `:`) left readable. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ",").replace(/%3A/gi, ":");
}

/** The fields of a key, in its order, each with its one spelling; fields at their default are left out. */
function keyEntries(q: QueryFields, defaults: Defaults): [KeyField, string][] {
  const n = normaliseQuery(q);
  const out: [KeyField, string][] = [];
  for (const field of KEY_ORDER) {
    const value = n[field];
    if (value === undefined || value === "") continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    const fallback = defaults[field];
    const standard = Array.isArray(fallback) ? fallback.join(",") : fallback === undefined ? "" : String(fallback);
    if (text !== standard) out.push([field, text]);
  }
  return out;
}

/**
 * The canonical key of a query: equal for equivalent queries, different for different ones. It is
 * a query string, so it is also the request's URL (`/api/v1/series?${key}`). `defaults` are the
 * series request's unless given (a page's URL has its own).
 */
export function canonicalQueryKey(q: QueryFields, defaults: Defaults = SERIES_KEY_DEFAULTS): string {
  return keyEntries(q, defaults)
    .map(([field, value]) => `${field}=${encode(value)}`)
    .join("&");
}

/**
 * What a view answers, with its years and version spelt out: the query of the answer, not of the
 * request (`from` left out and `from` at the first year are the same answer).
 */
export function answeredQuery(
  view: Pick<SeriesView, "dataset" | "by" | "filters" | "from" | "to" | "forecast" | "scenario">,
): SeriesQuery {
  return {
    by: view.by,
    type: view.filters.type,
    sector: view.filters.sector,
    vendor: view.filters.vendor,
    region: view.filters.region,
    group: view.filters.group ?? [],
    from: view.from,
    to: view.to,
    dataset: view.dataset.id,
    forecast: view.forecast?.method ?? "none",
    ...(view.scenario ? { levers: view.scenario.levers } : {}),
  };
}

/** A link to a page with a query: its path and the query's canonical key (a page URL's defaults unless given). */
export function queryHref(path: string, q: QueryFields, defaults: Defaults = VIEW_KEY_DEFAULTS): string {
  const key = canonicalQueryKey(q, defaults);
  return key ? `${path}?${key}` : path;
}

/** Longest file name stem kept whole; a longer one is cut and ends with the key's hash instead. */
const MAX_STEM = 150;

/**
 * A file name stem naming a query, made from its key: `by-vendor_sector-bfsi.healthcare_from-2021`
 * (fields joined by `_`, list items and lever parts by `.`), so it tells queries apart as the key
 * does and is safe on every OS. "" for a query at its defaults.
 */
export function queryFileStem(q: QueryFields, defaults: Defaults = SERIES_KEY_DEFAULTS): string {
  const entries = keyEntries(q, defaults);
  const stem = entries
    .map(([field, value]) => `${field}-${value.replace(/[,:]/g, ".").replace(/[^a-z0-9.-]/gi, "-")}`)
    .join("_");
  if (stem.length <= MAX_STEM) return stem;
  const hash = fnv1a(canonicalQueryKey(q, defaults));
  return `${stem.slice(0, MAX_STEM - hash.length - 1)}_${hash}`;
}

/** 32-bit FNV-1a, as 8 hex digits: short, stable, and the same in the browser and on the server. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
