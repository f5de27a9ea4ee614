/**
 * A version's whole cube as the browser receives it, and the series views summed from it there
 * with the server's engine (./engine) and share trend (./forecast-cube). With ~26k cells, every
 * filter combination is a millisecond's sum in the browser instead of a server round trip; a cube
 * above the byte budget (./budget) stays on the server, which answers with the same numbers.
 */
import type { SeriesDataset, SeriesView } from "../query/api";
import type { SeriesApiParams } from "../query/view-state";
import { shapeSeries } from "../series/series";
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";
import { aggregate } from "./engine";
import type { DenseCube } from "./packed";
import { buildForecastCube, sliceForecast, type ForecastCube, type SeriesForecastInfo } from "./forecast-cube";
import { FORECAST_LEVELS } from "../series/forecast-series";
import { OUR_FORECAST } from "../types";
import type { ForecastMethod } from "../query/schema";
import { groupBreakdown, groupKeys, vendorsOfGroups } from "../story/groups";
import type { PlayerGroup, Story } from "../story/types";
import { applyScenario } from "../scenario/apply";
import { resolveScenario, type ResolvedScenario } from "../scenario/resolve";

/**
 * The cube as JSON: its grid (first year, shape, members in order) and every cell's whole
 * micro-units as a plain number array, in the grid's order. Integers are short in JSON and
 * compress well: the default cube is about 190 KB (90 KB gzipped).
 */
export interface CubeWire {
  datasetId: string;
  firstYear: number;
  shape: DenseCube["shape"];
  slugs: Record<Dimension, string[]>;
  micro: number[];
  /** Our forecast of the market with one method, when it has one. */
  forecast: WireForecast | null;
}

export interface WireForecast {
  method: ForecastMethod;
  market: SeriesForecastInfo;
}

/** The cube in the browser, with the market forecast split over its cells once. */
export interface LocalCube {
  cube: DenseCube;
  forecast: { method: ForecastMethod; cells: ForecastCube } | null;
}

export function cubeToWire(datasetId: string, cube: DenseCube, forecast: WireForecast | null = null): CubeWire {
  const { firstYear, shape, slugs } = cube;
  return { datasetId, firstYear, shape, slugs, micro: Array.from(cube.micro), forecast };
}

export function localCube(w: CubeWire, historyTo: number): LocalCube {
  const cube = cubeFromWire(w);
  return {
    cube,
    forecast: w.forecast
      ? { method: w.forecast.method, cells: buildForecastCube(cube, historyTo, w.forecast.market) }
      : null,
  };
}

export function cubeFromWire(w: CubeWire): DenseCube {
  return { firstYear: w.firstYear, shape: w.shape, slugs: w.slugs, micro: Float64Array.from(w.micro) };
}

export interface LocalViewContext {
  dataset: SeriesDataset;
  members: MemberInfo[];
  publishedYears: number[];
  /** The version's player groups (its story's): a `group` request is summed from the vendors. */
  groups?: PlayerGroup[];
  /** The version's drivers and trends (its story's): the scenario levers a request may move. */
  story?: Pick<Story, "drivers" | "trends">;
}

// Scenario cubes per local cube and levers: a lever change computes one, a Back finds it again.
const scenarioCubes = new WeakMap<LocalCube, Map<string, DenseCube>>();

function scenarioCube(
  local: LocalCube,
  scenario: ResolvedScenario,
  historyTo: number,
  groups: PlayerGroup[],
): DenseCube {
  let known = scenarioCubes.get(local);
  if (!known) scenarioCubes.set(local, (known = new Map()));
  let cube = known.get(scenario.info.levers);
  if (!cube) {
    cube = applyScenario(local.cube, { ...scenario, historyTo, groups });
    if (known.size >= 32) known.delete(known.keys().next().value as string);
    known.set(scenario.info.levers, cube);
  }
  return cube;
}

/**
 * Can the cube answer this request in the browser (localSeriesView gives a view, not null)? Checks
 * only, sums nothing: the forecast method is the cube's (or none), the groups and members are
 * known, the years are the data's.
 */
