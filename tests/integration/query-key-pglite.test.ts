/**
 * One query, one key, over the real series route on a freshly set-up embedded PGlite: two URLs that
 * ask the same thing (members in another order, repeats, defaults spelled out, levers in another
 * order) get the same ETag, body and export file name; different queries get different ones. The
 * published answers the front server sends again are kept under the same key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDir } from "../support/databases";

describe("canonical query key on embedded PGlite", () => {
  const dir = createPgliteDir();
  let m: {
    db: typeof import("@/lib/server/db");
    setup: typeof import("@/lib/server/admin/setup");
    series: typeof import("@/app/api/v1/series/route");
    cube: typeof import("@/app/api/v1/cube/route");
    story: typeof import("@/app/api/v1/story/route");
    fast: typeof import("@/lib/server/fast-answers");
  };
  let lever: [string, string];

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = dir.dir;
    m = {
      db: await import("@/lib/server/db"),
      setup: await import("@/lib/server/admin/setup"),
      series: await import("@/app/api/v1/series/route"),
      cube: await import("@/app/api/v1/cube/route"),
      story: await import("@/app/api/v1/story/route"),
      fast: await import("@/lib/server/fast-answers"),
    };
    await m.setup.migrate();
    await m.setup.seed();
    const story = (await (await m.story.GET(new Request("http://test/api/v1/story"))).json()) as {
      drivers: { key: string }[];
      trends: { key: string }[];
    };
    const keys = [...story.drivers, ...story.trends].map((l) => l.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    lever = [keys[0], keys[1]];
  });

  afterAll(async () => {
    await m?.db.closeDb();
    dir.remove();
  });

  const get = async (qs: string) => {
    const res = await m.series.GET(new Request(`http://test/api/v1/series?${qs}`));
    expect(res.status, qs).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    return { etag: res.headers.get("etag")!, file: res.headers.get("content-disposition"), body };
  };

  it.each([
    [
      "members in another order and repeated",
      "by=vendor&sector=healthcare,bfsi&region=europe",
      "region=europe&sector=bfsi&sector=healthcare,bfsi&by=vendor",
      true,
    ],
    ["defaults spelled out", "by=sector&from=2022", "from=2022&by=sector&forecast=none&type=&reconcile=true", true],
    // The same answer; a workbook also carries its permalink, which names the years.
    ["the dataset's own years spelled out", "by=region", "by=region&from=2021&to=2032", false],
  ])("%s: one ETag, one body, one file name (JSON, CSV and XLSX)", async (_, a, b, samePermalink) => {
    const [ja, jb] = [await get(a), await get(b)];
    expect(jb.etag).toBe(ja.etag);
    expect(jb.body.equals(ja.body)).toBe(true);
    const [ca, cb] = [await get(`${a}&format=csv`), await get(`${b}&format=csv`)];
    expect(ca.file).toMatch(/^attachment; filename="[a-z0-9._-]+\.csv"$/);
    expect(cb.file).toBe(ca.file);
    expect(cb.etag).toBe(ca.etag);
    expect(cb.body.equals(ca.body)).toBe(true);
    expect(ca.etag).not.toBe(ja.etag);
    const [xa, xb] = [await get(`${a}&format=xlsx`), await get(`format=xlsx&${b}`)];
    expect(xa.file).toMatch(/^attachment; filename="[a-z0-9._-]+\.xlsx"$/);
    expect(xb.file).toBe(xa.file);
    if (samePermalink) expect(xb.etag).toBe(xa.etag);
    else expect(xb.etag).not.toBe(xa.etag);
  });

  it("levers in another order, or a level spelled +1: one ETag and one file name", async () => {
    const [k1, k2] = lever;
    const a = await get(`by=total&format=csv&levers=${k1}:1,${k2}:-1`);
    const b = await get(`levers=${k2}:-1,${k1}:%2B1&format=csv`);
    expect(b.etag).toBe(a.etag);
    expect(b.file).toBe(a.file);
    const other = await get(`format=csv&levers=${k1}:-1,${k2}:-1`);
    expect(other.file).not.toBe(a.file);
    expect(other.etag).not.toBe(a.etag);
  });

  it.each([
    ["another filter", "by=vendor&sector=healthcare", "by=vendor&sector=bfsi"],
    ["another breakdown", "by=vendor", "by=region"],
    ["a forecast", "by=vendor", "by=vendor&forecast=auto"],
    ["other years", "by=vendor", "by=vendor&from=2023"],
  ])("%s: another ETag and another file name", async (_, a, b) => {
    const [ca, cb] = [await get(`${a}&format=csv`), await get(`${b}&format=csv`)];
    expect(cb.file).not.toBe(ca.file);
    expect(cb.etag).not.toBe(ca.etag);
    expect((await get(b)).etag).not.toBe((await get(a)).etag);
  });

  it("keeps a published answer under the canonical key: an equivalent URL finds it", async () => {
    const a = "/api/v1/series?by=type&vendor=openai,google&forecast=none";
    const b = "/api/v1/series?vendor=google&vendor=openai&by=type";
    expect(m.fast.fastKey(`http://test${a}`)).toBe(m.fast.fastKey(b));
    expect(m.fast.fastKey(b)).toBe("/api/v1/series?by=type&vendor=google,openai");
    expect(m.fast.fastKey("/api/v1/series?by=type")).not.toBe(m.fast.fastKey("/api/v1/series?by=vendor"));
    // A URL the route refuses keeps its own spelling.
    expect(m.fast.fastKey("/api/v1/series?by=colour&b=1")).toBe("/api/v1/series?by=colour&b=1");
    await get(a.slice("/api/v1/series?".length));
    const hit = await m.fast.fastAnswer(b);
    expect(hit?.status).toBe(200);
    expect(hit?.headers.ETag).toBe((await get(b.slice("/api/v1/series?".length))).etag);
  });

  it("the cube route reads its dataset with the schema's rules", async () => {
    const bad = await m.cube.GET(new Request("http://test/api/v1/cube?dataset=..%2Fetc"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe("dataset");
    const unknown = await m.cube.GET(new Request("http://test/api/v1/cube?version=1"));
    expect(unknown.status).toBe(400);
    expect((await m.cube.GET(new Request("http://test/api/v1/cube"))).status).toBe(200);
  });
});
