/**
 * Scenarios through the series API on a freshly set-up database: every lever at +2 and at -2 alone
 * moves the segments it names the right way, every breakdown still sums to the total in every
 * year, nothing goes below 0, history stays, and with no levers the outlook is exact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Setup = () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;

interface Point {
  year: number;
  value: number;
  basis: string;
}
interface SeriesBody {
  dataset: { id: string; historyTo: number };
  scenario?: { basis: string; levers: string; levels: Record<string, number>; description: string };
  series: { key: string; points: Point[]; forecast?: { points: { year: number; mean: number }[] } | null }[];
}
interface Item {
  key: string;
  moves: { dimension: string; member: string; direction: string }[];
}

const BREAKDOWNS = ["type", "sector", "vendor", "region", "group"] as const;

export function defineScenarioSuite(kind: string, setup: Setup) {
  describe(`scenarios on ${kind}`, () => {
    let teardown: () => Promise<void> = async () => {};
    let m: {
      db: typeof import("@/lib/server/db");
      setup: typeof import("@/lib/server/admin/setup");
      story: typeof import("@/app/api/v1/story/route");
      series: typeof import("@/app/api/v1/series/route");
    };
    let levers: Item[] = [];

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      Object.assign(process.env, s.env);
      m = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        story: await import("@/app/api/v1/story/route"),
        series: await import("@/app/api/v1/series/route"),
      };
      await m.setup.migrate();
      await m.setup.seed();
      const story = await (await m.story.GET(new Request("http://test/api/v1/story"))).json();
      levers = [...story.drivers, ...story.trends];
    });

    afterAll(async () => {
      await m?.db.closeDb();
      await teardown();
    });

    const get = (qs: string) => m.series.GET(new Request(`http://test/api/v1/series?${qs}`));
    const series = async (qs: string): Promise<SeriesBody> => {
      const r = await get(qs);
      expect(r.status, qs).toBe(200);
      return r.json();
    };
    const at = (points: Point[], year: number) => points.find((p) => p.year === year)!;

    it("with no levers, 2031 is the published 19,700 exactly and nothing says scenario", async () => {
      const body = await series("by=total");
      expect(at(body.series[0].points, 2031)).toEqual({ year: 2031, value: 19700, basis: "published" });
      expect(body.scenario).toBeUndefined();
      // Levers all at 0 are the outlook too.
      const zero = await series(`by=total&levers=${levers.map((l) => `${l.key}:0`).join(",")}`);
      expect(at(zero.series[0].points, 2031).value).toBe(19700);
      expect(zero.scenario).toBeUndefined();
    });

    it("answers an unknown lever, a level outside -2..2 or a malformed list with a 400 naming levers", async () => {
      for (const qs of [
        "levers=no-such-lever:1",
        `levers=${levers[0].key}:3`,
        `levers=${levers[0].key}:-3`,
        "levers=x",
      ]) {
        const r = await get(`by=total&${qs}`);
        expect(r.status, qs).toBe(400);
        expect((await r.json()).error.param, qs).toBe("levers");
      }
    });

    it("has 9 levers, each at +2 and -2 checked below", () => {
      expect(levers).toHaveLength(9);
    });

    for (const level of [2, -2])
      it(`every lever at ${level} alone: its segments move the right way, every breakdown sums to the total, none below 0`, async () => {
        const base = await series("by=total");
        const baseBy = Object.fromEntries(
          await Promise.all(BREAKDOWNS.map(async (by) => [by, await series(`by=${by}`)] as const)),
        );
        const historyTo = base.dataset.historyTo;
        for (const lever of levers) {
          const qs = `levers=${lever.key}:${level}`;
          const total = await series(`by=total&${qs}`);
          expect(total.scenario, qs).toMatchObject({ basis: "scenario", levers: `${lever.key}:${level}` });
          const tp = total.series[0].points;
          for (const p of tp) {
            expect(p.basis, `${qs} ${p.year}`).toBe(
              p.year > historyTo ? "scenario" : at(base.series[0].points, p.year).basis,
            );
            if (p.year <= historyTo)
              expect(p.value, `${qs} history ${p.year}`).toBe(at(base.series[0].points, p.year).value);
          }
          const moved: Record<string, SeriesBody> = {};
          for (const by of BREAKDOWNS) {
            const body = (moved[by] = await series(`by=${by}&${qs}`));
            for (const p of tp) {
              const sum = body.series.reduce((a, s) => a + at(s.points, p.year).value, 0);
              expect(Math.abs(sum - p.value), `${qs} by=${by} ${p.year}`).toBeLessThan(1e-6);
            }
            for (const s of body.series)
              for (const p of s.points) expect(p.value, `${qs} ${s.key}`).toBeGreaterThanOrEqual(0);
          }
          for (const move of lever.moves) {
            const by = move.dimension;
            const value = (b: SeriesBody) => at(b.series.find((s) => s.key === move.member)!.points, 2031).value;
            const before = value(baseBy[by]);
            const after = value(moved[by]);
            const label = `${qs}: ${move.direction} ${by}:${move.member}`;
            if (move.direction === "gains-share") {
              const shareBefore = before / at(base.series[0].points, 2031).value;
              const shareAfter = after / at(tp, 2031).value;
              if (level > 0) expect(shareAfter, label).toBeGreaterThan(shareBefore);
              else expect(shareAfter, label).toBeLessThan(shareBefore);
            } else if ((move.direction === "raises") === level > 0) expect(after, label).toBeGreaterThan(before);
            else expect(after, label).toBeLessThan(before);
          }
        }
      });

    it("leaves our forecast its own basis: the same with or without levers", async () => {
      const plain = await series("by=sector&forecast=auto");
      const moved = await series(`by=sector&forecast=auto&levers=${levers[2].key}:2`);
      expect(moved.series.map((s) => s.forecast)).toEqual(plain.series.map((s) => s.forecast));
      expect(moved.series.map((s) => at(s.points, 2031).value)).not.toEqual(
        plain.series.map((s) => at(s.points, 2031).value),
      );
    });

    it("writes the basis scenario into the CSV's rows after the history", async () => {
      const r = await get(`by=total&format=csv&levers=${levers[0].key}:1`);
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text).toMatch(/,2031,[\d.]+,scenario/);
      expect(text).not.toMatch(/,2031,19700,published/);
    });
  });
}
