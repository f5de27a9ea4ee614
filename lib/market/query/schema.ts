/**
 * The ONE schema of the series query and the pages' URL: every parameter's rules and messages are
 * defined here once. The API parses it strictly, the pages leniently (./filters, ./view-state), and
 * the browser's nuqs parsers are built from the same field schemas. Written with zod's tree-shakable
 * "mini" build because the URL is parsed in the browser too (the full build would add ~45 KB gzip).
 */
import * as z from "zod/mini";
import { DIMENSIONS } from "../types";

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
export const MAX_LIST = 64;

/** `group` (player groups) is a roll-up of vendors, defined by each version's story. */
export const BREAKDOWNS = ["total", ...DIMENSIONS, "group"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Mirrors lib/forecast's METHODS (a unit test keeps them equal) without pulling the library into client code. */
export const FORECAST_METHODS = [
  "auto",
  "naive",
  "drift",
  "loglinear",
  "ses",
  "holt",
  "damped",
  "ets",
  "theta",
  "otm",
  "dotm",
  "comb",
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
/** The API's `forecast` parameter: a method, or "none" (the default: no forecast). */
export const FORECAST_CHOICES = ["none", ...FORECAST_METHODS] as const;
export type ForecastChoice = (typeof FORECAST_CHOICES)[number];
/** The pages' `method`: "outlook" shows the publisher's outlook only; a method adds our forecast. */
export const METHOD_CHOICES = ["outlook", ...FORECAST_METHODS] as const;
export type MethodChoice = (typeof METHOD_CHOICES)[number];

export const FORMATS = ["json", "csv", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

export const VIEW_MODES = ["absolute", "share"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

export const slugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be a lower-case slug (letters, digits, -)" }));
export const yearSchema = z.coerce
  .number({ error: "must be a year" })
  .check(
    z.int({ error: "must be a whole year" }),
    z.gte(MIN_YEAR, { error: `must be ${MIN_YEAR} or later` }),
    z.lte(MAX_YEAR, { error: `must be ${MAX_YEAR} or earlier` }),
  );
export const datasetIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,95}$/, { error: "must be a dataset id" }));
export const sliceItemSchema = z.string().check(
  z.regex(/^(type|sector|vendor|region):[a-z0-9][a-z0-9-]{0,63}$/, {
    error: "must be dimension:member, e.g. sector:healthcare",
  }),
);
/**
 * Scenario levers, `KEY:LEVEL,...` (levels -2..2). The shape is checked here; the keys against the
 * version's story (lib/market/scenario/levers parseLevers).
 */
export const leversSchema = z.string().check(
  z.maxLength(2_000, { error: "must be at most 2000 characters" }),
  z.regex(/^([a-z0-9][a-z0-9-]{0,63}:[+-]?\d+)?(,[a-z0-9][a-z0-9-]{0,63}:[+-]?\d+)*$/, {
    error: "must be KEY:LEVEL items separated by commas, e.g. general-to-specialised:1",
  }),
);
/** Kept for old links: forecasts are always coherent now, so `reconcile` changes nothing. */
export const reconcileSchema = enumOf(["true", "false"]);

/** Scalar fields: one value each (a repeated key keeps its first value). */
export const SCALAR_FIELDS = {
  by: enumOf(BREAKDOWNS),
  from: yearSchema,
  to: yearSchema,
  dataset: datasetIdSchema,
  format: enumOf(FORMATS),
  forecast: enumOf(FORECAST_CHOICES),
  reconcile: reconcileSchema,
  year: yearSchema,
  view: enumOf(VIEW_MODES),
  method: enumOf(METHOD_CHOICES),
  levers: leversSchema,
  scenario: z.string().check(z.regex(/^sc_[a-z0-9]{16}$/, { error: "must be a saved scenario's id" })),
} as const;

/** List fields: repeats and comma-separated values, checked item by item. */
export const LIST_FIELDS = {
  type: slugSchema,
  sector: slugSchema,
  vendor: slugSchema,
  region: slugSchema,
  group: slugSchema,
  ca: sliceItemSchema,
  cb: sliceItemSchema,
} as const;

export type ScalarKey = keyof typeof SCALAR_FIELDS;
export type ListKey = keyof typeof LIST_FIELDS;

/** The value, or the first problem's message. */
export function check<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; message: string } {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? "is not valid" };
}

/** A list field: checked item by item, none given = an empty list. */
function listOf<T extends z.ZodMiniType<string>>(item: T) {
  return z._default(z.array(item), () => []);
}

/**
 * The series query: what an answer of `/api/v1/series` depends on (its parameters but `format`).
 * Its type is inferred from here (`SeriesQuery`); every other shape of the query derives from it.
 */
export const seriesQuerySchema = z.object({
  by: z._default(SCALAR_FIELDS.by, "total"),
  type: listOf(LIST_FIELDS.type),
  sector: listOf(LIST_FIELDS.sector),
  vendor: listOf(LIST_FIELDS.vendor),
  region: listOf(LIST_FIELDS.region),
  /** Player groups (a roll-up of vendors, see lib/market/story/groups). */
  group: listOf(LIST_FIELDS.group),
  from: z.optional(SCALAR_FIELDS.from),
  to: z.optional(SCALAR_FIELDS.to),
  /** A pinned version; absent = the active one. */
  dataset: z.optional(SCALAR_FIELDS.dataset),
  /** "none" (default): history only; a method: our forecast for the years after historyTo. */
  forecast: z._default(SCALAR_FIELDS.forecast, "none"),
  /** Scenario levers, `KEY:LEVEL,...` (checked against the version's story); absent = the outlook. */
  levers: z.optional(SCALAR_FIELDS.levers),
});
export type SeriesQuery = z.output<typeof seriesQuerySchema>;

/** A whole `/api/v1/series` request: the query and the answer's format. */
export const seriesRequestSchema = z.extend(seriesQuerySchema, { format: z._default(SCALAR_FIELDS.format, "json") });
export type SeriesRequest = z.output<typeof seriesRequestSchema>;

/** A page's URL state: the series query's filters and years, and the view's own fields. */
export const viewStateSchema = z.extend(z.omit(seriesQuerySchema, { forecast: true }), {
  by: z._default(SCALAR_FIELDS.by, "sector"),
  year: z.optional(SCALAR_FIELDS.year),
  view: z._default(SCALAR_FIELDS.view, "absolute"),
  method: z._default(SCALAR_FIELDS.method, "auto"),
  /** The two compared slices, as "dimension:member" items. */
  ca: listOf(LIST_FIELDS.ca),
  cb: listOf(LIST_FIELDS.cb),
  /** A saved scenario's id: the page opens its levers on its pinned version. */
  scenario: z.optional(SCALAR_FIELDS.scenario),
});
export type ViewState = z.output<typeof viewStateSchema>;

/** The parameters `/api/v1/series` accepts (any other is a 400): the request's fields, and `reconcile` for old links. */
export const API_KEYS: readonly string[] = [...Object.keys(seriesRequestSchema.shape), "reconcile"];
/** The parameters a page's URL carries. */
export const VIEW_KEYS: readonly string[] = Object.keys(viewStateSchema.shape);
