import "server-only";
import type { OutlookInfo, SeriesView } from "@/lib/market/query/api";
import {
  checkAgainstDataset,
  emptyFilters,
  type CubeBreakdown,
  type Filters,
  type QueryProblem,
  type RawParams,
  type SeriesQueryInput,
} from "@/lib/market/query/filters";
import { canonicalQueryKey, normaliseQuery } from "@/lib/market/query/key";
import {
  buildShareTrend,
  sliceForecast,
  type ForecastCube,
  type SeriesForecastInfo,
  type ShareTrend,
} from "@/lib/market/cube/forecast-cube";
import type { ForecastMethod } from "@/lib/market/query/schema";
import { FORECAST_LEVELS, forecastHistory, type ForecastedSeries } from "@/lib/market/series/forecast-series";
import { shapeSeries, type AggregateRow } from "@/lib/market/series/series";
import { describeSlice } from "@/lib/market/presentation/describe";
import { forecastRobustness, type ForecastRobustness } from "@/lib/market/series/robustness";
import { DIMENSIONS, OUR_FORECAST, type MemberInfo } from "@/lib/market/types";
import {
  defaultYear,
  parseViewState,
  resolveViewState,
  seriesApiQuery,
  type ResolvedView,
} from "@/lib/market/query/view-state";
import { LruCache, memo } from "./cache";
import { getFigures, getOutlook } from "./provenance";
import { getCube, getDataset, getMembers, getSliceAggregates, type DatasetSummary } from "./queries";
import { groupBreakdown, groupKeys, vendorsOfGroups, type GroupBreakdown } from "@/lib/market/story/groups";
import type { PlayerGroup, Story } from "@/lib/market/story/types";
import { getStory } from "./story";
import { aggregate } from "@/lib/market/cube/engine";
import type { DenseCube } from "@/lib/market/cube/packed";
import { applyScenario } from "@/lib/market/scenario/apply";
import { resolveScenario, type ResolvedScenario } from "@/lib/market/scenario/resolve";

export type { SeriesView };

/** The method of the overview's total and cards (panelRequest.total's default). */
const DEFAULT_FORECAST_METHOD: ForecastMethod = "auto";

// Whole-range series (with forecasts) depend only on (dataset, slice, method): datasets are immutable, so they are kept.
const seriesCache = new LruCache<ForecastedSeries[]>(500);
// Whole answers by (version, query): the overview asks the same few on every render. Callers only read them.
const viewCache = new LruCache<SeriesView>(1_000);

interface ForecastBasis {
  /** The market's history, year by year. */
  market: { year: number; value: number }[];
  /** Our forecast of the market; null when its history is too short. */
  forecast: SeriesForecastInfo | null;
  /** The market's forecast split over every cell; null when the market has no forecast. */
  cube: ForecastCube | null;
}

/** Every cell's share trend in a version: the same for every forecast method, so built once. */
function getShareTrend(dataset: DatasetSummary): Promise<ShareTrend> {
  return memo(`share-trend:${dataset.id}`, async () =>
    buildShareTrend(await getCube(dataset.id), dataset.historyTo, dataset.lastYear),
  );
}

/** The one forecast of a dataset with one method: the market's, and every cell's path split from it. */
function getForecastBasis(dataset: DatasetSummary, method: ForecastMethod): Promise<ForecastBasis> {
  return memo(`forecast:${dataset.id}:${method}`, async () => {
    const rows: AggregateRow[] = await getSliceAggregates({
      datasetId: dataset.id,
      by: "total",
      filters: emptyFilters(),
      from: dataset.firstYear,
      to: dataset.lastYear,
    });
    const market = rows.map(({ year, value }) => ({ year, value })).sort((a, b) => a.year - b.year);
    const forecast = forecastHistory(market, dataset.historyTo, dataset.lastYear, method);
    return { market, forecast, cube: forecast ? { trend: await getShareTrend(dataset), market: forecast } : null };
  });
}

/** Our forecast of the whole market with `method` (null when its history is too short): what every slice's forecast is split from. */
export async function getMarketForecast(
  dataset: DatasetSummary,
  method: ForecastMethod,
): Promise<SeriesForecastInfo | null> {
  return (await getForecastBasis(dataset, method)).forecast;
}

// A version's vendors and player-group keys, worked out once per version (its members and story
// are read once and never change): at report sizes (thousands of vendors) every request paid for them.
const versionVendors = new WeakMap<MemberInfo[], { vendors: string[]; keys: string[] }>();
function vendorsOf(members: MemberInfo[], groups: PlayerGroup[]): { vendors: string[]; keys: string[] } {
  let known = versionVendors.get(members);
  if (!known) {
    const vendors = members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
    known = { vendors, keys: groupKeys(groups, vendors) };
    versionVendors.set(members, known);
  }
  return known;
}

export type SeriesResult = { ok: true; view: SeriesView } | { ok: false; status: 400 | 404; problem: QueryProblem };