export function localCanAnswer(local: LocalCube, ctx: LocalViewContext, req: SeriesApiParams): boolean {
  const method = req.forecast && req.forecast !== "none" ? req.forecast : null;
  if (method && method !== local.forecast?.method) return false;
  // Player groups are a roll-up of vendors, as on the server (lib/market/story/groups).
  const groups = ctx.groups ?? [];
  const vendors = ctx.members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
  const group = req.group ?? [];
  if ((req.by === "group" && !groups.length) || !group.every((g) => groupKeys(groups, vendors).includes(g)))
    return false;
  const { dataset } = ctx;
  const from = req.from ?? dataset.firstYear;
  const to = req.to ?? dataset.lastYear;
  if (from > to || from < dataset.firstYear || to > dataset.lastYear) return false;
  const known = (d: Dimension) => req[d].every((s) => ctx.members.some((m) => m.dimension === d && m.slug === s));
  // Levers the version's story does not have are the server's to refuse (a 400 naming them).
  return DIMENSIONS.every(known) && resolveScenario(req.levers, ctx.story ?? { drivers: [], trends: [] }).ok;
}

/**
 * The `/api/v1/series` answer for a request, summed from the cube: the same shaping as the server
 * (members' order, bases, year cut) and, for the forecast method the cube carries, the same split
 * of the one market forecast (the whole market's own; a slice's from its cells). Null when the
 * request needs the server (another method, or members the cube does not know).
 */
export function localSeriesView(local: LocalCube, ctx: LocalViewContext, req: SeriesApiParams): SeriesView | null {
  if (!localCanAnswer(local, ctx, req)) return null;
  const method = req.forecast && req.forecast !== "none" ? req.forecast : null;
  const groups = ctx.groups ?? [];
  const vendors = ctx.members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
  const group = req.group ?? [];
  const grouping = req.by === "group" ? groupBreakdown(groups, vendors) : null;
  const by = req.by === "group" ? "vendor" : req.by;
  const { dataset } = ctx;
  // A scenario is applied to the cells before any sum, as on the server (lib/market/scenario).
  const resolved = resolveScenario(req.levers, ctx.story ?? { drivers: [], trends: [] });
  const scenario = resolved.ok ? resolved.value : null;
  const from = req.from ?? dataset.firstYear;
  const to = req.to ?? dataset.lastYear;
  const filters = { type: req.type, sector: req.sector, vendor: req.vendor, region: req.region, group };
  const cubeFilters = { ...filters, vendor: vendorsOfGroups(group, req.vendor, groups, vendors) };
  const unfiltered = DIMENSIONS.every((d) => cubeFilters[d].length === 0);
  const cube = scenario ? scenarioCube(local, scenario, dataset.historyTo, groups) : local.cube;
  const rows = aggregate(cube, { by, filters: cubeFilters, from, to });
  const shaped = shapeSeries(grouping ? grouping.rows(rows) : rows, {
    by,
    from,
    to,
    members: grouping ? grouping.members : ctx.members,
    only: by === "total" ? undefined : req.by === "group" ? group : filters[by],
    unfiltered,
    historyTo: dataset.historyTo,
    publishedYears: ctx.publishedYears,
    scenario: !!scenario,
  });
  const view: SeriesView = {
    dataset,
    unit: dataset.unit,
    by: req.by,
    filters,
    from,
    to,
    series: shaped,
    ...(scenario ? { scenario: scenario.info } : {}),
  };
  if (!method || !local.forecast) return view;
  const fc = local.forecast.cells;
  const cells =
    by === "total" && unfiltered ? new Map([["total", fc.market]]) : sliceForecast(fc, { by, filters: cubeFilters });
  const parent = unfiltered
    ? fc.market
    : (sliceForecast(fc, { by: "total", filters: cubeFilters }).get("total") ?? null);
  const parts = grouping ? grouping.forecasts(cells, fc.market, parent) : cells;
  const inRange = (f: SeriesForecastInfo | undefined) =>
    f ? { ...f, points: f.points.filter((p) => p.year >= from && p.year <= to) } : null;
  return {
    ...view,
    series: shaped.map((s) => ({ ...s, forecast: inRange(parts.get(s.key)) })),
    forecast: { basis: OUR_FORECAST, method, levels: [...FORECAST_LEVELS] },
  };
}
