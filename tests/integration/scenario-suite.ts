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
const ORIGIN = "http://app.test";
const ADMIN = { email: "scenario-admin@example.com", password: "scenario-admin-password" };
const USERS = {
  analyst: { email: "scenario-analyst@example.com", password: "scenario-analyst-pw" },
  other: { email: "scenario-other@example.com", password: "scenario-other-pw-1" },
  viewer: { email: "scenario-viewer@example.com", password: "scenario-viewer-pw" },
} as const;

export function defineScenarioSuite(kind: string, setup: Setup) {
  describe(`scenarios on ${kind}`, () => {
    let teardown: () => Promise<void> = async () => {};
    let m: {
      db: typeof import("@/lib/server/db");
      setup: typeof import("@/lib/server/admin/setup");
      story: typeof import("@/app/api/v1/story/route");
      series: typeof import("@/app/api/v1/series/route");
      auth: typeof import("@/app/api/auth/[...all]/route");
      scenarios: typeof import("@/app/api/v1/scenarios/route");
      scenario: typeof import("@/app/api/v1/scenarios/[id]/route");
      audit: typeof import("@/app/api/v1/audit/route");
    };
    let levers: Item[] = [];

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      Object.assign(process.env, s.env, { APP_URL: ORIGIN, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
      m = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        story: await import("@/app/api/v1/story/route"),
        series: await import("@/app/api/v1/series/route"),
        auth: await import("@/app/api/auth/[...all]/route"),
        scenarios: await import("@/app/api/v1/scenarios/route"),
        scenario: await import("@/app/api/v1/scenarios/[id]/route"),
        audit: await import("@/app/api/v1/audit/route"),
      };
      await m.setup.migrate();
      await m.setup.seed();
      await m.setup.firstAdmin();
      const story = await (await m.story.GET(new Request("http://test/api/v1/story"))).json();
      levers = [...story.drivers, ...story.trends];
    });

    afterAll(async () => {
      await m?.db.closeDb();
      await teardown();
      for (const k of ["APP_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD"]) delete process.env[k];
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

    describe("saved scenarios", () => {
      const cookies: Record<string, string> = {};
      const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        new Request(`${ORIGIN}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
          body: JSON.stringify(body),
        });
      const save = (body: unknown, as: string | undefined, headers: Record<string, string> = {}) =>
        m.scenarios.POST(json("/api/v1/scenarios", body, { ...(as ? { cookie: as } : {}), ...headers }));
      const list = async (as: string) => {
        const r = await m.scenarios.GET(new Request(`${ORIGIN}/api/v1/scenarios`, { headers: { cookie: as } }));
        expect(r.status).toBe(200);
        return ((await r.json()).scenarios as { id: string; name: string; mine: boolean }[]).map((x) => x.name);
      };
      const one = (id: string, as?: string) =>
        m.scenario.GET(new Request(`${ORIGIN}/api/v1/scenarios/${id}`, { headers: as ? { cookie: as } : {} }), {
          params: Promise.resolve({ id }),
        });
      const del = (id: string, as: string, origin = ORIGIN) =>
        m.scenario.DELETE(
          new Request(`${ORIGIN}/api/v1/scenarios/${id}`, { method: "DELETE", headers: { cookie: as, origin } }),
          { params: Promise.resolve({ id }) },
        );
      const auditEvents = async () => {
        const r = await m.audit.GET(new Request(`${ORIGIN}/api/v1/audit`, { headers: { cookie: cookies.admin } }));
        return (await r.json()).events as {
          action: string;
          actor: string;
          target: string;
          detail: Record<string, unknown>;
        }[];
      };
      const count = async () => (await list(cookies.admin)).length;
      let shared = "";
      let privateId = "";

      it("signs in an admin, two analysts and a viewer", async () => {
        const signIn = async (who: { email: string; password: string }) => {
          const r = await m.auth.POST(json("/api/auth/sign-in/email", who));
          expect(r.status).toBe(200);
          return r.headers.get("set-cookie")!.split(";")[0];
        };
        cookies.admin = await signIn(ADMIN);
        for (const [key, role] of [
          ["analyst", "analyst"],
          ["other", "analyst"],
          ["viewer", "viewer"],
        ] as const) {
          const r = await m.auth.POST(
            json("/api/auth/admin/create-user", { ...USERS[key], name: key, role }, { cookie: cookies.admin }),
          );
          expect(r.status).toBe(200);
          cookies[key] = await signIn(USERS[key]);
        }
      });

      it("refuses a save without a session, below analyst, from another origin, or with a bad body, saving nothing", async () => {
        const body = { name: "Specialisation", levers: `${levers[1].key}:2` };
        expect((await save(body, undefined)).status).toBe(401);
        expect((await save(body, cookies.viewer)).status).toBe(403);
        expect((await save(body, cookies.analyst, { origin: "http://evil.test" })).status).toBe(403);
        const plain = await m.scenarios.POST(
          new Request(`${ORIGIN}/api/v1/scenarios`, {
            method: "POST",
            headers: { cookie: cookies.analyst, origin: ORIGIN, "content-type": "text/plain" },
            body: "x",
          }),
        );
        expect(plain.status).toBe(415);
        for (const [bad, param] of [
          [{ name: "x", levers: "no-such-lever:1" }, "levers"],
          [{ name: "x", levers: `${levers[0].key}:3` }, "levers"],
          [{ name: "x", levers: `${levers[0].key}:0` }, "levers"],
          [{ name: "  ", levers: `${levers[0].key}:1` }, "name"],
          [{ name: "x", levers: `${levers[0].key}:1`, dataset: "nope-v1" }, "dataset"],
          [{ name: "x", levers: `${levers[0].key}:1`, extra: 1 }, "body"],
        ] as const) {
          const r = await save(bad, cookies.analyst);
          expect(r.status, JSON.stringify(bad)).toBe(400);
          expect((await r.json()).error.param, JSON.stringify(bad)).toBe(param);
        }
        expect(await count()).toBe(0);
      });

      it("an analyst saves a shared and a private scenario, each pinned to the active version and audited", async () => {
        const active = (await series("by=total")).dataset.id;
        const r = await save(
          { name: "Specialisation", levers: `${levers[3].key}:-1,${levers[1].key}:+2` },
          cookies.analyst,
        );
        expect(r.status).toBe(201);
        const body = (await r.json()).scenario;
        // Canonical order (the levers' own), the pinned version, the owner.
        expect(body).toMatchObject({
          name: "Specialisation",
          levers: `${levers[1].key}:2,${levers[3].key}:-1`,
          dataset: active,
          owner: USERS.analyst.email,
          shared: true,
        });
        shared = body.id;
        const p = await save({ name: "Mine only", levers: `${levers[0].key}:1`, shared: false }, cookies.analyst);
        expect(p.status).toBe(201);
        privateId = (await p.json()).scenario.id;
        const events = (await auditEvents()).filter((e) => e.action === "scenario.save");
        expect(events.map((e) => [e.actor, e.target])).toEqual([
          [USERS.analyst.email, privateId],
          [USERS.analyst.email, shared],
        ]);
        expect(events[1].detail).toMatchObject({ name: "Specialisation", dataset: active });
      });

      it("viewers list and open what is shared; a private one opens for its owner and admins only", async () => {
        expect(await list(cookies.viewer)).toEqual(["Specialisation"]);
        expect(await list(cookies.analyst)).toEqual(["Mine only", "Specialisation"]);
        expect(await list(cookies.admin)).toEqual(["Mine only", "Specialisation"]);
        expect((await m.scenarios.GET(new Request(`${ORIGIN}/api/v1/scenarios`))).status).toBe(401);
        const opened = await one(shared, cookies.viewer);
        expect(opened.status).toBe(200);
        const s = (await opened.json()).scenario;
        // The saved levers give the same answer as the same levers in the URL.
        const viaApi = await series(`by=total&dataset=${s.dataset}&levers=${s.levers}`);
        expect(viaApi.scenario?.levers).toBe(s.levers);
        expect((await one(privateId, cookies.viewer)).status).toBe(404);
        expect((await one(privateId, cookies.other)).status).toBe(404);
        expect((await one(privateId, cookies.analyst)).status).toBe(200);
        expect((await one(privateId, cookies.admin)).status).toBe(200);
        expect((await one("sc_0000000000000000", cookies.admin)).status).toBe(404);
      });

      it("only its owner or an admin deletes a scenario, from the app's origin; the delete is audited", async () => {
        expect((await del(shared, cookies.viewer)).status).toBe(403);
        expect((await del(shared, cookies.other)).status).toBe(403);
        expect((await del(shared, cookies.analyst, "http://evil.test")).status).toBe(403);
        expect(await count()).toBe(2);
        expect((await del(shared, cookies.analyst)).status).toBe(204);
        expect((await one(shared, cookies.analyst)).status).toBe(404);
        expect((await del(shared, cookies.analyst)).status).toBe(404);
        expect((await del(privateId, cookies.admin)).status).toBe(204);
        expect(await count()).toBe(0);
        const deletes = (await auditEvents()).filter((e) => e.action === "scenario.delete");
        expect(deletes.map((e) => [e.actor, e.target])).toEqual([
          [ADMIN.email, privateId],
          [USERS.analyst.email, shared],
        ]);
      });
    });
  });
}
