/**
 * A small dataset's whole cube as the browser receives it, and the series views summed from it
 * there. With ~26k cells, every filter combination is a millisecond's sum in the browser instead
 * of a server round trip; larger datasets stay on the server path (see CLIENT_CUBE_MAX_CELLS).
 */
import type { SeriesDataset, SeriesView } from "../query/api";
import type { SeriesApiParams } from "../query/view-state";
import { shapeSeries } from "../series/series";
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";
import { aggregateCube, type Cube } from "./cube-aggregate";

/** Above this many cells the browser does not get the cube: the server sums instead. */
export const CLIENT_CUBE_MAX_CELLS = 100_000;

export interface CubeWire {
  datasetId: string;
  slugs: Record<Dimension, string[]>;
  /** Per cell: year, value and the member index of each dimension (column-wise). */
  year: number[];
  value: number[];
  member: Record<Dimension, number[]>;
}

export function cubeToWire(datasetId: string, cube: Cube): CubeWire {
  return {
    datasetId,
    slugs: cube.slugs,
    year: Array.from(cube.year),
    value: Array.from(cube.value),
    member: Object.fromEntries(DIMENSIONS.map((d) => [d, Array.from(cube.member[d])])) as Record<Dimension, number[]>,
  };
}

export function cubeFromWire(w: CubeWire): Cube {
  return {
    slugs: w.slugs,
    year: Int16Array.from(w.year),
    value: Float64Array.from(w.value),
    member: Object.fromEntries(DIMENSIONS.map((d) => [d, Uint16Array.from(w.member[d])])) as Record<Dimension, Uint16Array>,
  };
}

export interface LocalViewContext {
  dataset: SeriesDataset;
  members: MemberInfo[];
  publishedYears: number[];
}

/**
 * The `/api/v1/series` answer for a request without a forecast, summed from the cube: the same
 * shaping as the server (members' order, published basis of the unfiltered total, year cut).
 * Null when the request needs the server (a forecast, or members the cube does not know).
 */
export function localSeriesView(cube: Cube, ctx: LocalViewContext, req: SeriesApiParams): SeriesView | null {
  if (req.forecast && req.forecast !== "none") return null;
  const { dataset } = ctx;
  const from = req.from ?? dataset.firstYear;
  const to = req.to ?? dataset.lastYear;
  if (from > to || from < dataset.firstYear || to > dataset.lastYear) return null;
  const known = (d: Dimension) => req[d].every((s) => ctx.members.some((m) => m.dimension === d && m.slug === s));
  if (!DIMENSIONS.every(known)) return null;
  const filters = { type: req.type, sector: req.sector, vendor: req.vendor, region: req.region };
  const rows = aggregateCube(cube, { by: req.by, filters, from, to });
  const series = shapeSeries(rows, {
    by: req.by,
    from,
    to,
    members: ctx.members,
    only: req.by === "total" ? undefined : filters[req.by],
    unfiltered: DIMENSIONS.every((d) => filters[d].length === 0),
    publishedYears: ctx.publishedYears,
  });
  return { dataset, unit: dataset.unit, by: req.by, filters, from, to, series };
}