/** A series query answered over a dataset: unknown members or years outside the data are a 400 naming the parameter. */
export async function getSeriesView(request: SeriesQueryInput): Promise<SeriesResult> {
  // In its one spelling (sorted lists, levers by key): equivalent queries give one answer and one key.
  const query = normaliseQuery(request);
  const dataset = await getDataset(query.dataset);
  if (!dataset)
    return query.dataset
      ? { ok: false, status: 404, problem: { param: "dataset", message: `dataset "${query.dataset}" does not exist` } }
      : {
          ok: false,
          status: 404,
          problem: { param: "dataset", message: "no dataset has been loaded; run npm run db:seed" },
        };
  // Pinned or not, an answer carries nothing an activation changes: the version and the query name it.
  const viewKey = `${dataset.id}|${canonicalQueryKey({ ...query, dataset: undefined })}`;
  const known = viewCache.get(viewKey);
  if (known) return { ok: true, view: known };
  const [members, figures, story] = await Promise.all([
    getMembers(dataset.id),
    getFigures(dataset.id),
    getStory(dataset.id),
  ]);
  const { vendors, keys } = vendorsOf(members, story.groups);
  const checked = checkAgainstDataset(query, dataset, members, keys);
  if (checked.problems.length) return { ok: false, status: 400, problem: checked.problems[0] };
  const { from, to } = checked.value;
  const resolved = resolveScenario(query.levers, story);
  if (!resolved.ok) return { ok: false, status: 400, problem: resolved.problem };
  const scenario = resolved.value;
  const scenarioCube = scenario ? await getScenarioCube(dataset, scenario, story.groups) : null;
  const group = query.group ?? [];
  const filters = { type: query.type, sector: query.sector, vendor: query.vendor, region: query.region, group };
  // Groups are a roll-up of vendors: the cube is read by vendor, within the groups' vendors.
  const cubeFilters = { ...filters, vendor: vendorsOfGroups(group, query.vendor, story.groups, vendors) };
  const grouping = query.by === "group" ? groupBreakdown(story.groups, vendors) : null;
  const by = query.by === "group" ? "vendor" : query.by;
  const method = query.forecast && query.forecast !== "none" ? query.forecast : null;
  // The whole range: the years are cut below.
  const key = `${dataset.id}|${canonicalQueryKey({ by: query.by, ...filters, forecast: method ?? "none", levers: scenario?.info.levers })}`;
  let full = seriesCache.get(key);
  if (!full) {
    // The whole year range is shaped once per slice: forecasts need every history year.
    const slice = { datasetId: dataset.id, by, filters: cubeFilters, from: dataset.firstYear, to: dataset.lastYear };
    const rows = scenarioCube ? aggregate(scenarioCube, slice) : await getSliceAggregates(slice);
    const shaped = shapeSeries(grouping ? grouping.rows(rows) : rows, {
      by,
      from: dataset.firstYear,
      to: dataset.lastYear,
      members: grouping ? grouping.members : members,
      only: by === "total" ? undefined : query.by === "group" ? group : filters[by],
      unfiltered: DIMENSIONS.every((d) => cubeFilters[d].length === 0),
      // A filtered total is that slice, and its legend says so.
      totalLabel:
        DIMENSIONS.some((d) => filters[d].length) || group.length ? describeSlice(filters, members) : undefined,
      historyTo: dataset.historyTo,
      publishedYears: figures
        .filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null)
        .map((f) => f.year!),
      scenario: !!scenario,
    });
    full = method ? await withForecast(shaped, by, cubeFilters, dataset, method, grouping) : shaped;
    seriesCache.set(key, full);
  }
  // Cut once to the shown years: the points and the forecast alike.
  const inRange = <P extends { year: number }>(points: P[]) => points.filter((p) => p.year >= from && p.year <= to);
  const series = full.map((s) => ({
    ...s,
    points: inRange(s.points),
    ...(method ? { forecast: s.forecast ? { ...s.forecast, points: inRange(s.forecast.points) } : null } : {}),
  }));
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version } = dataset;
  const view: SeriesView = {
    dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version },
    unit,
    by: query.by,
    filters,
    from,
    to,
    series,
    ...(method ? { forecast: { basis: OUR_FORECAST, method, levels: [...FORECAST_LEVELS] } } : {}),
    ...(scenario ? { scenario: scenario.info } : {}),
  };
  viewCache.set(viewKey, view);
  return { ok: true, view };
}

/** Bytes of scenario cubes kept (the default cube's are 207 KB each; a 2.6-million-cell one's 21 MB). */
const SCENARIO_CUBES_BYTES = 128 * 1024 * 1024;
// Scenario cubes by (version, levers), least recently used forgotten first once past the bytes above.
const scenarioCubes = new Map<string, DenseCube>();
let scenarioBytes = 0;

