/**
 * Lenient check of a parsed query against one dataset, kept apart from ./filters so browser code
 * can use it without the API's schema (./filters re-exports it).
 */
import type { DatasetBounds, QueryProblem, SeriesQuery } from "./filters";
import { DIMENSIONS, type MemberInfo } from "../types";

/** Lenient version for pages: drops unknown members and clamps years, with notices. */
export function reconcileQueryWithDataset(
  query: SeriesQuery,
  dataset: DatasetBounds,
  members: MemberInfo[],
): { value: SeriesQuery & { from: number; to: number }; notices: QueryProblem[] } {
  const notices: QueryProblem[] = [];
  const next = { ...query } as SeriesQuery & { from: number; to: number };
  for (const dim of DIMENSIONS) {
    const known = new Set(members.filter((m) => m.dimension === dim).map((m) => m.slug));
    const unknown = query[dim].filter((s) => !known.has(s));
    if (unknown.length) {
      notices.push({ param: dim, message: `Ignored unknown ${dim}: ${unknown.join(", ")}` });
      next[dim] = query[dim].filter((s) => known.has(s));
    }
  }
  const clamp = (y: number | undefined, fallback: number, param: string) => {
    if (y === undefined) return fallback;
    if (y < dataset.firstYear || y > dataset.lastYear) {
      notices.push({ param, message: `Ignored ${param} ${y}: the data covers ${dataset.firstYear}-${dataset.lastYear}` });
      return fallback;
    }
    return y;
  };
  next.from = clamp(query.from, dataset.firstYear, "from");
  next.to = clamp(query.to, dataset.lastYear, "to");
  if (next.from > next.to) {
    notices.push({ param: "from", message: `Ignored from/to: ${next.from} is after ${next.to}` });
    next.from = dataset.firstYear;
    next.to = dataset.lastYear;
  }
  return { value: next, notices };
}
