/**
 * One engine, one byte budget: a slice's series and forecast are the same whether the browser sums
 * them from the cube it received (the pure functions of lib/market/cube/cube-wire) or asks the
 * server (getSeriesView), below the byte budget and above it (the budget lowered here so the
 * default cube is too large to send).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CubeWire } from "@/lib/market/cube/cube-wire";
import type { SeriesApiParams } from "@/lib/market/query/view-state";
import { createPgliteDir } from "../support/databases";

const budget = vi.hoisted(() => ({ bytes: undefined as number | undefined }));
vi.mock("@/lib/market/cube/budget", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/market/cube/budget")>();
  return {
    ...real,
    browserGetsCube: (shape: Parameters<typeof real.browserGetsCube>[0]) =>
      real.browserGetsCube(shape, budget.bytes ?? real.CUBE_BYTE_BUDGET),
  };
});

const none = { type: [], sector: [], vendor: [], region: [] };
const REQUESTS: SeriesApiParams[] = [];
for (const forecast of ["none", "auto"] as const) {
  for (const by of ["total", "type", "sector", "vendor", "region", "group"] as const) {
    REQUESTS.push({ by, ...none, forecast });
    REQUESTS.push({ by, ...none, sector: ["healthcare", "bfsi"], region: ["europe"], forecast, from: 2024 });
  }
  REQUESTS.push({ by: "vendor", ...none, group: ["hyperscalers"], forecast });
  REQUESTS.push({ by: "total", ...none, type: ["industry-specific"], vendor: ["openai"], forecast });
}

type Mods = {
  db: typeof import("@/lib/server/db");
  setup: typeof import("@/lib/server/admin/setup");
  market: typeof import("@/lib/server/market");
  queries: typeof import("@/lib/server/queries");
  story: typeof import("@/lib/server/story");
  provenance: typeof import("@/lib/server/provenance");
  cubeRoute: typeof import("@/app/api/v1/cube/route");
  wire: typeof import("@/lib/market/cube/cube-wire");
};
const load = async (): Promise<Mods> => ({
  db: await import("@/lib/server/db"),
  setup: await import("@/lib/server/admin/setup"),
  market: await import("@/lib/server/market"),
  queries: await import("@/lib/server/queries"),
  story: await import("@/lib/server/story"),
  provenance: await import("@/lib/server/provenance"),
  cubeRoute: await import("@/app/api/v1/cube/route"),
  wire: await import("@/lib/market/cube/cube-wire"),
});

/** What a series carries that both paths compute: its key, its points, its forecast. */
const numbers = (series: { key: string; points: unknown[]; forecast?: unknown }[]) =>
  series.map(({ key, points, forecast }) => ({ key, points, forecast: forecast ?? null }));

describe("the browser's and the server's answers, below and above the byte budget", () => {
  const dir = createPgliteDir();
  let m: Mods;
  const browser = new Map<string, unknown>();

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = dir.dir;
    m = await load();
    await m.setup.migrate();
    await m.setup.seed();
  });

  afterAll(async () => {
    await m?.db.closeDb();
    dir.remove();
  });

  const server = async (mods: Mods, req: SeriesApiParams) => {
    const r = await mods.market.getSeriesView({ ...none, ...req });
    if (!r.ok) throw new Error(r.problem.message);
    return r.view;
  };

  it("below the budget: the browser gets the cube and sums every slice as the server does", async () => {
    const res = await m.cubeRoute.GET(new Request("http://test/api/v1/cube"));
    expect(res.status).toBe(200);
    const wire = (await res.json()) as CubeWire;
    const dataset = (await m.queries.getDataset())!;
    const [members, story, figures] = await Promise.all([
      m.queries.getMembers(dataset.id),
      m.story.getStory(dataset.id),
      m.provenance.getFigures(dataset.id),
    ]);
    const publishedYears = figures
      .filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null)
      .map((f) => f.year!);
    const local = m.wire.localCube(wire, dataset.historyTo);
    const ctx = { dataset, members, publishedYears, groups: story.groups, story };
    for (const req of REQUESTS) {
      const view = m.wire.localSeriesView(local, ctx, req);
      expect(view, JSON.stringify(req)).not.toBeNull();
      const fromServer = await server(m, req);
      expect(numbers(view!.series), JSON.stringify(req)).toEqual(numbers(fromServer.series));
      if (req.forecast === "auto") expect(view!.series.some((s) => s.forecast)).toBe(true);
      browser.set(JSON.stringify(req), numbers(view!.series));
    }
  });

  it("above the budget: the cube is not sent, and the server (fresh, no cache) answers the same numbers", async () => {
    expect(browser.size).toBe(REQUESTS.length);
    budget.bytes = 100_000;
    vi.resetModules();
    const fresh = await load();
    const res = await fresh.cubeRoute.GET(new Request("http://test/api/v1/cube"));
    expect(res.status).toBe(413);
    for (const req of REQUESTS)
      expect(numbers((await server(fresh, req)).series), JSON.stringify(req)).toEqual(browser.get(JSON.stringify(req)));
  });
});
