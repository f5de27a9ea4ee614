/**
 * Property checks of the numbers the API serves, run inside each database's foundation suite: random
 * slices (any members of all four dimensions), breakdowns and forecast methods. A slice's forecast
 * never passes its parent's (mean or bound), a breakdown's members add up to their parent in every
 * year (forecast years included), and the given figures come out exactly.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { toMicro } from "@/lib/market/cube/micro";
import type { SeriesView } from "@/lib/market/query/api";
import { defaultDataset } from "@/prisma/data/default-dataset";
import type { ForecastPoint } from "@/lib/market/cube/forecast-cube";
import { DIMENSIONS, type Dimension } from "@/lib/market/types";

type View = (params: Record<string, string>) => Promise<SeriesView>;
type Api = (qs: string) => Promise<Response>;

const slugs = (d: Dimension) => defaultDataset.members[d].map((m) => m.slug);
const filtersArb = fc.record(
  Object.fromEntries(
    DIMENSIONS.map((d) => [d, fc.subarray(slugs(d), { maxLength: Math.min(4, slugs(d).length) })]),
  ) as Record<Dimension, fc.Arbitrary<string[]>>,
);
const methodArb = fc.constantFrom("auto", "auto", "theta", "drift", "damped");
const byArb = fc.constantFrom(...DIMENSIONS);

function params(filters: Record<Dimension, string[]>, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  for (const d of DIMENSIONS) if (filters[d].length) out[d] = filters[d].join(",");
  return out;
}

// Forecast values are rounded to whole micro-units one by one: sums may differ by one per member.
const MICRO = 1e-6;
const LEVELS = ["80", "95"];
const bounds = (p: ForecastPoint) => [p.mean, ...LEVELS.map((l) => p.lower[l]), ...LEVELS.map((l) => p.upper[l])];

export function defineCoherenceProperties(get: () => { view: View; api: Api }) {
  it("property: no slice's forecast mean or bound passes its parent's (one filter dropped), nor the market's; no slice's interval is relatively wider than the market's", async () => {
    await fc.assert(
      fc.asyncProperty(filtersArb, methodArb, fc.constantFrom(...DIMENSIONS), async (filters, method, drop) => {
        const { view } = get();
        const slice = (await view(params(filters, { forecast: method }))).series[0];
        const parent = (await view(params({ ...filters, [drop]: [] }, { forecast: method }))).series[0];
        const market = (await view({ forecast: method })).series[0];
        if (!slice.forecast) return;
        slice.forecast.points.forEach((p, k) => {
          const up = [parent.forecast!.points[k], market.forecast!.points[k]];
          for (const q of up) bounds(p).forEach((v, i) => expect(v).toBeLessThanOrEqual(bounds(q)[i] + MICRO));
          // No wider than the market's interval in relative terms (up to rounding each value to a micro-unit).
          const m = market.forecast!.points[k];
          if (p.mean > 1)
            for (const l of LEVELS) {
              const slack = (2 + m.upper[l] / m.mean) * (MICRO / p.mean);
              expect(p.upper[l] / p.mean).toBeLessThanOrEqual(m.upper[l] / m.mean + slack);
              expect(p.lower[l] / p.mean).toBeGreaterThanOrEqual(m.lower[l] / m.mean - slack);
            }
          expect(p.lower["95"]).toBeGreaterThanOrEqual(0);
          expect(p.lower["95"]).toBeLessThanOrEqual(p.lower["80"]);
          expect(p.upper["80"]).toBeLessThanOrEqual(p.upper["95"]);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("property: the members of every breakdown add up to their parent in every year, forecasts and bounds included", async () => {
    await fc.assert(
      fc.asyncProperty(filtersArb, byArb, methodArb, async (filters, by, method) => {
        const { view } = get();
        const parts = (await view(params(filters, { by, forecast: method }))).series;
        const parent = (await view(params(filters, { forecast: method }))).series[0];
        // Data: whole micro-units, so the sum is exact.
        parent.points.forEach((p, k) =>
          expect(parts.reduce((a, s) => a + toMicro(s.points[k].value), 0)).toBe(toMicro(p.value)),
        );
        if (!parent.forecast) return;
        parent.forecast.points.forEach((p, k) => {
          const sums = bounds(p).map((_, i) =>
            parts.reduce((a, s) => a + (s.forecast ? bounds(s.forecast.points[k])[i] : 0), 0),
          );
          sums.forEach((sum, i) =>
            expect(Math.abs(sum - bounds(p)[i])).toBeLessThanOrEqual((parts.length + 1) * MICRO),
          );
        });
      }),
      { numRuns: 40 },
    );
  });

  it("property: the given figures are served exactly, whatever else is asked (JSON, CSV)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("none", "auto", "theta"),
        fc.constantFrom("json", "csv"),
        async (forecast, format) => {
          const { api } = get();
          const res = await api(`by=total&forecast=${forecast}&format=${format}`);
          expect(res.status).toBe(200);
          const text = await res.text();
          if (format === "json") {
            const points = (JSON.parse(text) as SeriesView).series[0].points;
            for (const t of defaultDataset.totals.filter((x) => x.basis === "published"))
              expect(points.find((p) => p.year === t.year)?.value).toBe(t.value);
            expect(text).toContain('"year":2024,"value":8934,');
            expect(text).toContain('"year":2031,"value":19700,');
          } else {
            expect(text).toContain(",2024,8934,published,");
            expect(text).toContain(",2031,19700,published,");
          }
        },
      ),
      { numRuns: 6 },
    );
  });
}
