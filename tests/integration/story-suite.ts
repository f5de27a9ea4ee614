/**
 * The report's argument as data: the story API on a freshly set-up database, every link naming an
 * existing member, the story sealed with its version's content, and the `group` roll-up of vendors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ORIGIN = "http://app.test";
const ADMIN = { email: "story-admin@example.com", password: "story-admin-password" };

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
      auth: typeof import("@/app/api/auth/[...all]/route");
      imports: typeof import("@/app/api/v1/imports/route");
      commit: typeof import("@/app/api/v1/imports/[id]/commit/route");
      exp: typeof import("@/app/api/v1/datasets/[id]/export/route");
    };

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      // The commit below answers 201 once stored: its request may wait for it as long as it takes here.
      Object.assign(process.env, s.env, {
        APP_URL: ORIGIN,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        COMMIT_WAIT_MS: "60000",
      });
      m = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        queries: await import("@/lib/server/queries"),
        story: await import("@/app/api/v1/story/route"),
        series: await import("@/app/api/v1/series/route"),
        auth: await import("@/app/api/auth/[...all]/route"),
        imports: await import("@/app/api/v1/imports/route"),
        commit: await import("@/app/api/v1/imports/[id]/commit/route"),
        exp: await import("@/app/api/v1/datasets/[id]/export/route"),
      };
      await m.setup.migrate();
      await m.setup.seed();
      await m.setup.firstAdmin();
    });

    afterAll(async () => {
      await m?.db.closeDb();
      await teardown();
      for (const k of ["APP_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "COMMIT_WAIT_MS"]) delete process.env[k];
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

    let cookie = "";
    const exportOf = async (id: string, format: string) => {
      const r = await m.exp.GET(new Request(`${ORIGIN}/api/v1/datasets/${id}/export?format=${format}`), {
        params: Promise.resolve({ id }),
      });
      expect(r.status).toBe(200);
      return r.text();
    };
    const upload = (csv: string, story: string | null) => {
      const form = new FormData();
      form.set("file", new File([csv], "export.csv"));
      if (story !== null) form.set("story", new File([story], "story.json"));
      return m.imports.POST(
        new Request(`${ORIGIN}/api/v1/imports`, { method: "POST", headers: { cookie, origin: ORIGIN }, body: form }),
      );
    };

    it("exports a version's story beside its figures; an edited driver shows in the preview and is served after commit", async () => {
      const r = await m.auth.POST(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN },
          body: JSON.stringify(ADMIN),
        }),
      );
      expect(r.status).toBe(200);
      cookie = r.headers.get("set-cookie")!.split(";")[0];
      const before = (await (await story()).json()) as StoryBody;
      const csv = await exportOf(before.dataset.id, "csv");
      const file = await exportOf(before.dataset.id, "story");
      const exported = JSON.parse(file);
      expect(exported.drivers).toEqual(before.drivers);

      // The unchanged pair previews no change at all, and there is nothing to commit.
      const same = await upload(csv, file);
      const sameBody = await same.json();
      expect(same.status, JSON.stringify(sameBody).slice(0, 300)).toBe(201);
      expect(sameBody.preview.changes).toEqual([]);
      expect(sameBody.preview.story).toEqual([]);

      exported.drivers[1].summary = "Buyers now fine-tune on their own data first.";
      const edited = await upload(csv, JSON.stringify(exported));
      const body = await edited.json();
      expect(edited.status, JSON.stringify(body).slice(0, 300)).toBe(201);
      expect(body.preview.changes).toEqual([]);
      expect(body.preview.story).toEqual([
        expect.objectContaining({
          section: "drivers",
          key: exported.drivers[1].key,
          change: "changed",
          fields: ["summary"],
          to: expect.stringContaining("Buyers now fine-tune on their own data first."),
        }),
      ]);
      const c = await m.commit.POST(
        new Request(`${ORIGIN}/api/v1/imports/${body.id}/commit`, {
          method: "POST",
          headers: { cookie, origin: ORIGIN },
        }),
        { params: Promise.resolve({ id: body.id }) },
      );
      expect(c.status).toBe(201);
      const { dataset } = await c.json();
      const after = (await (await story()).json()) as StoryBody;
      expect(after.dataset.id).toBe(dataset.id);
      expect(after.dataset.id).not.toBe(before.dataset.id);
      expect((after.drivers[1] as unknown as { summary: string }).summary).toBe(
        "Buyers now fine-tune on their own data first.",
      );
      // The old version keeps its story.
      const old = (await (await story(`dataset=${before.dataset.id}`)).json()) as StoryBody;
      expect(old.drivers).toEqual(before.drivers);
      // The new version's figures are the old one's.
      const a = (await series(`by=group&dataset=${before.dataset.id}`)) as SeriesBody;
      const b = (await series(`by=group&dataset=${dataset.id}`)) as SeriesBody;
      expect(b.series).toEqual(a.series);
    });

    it("refuses a story linking to an unknown member, naming its position, with the figures' problems at once", async () => {
      const active = (await (await story()).json()) as StoryBody;
      const csv = await exportOf(active.dataset.id, "csv");
      const file = JSON.parse(await exportOf(active.dataset.id, "story"));
      file.drivers[2].moves[1].member = "mining";
      // Its scenario step follows the move, so the one problem is the unknown member.
      file.drivers[2].steps[1].member = "mining";
      file.groups[0].members.push("nobody");
      const bad = csv.replace(/\ntotal,total,2024,[^,]+,/, "\ntotal,total,2024,9x,");
      expect(bad).not.toBe(csv);
      const r = await upload(bad, JSON.stringify(file));
      expect(r.status).toBe(422);
      const body = await r.json();
      const story_ = body.errors.filter((e: { sheet?: string }) => e.sheet === "story.json");
      expect(story_).toEqual([
        {
          sheet: "story.json",
          row: 3,
          column: "drivers[3].moves[2].member",
          message: expect.stringContaining('sector "mining" does not exist in this version'),
        },
        {
          sheet: "story.json",
          row: 1,
          column: "groups[1].members[11]",
          message: expect.stringContaining('vendor "nobody" does not exist'),
        },
      ]);
      expect(body.errors.some((e: { sheet?: string; column: string }) => !e.sheet && e.column === "value")).toBe(true);
      const broken = await upload(csv, "{ not json");
      expect(broken.status).toBe(422);
      expect((await broken.json()).errors[0]).toMatchObject({ sheet: "story.json", row: 0, column: "story" });
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
