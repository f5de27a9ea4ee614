/**
 * The URL's field schemas in zod's tree-shakable "mini" build: the pages' URL is parsed in the
 * browser too (nuqs parsers), and the full zod build would add ~45 KB gzip to every page. Same
 * rules and messages as the API's schema in ./filters (a unit test keeps them in step).
 */
import * as z from "zod/mini";
import { DIMENSIONS } from "../types";

export const MIN_URL_YEAR = 1990;
export const MAX_URL_YEAR = 2100;

/** Same list as ./filters BREAKDOWNS, without importing the API schema. */
export const BREAKDOWN_CHOICES = ["total", ...DIMENSIONS] as const;

export const urlSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be a lower-case slug (letters, digits, -)" }));
export const urlYear = z.coerce
  .number({ error: "must be a year" })
  .check(
    z.int({ error: "must be a whole year" }),
    z.gte(MIN_URL_YEAR, { error: `must be ${MIN_URL_YEAR} or later` }),
    z.lte(MAX_URL_YEAR, { error: `must be ${MAX_URL_YEAR} or earlier` }),
  );
export const urlDatasetId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,95}$/, { error: "must be a dataset id" }));
export const urlSliceItem = z
  .string()
  .check(z.regex(/^(type|sector|vendor|region):[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be dimension:member, e.g. sector:healthcare" }));

export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}

/** The first problem's message, or null when the value is valid. */
export function check<T>(schema: z.ZodMiniType<T>, value: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? "is not valid" };
}
