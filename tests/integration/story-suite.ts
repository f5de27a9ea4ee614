/**
 * The report's argument as data: the story API on a freshly set-up database, every link naming an
 * existing member, the story sealed with its version's content, and the `group` roll-up of vendors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Setup = () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;

interface StoryBody {
  dataset: { id: string };
  drivers: { key: string; title: string; moves: { dimension: string; member: string; direction: string }[] }[];
  trends: { key: string; title: string; moves: { dimension: string; member: string; direction: string }[] }[];
  useCases: { dimension: string; member: string; text: string }[];
  groups: { key: string; title: string; members: string[] }[];
}

export function defineStorySuite(kind: string, setup: Setup) {
  describe(`story on ${kind}`, () => {
    let teardown: () => Promise<void> = async () => {};
    let m: {
      db: typeof import("@/lib/server/db");
      setup: typeof import("@/lib/server/admin/setup");
      queries: typeof import("@/lib/server/queries");
      story: typeof import("@/app/api/v1/story/route");
      series: typeof import("@/app/api/v1/series/route");
    };

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      Object.assign(process.env, s.env);
      m = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        queries: await import("@/lib/server/queries"),
        story: await import("@/app/api/v1/story/route"),
        series: await import("@/app/api/v1/series/route"),
      };
      await m.setup.migrate();
      await m.setup.seed();
    });

    afterAll(async () => {
      await m?.db.closeDb();
      await teardown();
    });

    const story = (qs = "") => m.story.GET(new Request(`http://test/api/v1/story${qs ? `?${qs}` : ""}`));
    const series = async (qs: string) => {
      const r = await m.series.GET(new Request(`http://test/api/v1/series?${qs}`));
      expect(r.status, qs).toBe(200);
      return r.json();
    };

    it("serves the release's drivers, trends, use cases and groups, every link naming a member of that version", async () => {
      const r = await story();
      expect(r.status).toBe(200);
      const body = (await r.json()) as StoryBody;
      expect(body.drivers).toHaveLength(5);
      expect(body.trends).toHaveLength(4);
      expect(body.groups).toHaveLength(4);
      const members = await m.queries.getMembers(body.dataset.id);
      const slugs = (dim: string) => members.filter((x) => x.dimension === dim).map((x) => x.slug);
      const named = slugs("vendor").filter((s) => s !== "others");
      expect(named).toHaveLength(15);
      expect(body.groups.flatMap((g) => g.members).sort()).toEqual([...named].sort());
      expect(
        body.useCases
          .filter((u) => u.dimension === "type")
          .map((u) => u.member)
          .sort(),
      ).toEqual(slugs("type").sort());
      expect(body.useCases.filter((u) => u.dimension === "sector")).toHaveLength(8);
      const known: Record<string, string[]> = {
        type: slugs("type"),
        sector: slugs("sector"),
        vendor: slugs("vendor"),
        group: body.groups.map((g) => g.key),
      };
      for (const item of [...body.drivers, ...body.trends])
        for (const move of item.moves) expect(known[move.dimension], `${item.key}`).toContain(move.member);
      for (const u of body.useCases) expect(known[u.dimension]).toContain(u.member);
    });

    it("pins a version with dataset=, and names a bad parameter", async () => {
      const active = (await (await story()).json()) as StoryBody;
      const pinned = await story(`dataset=${active.dataset.id}`);
      expect(pinned.status).toBe(200);
      expect(pinned.headers.get("cache-control")).toMatch(/immutable/);
      expect((await pinned.json()).drivers).toEqual(active.drivers);
      const missing = await story("dataset=nope-v9");
      expect(missing.status).toBe(404);
      const bad = await story("by=group");
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.param).toBe("by");
    });

    interface SeriesBody {
      series: {
        key: string;
        label: string;
        points: { year: number; value: number; basis: string }[];
        forecast?: {
          points: { year: number; mean: number; lower: Record<string, number>; upper: Record<string, number> }[];
        };
      }[];
    }

    it("breaks the market down by player group: 4 groups and Others, adding up to the total every year, forecasts included", async () => {
      const { groups } = (await (await story()).json()) as StoryBody;
      const total = (await series("by=total&forecast=auto")) as SeriesBody;
      const byGroup = (await series("by=group&forecast=auto")) as SeriesBody;
      expect(byGroup.series.map((s) => s.key)).toEqual([...groups.map((g) => g.key), "others"]);
      expect(byGroup.series.map((s) => s.label)).toContain("Hyperscalers and model developers");
      const market = total.series[0];
      expect(market.points.length).toBe(12);
      for (const p of market.points) {
        const sum = byGroup.series.reduce((a, s) => a + s.points.find((q) => q.year === p.year)!.value, 0);
        expect(Math.abs(sum - p.value), `${p.year}`).toBeLessThan(1e-6);
      }
      // Forecast years: the groups' forecasts add up to the market's, mean and bounds alike.
      for (const f of market.forecast!.points) {
        const at = (s: SeriesBody["series"][number]) => s.forecast!.points.find((q) => q.year === f.year)!;
        const mean = byGroup.series.reduce((a, s) => a + at(s).mean, 0);
        expect(Math.abs(mean - f.mean), `${f.year}`).toBeLessThan(1e-6);
        const upper = byGroup.series.reduce((a, s) => a + at(s).upper["80"], 0);
        expect(Math.abs(upper - f.upper["80"])).toBeLessThan(1e-5);
      }
      // A group is the sum of its vendors: the same as filtering by them.
      const hyper = groups.find((g) => g.key === "hyperscalers")!;
      const viaGroup = (await series("by=total&group=hyperscalers")) as SeriesBody;
      const viaVendors = (await series(`by=total&vendor=${hyper.members.join(",")}`)) as SeriesBody;
      expect(viaGroup.series[0].points).toEqual(viaVendors.series[0].points);
      expect(byGroup.series[0].points).toEqual(viaVendors.series[0].points);
      // Filtered breakdowns still add up: by sector within one group.
      const sectors = (await series("by=sector&group=hardware")) as SeriesBody;
      const nvidia = (await series("by=total&vendor=nvidia")) as SeriesBody;
      for (const p of nvidia.series[0].points) {
        const sum = sectors.series.reduce((a, s) => a + s.points.find((q) => q.year === p.year)!.value, 0);
        expect(Math.abs(sum - p.value)).toBeLessThan(1e-6);
      }
      // A vendor outside the named group leaves nothing, not the whole market.
      const none = (await series("by=total&group=hardware&vendor=openai")) as SeriesBody;
      expect(none.series[0].points.every((p) => p.value === 0)).toBe(true);
    });

    it("names an unknown group in a 400", async () => {
      const r = await m.series.GET(new Request("http://test/api/v1/series?by=total&group=startups"));
      expect(r.status).toBe(400);
      const body = await r.json();
      expect(body.error.param).toBe("group");
      expect(body.error.message).toContain("hyperscalers");
    });

    it("seals the story with the version: a story changed behind the triggers fails the integrity check", async () => {
      const prisma = m.db.getDb().prisma;
      const { dataset } = (await (await story()).json()) as StoryBody;
      expect((await m.setup.verify()).find((c) => c.id === dataset.id)).toMatchObject({ sealed: true, intact: true });
      await prisma.$transaction([
        prisma.$executeRawUnsafe(`ALTER TABLE "Dataset" DISABLE TRIGGER "Dataset_immutable"`),
        prisma.$executeRawUnsafe(
          `UPDATE "Dataset" SET story = jsonb_set(story, '{drivers,0,title}', '"Edited"') WHERE id = $1`,
          dataset.id,
        ),
        prisma.$executeRawUnsafe(`ALTER TABLE "Dataset" ENABLE TRIGGER "Dataset_immutable"`),
      ]);
      expect((await m.setup.verify()).find((c) => c.id === dataset.id)).toMatchObject({ sealed: true, intact: false });
    });
  });
}