/** The version's cube under a scenario. */
async function getScenarioCube(
  dataset: DatasetSummary,
  scenario: ResolvedScenario,
  groups: PlayerGroup[],
): Promise<DenseCube> {
  const key = `${dataset.id}|${scenario.info.levers}`;
  const known = scenarioCubes.get(key);
  if (known) {
    scenarioCubes.delete(key);
    scenarioCubes.set(key, known);
    return known;
  }
  const moved = applyScenario(await getCube(dataset.id), { ...scenario, historyTo: dataset.historyTo, groups });
  if (scenarioCubes.has(key)) return scenarioCubes.get(key)!;
  scenarioCubes.set(key, moved);
  scenarioBytes += moved.micro.byteLength;
  for (const [k, c] of scenarioCubes) {
    if (scenarioBytes <= SCENARIO_CUBES_BYTES || k === key) break;
    scenarioCubes.delete(k);
    scenarioBytes -= c.micro.byteLength;
  }
  return moved;
}

/** Each series with its slice of the one forecast: the market's own for the whole market, else the sum of its cells'. */
async function withForecast(
  shaped: ForecastedSeries[],
  by: CubeBreakdown,
  filters: Filters,
  dataset: DatasetSummary,
  method: ForecastMethod,
  grouping: GroupBreakdown | null,
): Promise<ForecastedSeries[]> {
  const basis = await getForecastBasis(dataset, method);
  if (!basis.forecast) return shaped.map((s) => ({ ...s, forecast: null }));
  if (by === "total" && DIMENSIONS.every((d) => filters[d].length === 0))
    return shaped.map((s) => ({ ...s, forecast: basis.forecast }));
  if (!basis.cube) return shaped.map((s) => ({ ...s, forecast: null }));
  const parts = sliceForecast(basis.cube, { by, filters });
  if (grouping) {
    const whole = DIMENSIONS.every((d) => filters[d].length === 0);
    const parent = whole ? basis.forecast : (sliceForecast(basis.cube, { by: "total", filters }).get("total") ?? null);
    const groups = grouping.forecasts(parts, basis.forecast, parent);
    return shaped.map((s) => ({ ...s, forecast: groups.get(s.key) ?? null }));
  }
  return shaped.map((s) => ({ ...s, forecast: parts.get(s.key) ?? null }));
}

export interface PageContext {
  dataset: SeriesView["dataset"];
  members: MemberInfo[];
  outlook: OutlookInfo | null;
  publishedYears: number[];
  defaultYear: number;
  /** Our forecast of the market (default method) in the outlook year, beside the outlook, with its fragility. */
  robustness: ForecastRobustness | null;
  state: ResolvedView;
  notices: QueryProblem[];
  groups: PlayerGroup[];
  /** The version's drivers and trends: the scenario levers. */
  story: Pick<Story, "drivers" | "trends">;
}

/** How our default forecast of the market compares with the outlook in its year, and how fragile it is. */
function getForecastRobustness(
  dataset: DatasetSummary,
  outlook: OutlookInfo | null,
  publishedYears: number[],
): Promise<ForecastRobustness | null> {
  return memo(`robustness:${dataset.id}`, async () => {
    const { market } = await getForecastBasis(dataset, DEFAULT_FORECAST_METHOD);
    const year = outlook && outlook.year > dataset.historyTo ? outlook.year : dataset.lastYear;
    return forecastRobustness(market, {
      historyTo: dataset.historyTo,
      lastYear: dataset.lastYear,
      method: DEFAULT_FORECAST_METHOD,
      year,
      outlook: outlook && outlook.year === year ? outlook.value : null,
      publishedYears,
    });
  });
}

/**
 * What every dashboard page starts from: its URL parsed leniently (invalid values fall back to the
 * defaults, with notices), checked against the dataset it names (or the active one). Null when no
 * dataset is loaded at all.
 */
export async function getPageContext(params: RawParams): Promise<PageContext | null> {
  const parsed = parseViewState(params);
  const dataset = (parsed.value.dataset ? await getDataset(parsed.value.dataset) : null) ?? (await getDataset());
  if (!dataset) return null;
  const [members, figures, outlook, story] = await Promise.all([
    getMembers(dataset.id),
    getFigures(dataset.id),
    getOutlook(dataset.id),
    getStory(dataset.id),
  ]);
  const publishedYears = figures
    .filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null)
    .map((f) => f.year!);
  const year = defaultYear(dataset, publishedYears);
  const robustness = await getForecastRobustness(dataset, outlook, publishedYears);
  const { keys } = vendorsOf(members, story.groups);
  const resolved = resolveViewState(parsed.value, dataset, members, year, keys, story);
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version } = dataset;
  return {
    dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version },
    members,
    outlook,
    publishedYears,
    defaultYear: year,
    robustness,
    state: resolved.value,
    notices: [...parsed.notices, ...resolved.notices],
    groups: story.groups,
    story: { drivers: story.drivers, trends: story.trends },
  };
}

/** Server-side answers keyed by their API query string: the client's first render reads these. */
export async function getInitialSeries(requests: SeriesQueryInput[]): Promise<Record<string, SeriesView>> {
  const out: Record<string, SeriesView> = {};
  await Promise.all(
    requests.map(async (r) => {
      const key = seriesApiQuery(r);
      const result = await getSeriesView(r);
      if (result.ok) out[key] = result.view;
    }),
  );
  return out;
}
