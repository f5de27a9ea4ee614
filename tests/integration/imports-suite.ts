/**
 * Accounts, imports, versions and activation through the real route handlers, once per database
 * kind: sign in, export, change one year, preview, commit, pin, roll back, refuse bad files, roles,
 * Origin, throttling, another publisher; commits that outlast the request (202, then polled), fail
 * or were interrupted.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "@/lib/import/limits";

type Setup = () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;

const ORIGIN = "http://app.test";
const ADMIN = { email: "admin@example.com", password: "first-admin-password" };
const ANALYST = { email: "analyst@example.com", password: "analyst-password-1" };
const VIEWER = { email: "viewer@example.com", password: "viewer-password-1" };
const WAIT_LONG = "60000";

export function defineImportsSuite(kind: string, setup: Setup) {
  describe(`imports on ${kind}`, () => {
    let teardown: () => Promise<void> = async () => {};
    let m: {
      db: typeof import("@/lib/server/db");
      setup: typeof import("@/lib/server/admin/setup");
      queries: typeof import("@/lib/server/queries");
      auth: typeof import("@/app/api/auth/[...all]/route");
      imports: typeof import("@/app/api/v1/imports/route");
      commit: typeof import("@/app/api/v1/imports/[id]/commit/route");
      activate: typeof import("@/app/api/v1/datasets/[id]/activate/route");
      exp: typeof import("@/app/api/v1/datasets/[id]/export/route");
      list: typeof import("@/app/api/v1/datasets/route");
      series: typeof import("@/app/api/v1/series/route");
      diff: typeof import("@/app/api/v1/datasets/[id]/diff/route");
      jobs: typeof import("@/lib/server/commit-jobs");
    };
    const cookies: Record<string, string> = {};

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      // Commits answer 201 when they end within COMMIT_WAIT_MS: long enough here for every commit of
      // these small files even on a loaded machine; the 202 tests set it to 0.
      Object.assign(process.env, s.env, {
        APP_URL: ORIGIN,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        COMMIT_WAIT_MS: WAIT_LONG,
      });
      m = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        queries: await import("@/lib/server/queries"),
        auth: await import("@/app/api/auth/[...all]/route"),
        imports: await import("@/app/api/v1/imports/route"),
        commit: await import("@/app/api/v1/imports/[id]/commit/route"),
        activate: await import("@/app/api/v1/datasets/[id]/activate/route"),
        exp: await import("@/app/api/v1/datasets/[id]/export/route"),
        list: await import("@/app/api/v1/datasets/route"),
        series: await import("@/app/api/v1/series/route"),
        diff: await import("@/app/api/v1/datasets/[id]/diff/route"),
        jobs: await import("@/lib/server/commit-jobs"),
      };
      await m.setup.migrate();
      await m.setup.seed();
      expect(await m.setup.firstAdmin()).toBe(ADMIN.email);
    });

    afterAll(async () => {
      await m?.db.closeDb();
      await teardown();
      for (const k of ["APP_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "COMMIT_WAIT_MS"]) delete process.env[k];
    });

    const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      new Request(`${ORIGIN}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
        body: JSON.stringify(body),
      });
    const signIn = async (who: { email: string; password: string }) => {
      const r = await m.auth.POST(json("/api/auth/sign-in/email", who));
      expect(r.status).toBe(200);
      const cookie = r.headers.get("set-cookie")!;
      expect(cookie).toMatch(/HttpOnly/i);
      return cookie.split(";")[0];
    };
    const upload = (text: string | Uint8Array, name: string, as = cookies.analyst, origin = ORIGIN) => {
      const form = new FormData();
      form.set("file", new File([text as BlobPart], name));
      return m.imports.POST(
        new Request(`${ORIGIN}/api/v1/imports`, {
          method: "POST",
          headers: { ...(as ? { cookie: as } : {}), origin },
          body: form,
        }),
      );
    };
    const post = (
      handler: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>,
      path: string,
      id: string,
      as = cookies.analyst,
    ) =>
      handler(new Request(`${ORIGIN}${path}`, { method: "POST", headers: { cookie: as, origin: ORIGIN } }), {
        params: Promise.resolve({ id }),
      });
    const exportOf = async (id: string, format = "csv") => {
      const r = await m.exp.GET(new Request(`${ORIGIN}/api/v1/datasets/${id}/export?format=${format}`), {
        params: Promise.resolve({ id }),
      });
      expect(r.status).toBe(200);
      return format === "csv" ? r.text() : new Uint8Array(await r.arrayBuffer());
    };
    const total = async (year: number, dataset?: string) => {
      const r = await m.series.GET(
        new Request(`${ORIGIN}/api/v1/series?from=${year}&to=${year}${dataset ? `&dataset=${dataset}` : ""}`),
      );
      const body = await r.json();
      return body.series[0].points[0].value as number;
    };

    it("an admin creates an analyst and a viewer; there is no public sign-up", async () => {
      cookies.admin = await signIn(ADMIN);
      for (const [who, role] of [
        [ANALYST, "analyst"],
        [VIEWER, "viewer"],
      ] as const) {
        const r = await m.auth.POST(
          json("/api/auth/admin/create-user", { ...who, name: role, role }, { cookie: cookies.admin }),
        );
        expect(r.status).toBe(200);
      }
      const signUp = await m.auth.POST(
        json("/api/auth/sign-up/email", { email: "x@example.com", password: "some-password-1", name: "x" }),
      );
      expect(signUp.status).toBeGreaterThanOrEqual(400);
      cookies.analyst = await signIn(ANALYST);
      cookies.viewer = await signIn(VIEWER);
    });

    let v1 = "";
    it("re-importing the export of the active version (CSV and XLSX) previews no changes", async () => {
      v1 = (await m.queries.getDataset())!.id;
      for (const format of ["csv", "xlsx"]) {
        const file = await exportOf(v1, format);
        const r = await upload(file, `export.${format}`);
        const body = await r.json();
        expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(201);
        expect(body.preview.changes).toEqual([]);
        expect(body.preview.summary.unchanged).toBe(body.preview.summary.given);
        const c = await post(m.commit.POST, `/api/v1/imports/${body.id}/commit`, body.id);
        expect(c.status).toBe(409);
      }
    });

    let v2 = "";
    let newTotal = 0;
    it("a changed year previews exactly those changes, commits a new active version; the pinned old one stays", async () => {
      const csv = (await exportOf(v1)) as string;
      const old = await total(2024);
      newTotal = 9_500;
      const factor = newTotal / old;
      const lines = csv
        .trimEnd()
        .split("\n")
        .map((line) => {
          const [table, member, year, value, basis] = line.split(",");
          if (year !== "2024" || table === "meta") return line;
          const v = table === "total" ? newTotal : Number(value) * factor;
          return [table, member, year, String(v), basis].join(",");
        });
      const r = await upload(lines.join("\n") + "\n", "changed.csv");
      const body = await r.json();
      expect(r.status).toBe(201);
      const changes = body.preview.changes as { table: string; year: number; from: number; to: number }[];
      expect(new Set(changes.map((c) => c.year))).toEqual(new Set([2024]));
      expect(changes.find((c) => c.table === "total")).toMatchObject({ from: 8934, to: 9500 });
      expect(changes.length).toBe(1 + 3 + 9 + 16 + 5);
      const c = await post(m.commit.POST, `/api/v1/imports/${body.id}/commit`, body.id);
      expect(c.status).toBe(201);
      v2 = (await c.json()).dataset.id;
      expect(v2).not.toBe(v1);
      expect(await total(2024)).toBeCloseTo(9_500, 6);
      expect(await total(2024, v1)).toBeCloseTo(8_934, 6);
      expect(await total(2025)).toBeCloseTo(await total(2025, v1), 6);
      const again = await post(m.commit.POST, `/api/v1/imports/${body.id}/commit`, body.id);
      expect(again.status).toBe(409);
    });

    it("a bad file lists every bad cell with its row and writes nothing", async () => {
      const before = await m.db.getDb().prisma.dataset.count();
      const bad = [
        "table,member,year,value,basis",
        'total,total,2024,"9,100",published',
        "vendor,,2024,10,modelled",
        "planet,mars,2024,5,",
        "total,total,20x4,100,",
        "type,llm,2024,12%,",
        "region,north-america,2024,1.234,5,modelled",
      ].join("\r\n");
      const r = await upload(bad, "bad.csv");
      expect(r.status).toBe(422);
      const body = await r.json();
      const at = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
      expect(at).toEqual(expect.arrayContaining(["2:value", "3:member", "4:table", "5:year", "6:value"]));
      expect(body.errors.find((e: { row: number }) => e.row === 2).message).toMatch(/thousands separators/);
      expect(await m.db.getDb().prisma.dataset.count()).toBe(before);
      expect(await m.db.getDb().prisma.import.count({ where: { fileName: "bad.csv" } })).toBe(0);
    });

    it("a breakdown that does not add up names the table, the year and the gap", async () => {
      const rows = ["table,member,year,value,basis", "total,total,2026,1000,published"];
      const members = ["transformer-llm", "multimodal", "other"];
      const ids = (await m.queries.getMembers(v2)).filter((x) => x.dimension === "type").map((x) => x.slug);
      expect(ids.length).toBe(3);
      ids.forEach((slug, i) => rows.push(`type,${slug},2026,${i === 0 ? 500 : 300},published`));
      const r = await upload(rows.join("\n"), "gap.csv");
      expect(r.status).toBe(422);
      const body = await r.json();
      expect(body.errors[0].message).toMatch(/type 2026: the members sum to 1100 but the total is 1000 \(gap \+100/);
      void members;
    });

    it("rollback activates the old version again", async () => {
      const r = await post(m.activate.POST, `/api/v1/datasets/${v1}/activate`, v1);
      expect(r.status).toBe(200);
      expect(await total(2024)).toBeCloseTo(8_934, 6);
      const list = await (
        await m.list.GET(new Request(`${ORIGIN}/api/v1/datasets`, { headers: { cookie: cookies.viewer } }))
      ).json();
      const byId = Object.fromEntries(list.datasets.map((d: { id: string }) => [d.id, d]));
      expect(byId[v1]).toMatchObject({ active: true, activatedBy: ANALYST.email });
      expect(byId[v2]).toMatchObject({ active: false, importedBy: ANALYST.email });
    });

    it("refuses a viewer (403), an anonymous user (401) and a foreign Origin (403)", async () => {
      expect((await upload("x", "a.csv", cookies.viewer)).status).toBe(403);
      expect((await upload("x", "a.csv", "")).status).toBe(401);
      expect((await upload("x", "a.csv", cookies.analyst, "http://evil.test")).status).toBe(403);
      expect((await post(m.activate.POST, `/api/v1/datasets/${v2}/activate`, v2, cookies.viewer)).status).toBe(403);
      expect(
        (
          await m.auth.POST(
            json(
              "/api/auth/admin/create-user",
              { ...VIEWER, email: "z@example.com", name: "z", role: "admin" },
              { cookie: cookies.analyst },
            ),
          )
        ).status,
      ).toBe(403);
    });

    it("another publisher's figures make a data set of their own", async () => {
      const rows = [
        "table,member,year,value,basis",
        "meta,publisher,,Acme Research,",
        "meta,title,,Large AI models (Acme),",
      ];
      for (let y = 2022; y <= 2030; y++) rows.push(`total,total,${y},${1000 * (y - 2020)},published`);
      rows.push("vendor,Brand New Labs,2024,100,published");
      const r = await upload(rows.join("\n"), "acme.csv");
      const body = await r.json();
      expect(r.status, JSON.stringify(body)).toBe(201);
      expect(body.preview.summary.newDataset).toBe(true);
      expect(body.preview.newMembers).toEqual([{ table: "vendor", slug: "brand-new-labs", name: "Brand New Labs" }]);
      const c = await post(m.commit.POST, `/api/v1/imports/${body.id}/commit`, body.id);
      const ds = (await c.json()).dataset;
      expect(ds.version).toBe(1);
      expect(await total(2024)).toBeCloseTo(8_934, 6);
      expect(await total(2024, ds.id)).toBeCloseTo(4_000, 6);
    });

    it("throttles repeated bad passwords with 429", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await m.auth.POST(json("/api/auth/sign-in/email", { email: VIEWER.email, password: "wrong-password!" })))
            .status,
        );
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });

    const from = (address: string) => ({ "x-market-socket-address": address });
    const auditOf = (action: string, actor: string) =>
      m.db.getDb().prisma.auditEvent.findMany({ where: { action, actor }, orderBy: { id: "asc" } });

    it("a stranger's wrong passwords lock out only that address: the owner signs in from another", async () => {
      // The previous test left the viewer throttled from the requests without an address.
      const stranger = await m.auth.POST(json("/api/auth/sign-in/email", VIEWER));
      expect(stranger.status).toBe(429);
      expect(Number(stranger.headers.get("retry-after"))).toBeGreaterThan(0);
      const owner = await m.auth.POST(json("/api/auth/sign-in/email", VIEWER, from("198.51.100.20")));
      expect(owner.status).toBe(200);
      const tripped = await auditOf("sign-in.throttled", VIEWER.email);
      expect(tripped.length).toBe(1);
      expect(tripped[0].detail).toMatchObject({ scope: "account-address", blockSeconds: 60, strikes: 1 });
    });

    it("an account failing from many addresses raises an alert in the audit log; the admin still signs in", async () => {
      for (let i = 1; i <= 6; i++) {
        const r = await m.auth.POST(
          json("/api/auth/sign-in/email", { ...ADMIN, password: "wrong-password!" }, from(`203.0.113.${i}`)),
        );
        expect(r.status).toBe(401);
      }
      const alerts = await auditOf("sign-in.alert", ADMIN.email);
      expect(alerts.length).toBe(1);
      expect(alerts[0].detail).toMatchObject({ addresses: 5 });
      expect((await m.auth.POST(json("/api/auth/sign-in/email", ADMIN, from("198.51.100.30")))).status).toBe(200);
    });

    it("oversized sign-in fields get 4xx, never 5xx; what anonymous requests write to the audit log is bounded", async () => {
      const huge = await m.auth.POST(
        json("/api/auth/sign-in/email", { email: `${"a".repeat(1_000_000)}@example.com`, password: "x" }),
      );
      expect(huge.status).toBe(413);
      const long = await m.auth.POST(
        json("/api/auth/sign-in/email", { email: `${"b".repeat(300)}@example.com`, password: "wrong-password!" }),
      );
      expect(long.status).toBe(400);
      expect((await long.json()).error.param).toBe("email");
      const password = await m.auth.POST(
        json("/api/auth/sign-in/email", { email: VIEWER.email, password: "p".repeat(1_000) }, from("198.51.100.40")),
      );
      expect(password.status).toBe(400);
      const notJson = await m.auth.POST(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN },
          body: "{not json",
        }),
      );
      expect(notJson.status).toBe(400);
      const rows = await m.db.getDb().prisma.auditEvent.findMany({ select: { actor: true, ip: true, detail: true } });
      for (const r of rows) {
        expect(r.actor?.length ?? 0).toBeLessThanOrEqual(254);
        expect(r.ip?.length ?? 0).toBeLessThanOrEqual(64);
        expect(JSON.stringify(r.detail ?? null).length).toBeLessThanOrEqual(2_048);
      }
    });

    const csvOf = (rows: string[]) => ["table,member,year,value,basis", ...rows].join("\n") + "\n";
    const staged = (fileName: string) => m.db.getDb().prisma.import.count({ where: { fileName } });

    it("a file over the row limit gets 413 naming the limit; nothing is staged", async () => {
      const rows = Array.from(
        { length: IMPORT_LIMITS.maxRows + 1 },
        (_, i) => `vendor,Row Vendor ${i},${2021 + (i % 12)},0.001,published`,
      );
      const r = await upload(csvOf(rows), "rows.csv");
      const body = await r.json();
      expect(r.status).toBe(413);
      expect(body.error.message).toMatch(/more than 50,000 rows/);
      expect(await staged("rows.csv")).toBe(0);
    });

    it("more new members than the limit get 422 naming the limit", async () => {
      const rows = Array.from(
        { length: IMPORT_LIMITS.maxNewMembers + 1 },
        (_, i) => `vendor,New Vendor ${i},2024,0.001,`,
      );
      const r = await upload(csvOf(rows), "members.csv");
      const body = await r.json();
      expect(r.status).toBe(422);
      // The first row past the limit: the header is row 1, new member N+1 is row N+2.
      const max = IMPORT_LIMITS.maxNewMembers;
      expect(body.errors[0]).toMatchObject({ row: max + 2, column: "member" });
      const shown = max.toLocaleString("en-US");
      expect(body.errors[0].message).toMatch(
        new RegExp(`adds more than ${shown} members .*at most ${shown} new members per import`),
      );
      expect(body.error.message).toBe(body.errors[0].message);
      expect(await staged("members.csv")).toBe(0);
    });

    it("an all-bad file lists the first 1,000 problems and gives their total", async () => {
      const rows = Array.from({ length: 3_000 }, () => "planet,mars,20x4,1;5,maybe");
      const r = await upload(csvOf(rows), "all-bad.csv");
      const text = await r.text();
      const body = JSON.parse(text);
      expect(r.status).toBe(422);
      expect(body.errors).toHaveLength(IMPORT_LIMITS.maxErrorsListed);
      expect(body.errorCount).toBe(12_000);
      expect(body.error.message).toMatch(/12,000 problem\(s\) .*the first 1,000 are listed/);
      expect(body.errors[0]).toMatchObject({ row: 2 });
      expect(text.length).toBeLessThan(200_000);
    });

    it("NUL and control characters in names and meta get 422 at their row and column; nothing is stored", async () => {
      const r = await upload(
        csvOf([
          "meta,title,,Evil\u0007 title,",
          "vendor,Bad\u0000Labs,2024,1,published",
          "vendor,Esc\u001b[2J,2024,1,",
        ]),
        "control.csv",
      );
      const body = await r.json();
      expect(r.status).toBe(422);
      expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
        "2:value",
        "3:member",
        "4:member",
      ]);
      expect(await staged("control.csv")).toBe(0);
    });

    const stageChange = async (factor: number, name: string) => {
      const csv = (await exportOf((await m.queries.getDataset())!.id)) as string;
      const lines = csv
        .trimEnd()
        .split("\n")
        .map((line) => {
          const [table, member, year, value, basis] = line.split(",");
          if (year !== "2027" || table === "meta") return line;
          return [table, member, year, String(Number(value) * factor), basis].join(",");
        });
      const r = await upload(lines.join("\n") + "\n", name);
      const body = await r.json();
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(201);
      return body.id as string;
    };
    const commit = (id: string) => post(m.commit.POST, `/api/v1/imports/${id}/commit`, id);

    it("two imports committed at once: 201 or 409 each (never 500), distinct versions", async () => {
      const [a, b] = [await stageChange(1.01, "race-a.csv"), await stageChange(1.02, "race-b.csv")];
      const statuses = (await Promise.all([commit(a), commit(b)])).map((r) => r.status).sort();
      expect(statuses[0]).toBe(201);
      expect([201, 409]).toContain(statuses[1]);
      const versions = await m.db.getDb().prisma.dataset.findMany({ select: { key: true, version: true } });
      expect(new Set(versions.map((v) => `${v.key}/${v.version}`)).size).toBe(versions.length);
    });

    it("the same import committed twice at once: one 201, one 409, one activation", async () => {
      const id = await stageChange(1.03, "twice.csv");
      const responses = await Promise.all([commit(id), commit(id)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const created = await responses.find((r) => r.status === 201)!.json();
      const prisma = m.db.getDb().prisma;
      expect(await prisma.activation.count({ where: { datasetId: created.dataset.id } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { action: "commit", target: created.dataset.id } })).toBe(1);
    });

    const commitWith = (id: string, body?: unknown) =>
      m.commit.POST(
        new Request(`${ORIGIN}/api/v1/imports/${id}/commit`, {
          method: "POST",
          headers: {
            cookie: cookies.analyst,
            origin: ORIGIN,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        { params: Promise.resolve({ id }) },
      );
    const editExport = async (edit: (cols: string[]) => string[]) => {
      const csv = (await exportOf((await m.queries.getDataset())!.id)) as string;
      return (
        csv
          .trimEnd()
          .split("\n")
          .map((line) => (line.startsWith("meta,") ? line : edit(line.split(",")).join(",")))
          .join("\n") + "\n"
      );
    };
    const activeId = async () => (await m.queries.getDataset())!.id;

    it("a vendor's row renamed in the export: the preview names the removal and asks 'did you mean'; commit needs both confirmed", async () => {
      const before = await activeId();
      const old = Number(
        ((await exportOf(before)) as string)
          .split("\n")
          .find((l) => l.startsWith("vendor,openai,2025,"))!
          .split(",")[3],
      );
      const file = await editExport((c) =>
        c[0] === "vendor" && c[1] === "openai" && c[2] === "2025" ? [c[0], "Open-AI Inc", ...c.slice(2)] : c,
      );
      const r = await upload(file, "typo.csv");
      const body = await r.json();
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(201);
      const p = body.preview;
      expect(p.removalCount).toBe(1);
      expect(p.removals[0]).toMatchObject({
        table: "vendor",
        member: "openai",
        label: "OpenAI",
        year: 2025,
        given: false,
      });
      expect(p.removals[0].from).toBeCloseTo(old, 6);
      // What remains of 2025 once every other vendor is given is (next to) nothing.
      expect(p.removals[0].to).toBeLessThan(1);
      expect(p.newMembers).toEqual([{ table: "vendor", slug: "open-ai-inc", name: "Open-AI Inc" }]);
      expect(p.suggestions).toEqual([
        expect.objectContaining({ slug: "open-ai-inc", existing: { slug: "openai", name: "OpenAI" } }),
      ]);
      expect(p.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^OpenAI \(vendor\) 2025: [\d,.]+ → 0, left out of the file$/),
          "new member 'Open-AI Inc': did you mean 'OpenAI'? OpenAI would lose 2025.",
        ]),
      );

      const bare = await commitWith(body.id);
      expect(bare.status).toBe(409);
      const refused = await bare.json();
      expect(refused.error.message).toMatch(/removes 1 figure \(OpenAI \(vendor\) 2025: .*confirmRemovals/);
      expect(refused.error.message).toMatch(/new member 'Open-AI Inc': did you mean 'OpenAI'\?/);
      expect(refused.confirm.removals[0]).toMatchObject({ member: "openai", year: 2025 });
      const half = await commitWith(body.id, { confirmRemovals: true });
      expect(half.status).toBe(409);
      expect((await half.json()).confirm.newMembers.map((s: { slug: string }) => s.slug)).toEqual(["open-ai-inc"]);
      expect((await commitWith(body.id, { confirmRemovals: "yes" })).status).toBe(400);
      expect(await activeId()).toBe(before);
      expect(await m.db.getDb().prisma.dataset.count({ where: { importId: body.id } })).toBe(0);

      // Mapped to the existing member, the same file is the export again: nothing to commit.
      const form = new FormData();
      form.set("file", new File([file], "typo.csv"));
      form.set("map", JSON.stringify([{ table: "vendor", from: "Open-AI Inc", to: "openai" }]));
      const mapped = await m.imports.POST(
        new Request(`${ORIGIN}/api/v1/imports`, {
          method: "POST",
          headers: { cookie: cookies.analyst, origin: ORIGIN },
          body: form,
        }),
      );
      const mp = (await mapped.json()).preview;
      expect([mp.removalCount, mp.newMembers.length, mp.suggestions.length, mp.changes.length]).toEqual([0, 0, 0, 0]);
      form.set("map", JSON.stringify([{ table: "vendor", from: "Open-AI Inc", to: "no-such-vendor" }]));
      const wrong = await m.imports.POST(
        new Request(`${ORIGIN}/api/v1/imports`, {
          method: "POST",
          headers: { cookie: cookies.analyst, origin: ORIGIN },
          body: form,
        }),
      );
      expect(wrong.status).toBe(422);
      expect((await wrong.json()).error).toMatchObject({ param: "map" });

      // Confirmed both ways, the analyst's word stands: a new version, then rolled back.
      const done = await commitWith(body.id, { confirmRemovals: true, confirmNewMembers: ["open-ai-inc"] });
      expect(done.status).toBe(201);
      expect(await activeId()).not.toBe(before);
      expect((await post(m.activate.POST, `/api/v1/datasets/${before}/activate`, before)).status).toBe(200);
      expect(await activeId()).toBe(before);
    });

    it("a file that leaves out a year's breakdown is refused until confirmed, never modelled quietly", async () => {
      const before = await activeId();
      const file = (await editExport((c) => c)).replace(/^sector,.*,2026,.*\r?\n/gm, "");
      const r = await upload(file, "no-sectors-2026.csv");
      const body = await r.json();
      expect(r.status).toBe(201);
      expect(body.preview.shrinks).toEqual([
        expect.objectContaining({ kind: "breakdown", table: "sector", year: 2026, figures: 9 }),
      ]);
      expect(body.preview.warnings[0]).toBe(
        "the file leaves out the sector breakdown for 2026 (9 figures): it would be modelled, not kept",
      );
      const refused = await commitWith(body.id);
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.message).toMatch(/removes 9 figures/);
      expect(await activeId()).toBe(before);
    });

    it("one given figure changed: exactly 1 change in the preview; compare lists it first and sums up the refit", async () => {
      const before = await activeId();
      let from = 0;
      const file = await editExport((c) => {
        if (c[0] !== "total" || c[2] !== "2025") return c;
        from = Number(c[3]);
        return [c[0], c[1], c[2], String(from + 5), c[4]];
      });
      const r = await upload(file, "one-figure.csv");
      const body = await r.json();
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(201);
      const p = body.preview;
      expect(p.changes).toEqual([expect.objectContaining({ table: "total", year: 2025, from, to: from + 5 })]);
      expect([p.removalCount, p.suggestions.length, p.newMembers.length]).toEqual([0, 0, 0]);
      // Each breakdown of 2025 now sums to 5 less than the total: the fit scales its cells.
      expect(p.modelled.map((x: { table: string; cells: number }) => [x.table, x.cells])).toEqual([
        ["type", 3],
        ["sector", 9],
        ["vendor", 16],
        ["region", 5],
      ]);
      const c = await commitWith(body.id);
      expect(c.status).toBe(201);
      const after = (await c.json()).dataset.id as string;
      const d = await m.diff.GET(new Request(`${ORIGIN}/api/v1/datasets/${after}/diff?against=${before}`), {
        params: Promise.resolve({ id: after }),
      });
      expect(d.status).toBe(200);
      const diff = await d.json();
      expect(diff.relation).toBe("import");
      expect(diff.changes).toHaveLength(1);
      expect(diff.changes[0]).toMatchObject({ table: "total", year: 2025, from, to: from + 5 });
      expect(diff.removed).toEqual([]);
      const moved = Object.fromEntries(
        diff.modelled.map((x: { table: string; cells: number; largest: number }) => [x.table, x]),
      );
      for (const [table, cells] of [
        ["type", 3],
        ["sector", 9],
        ["vendor", 16],
        ["region", 5],
      ] as const)
        expect(moved[table].cells, table).toBeGreaterThanOrEqual(cells);
      // The refit moves cells by about 5 / total (under 0.1%), never more than a few tenths.
      for (const x of diff.modelled) expect(x.largest).toBeLessThan(0.003);
    });

    const jobOf = (id: string, as: string | null = cookies.analyst) =>
      m.commit.GET(new Request(`${ORIGIN}/api/v1/imports/${id}/commit`, { headers: as ? { cookie: as } : {} }), {
        params: Promise.resolve({ id }),
      });
    /** Polls the commit's state as the import page does, until it is no longer running. */
    const pollUntilDone = async (id: string) => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const r = await jobOf(id);
        const body = await r.json();
        if (body.job?.status !== "running" || Date.now() > deadline) return { status: r.status, body };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const withWait = async <T>(ms: string, run: () => Promise<T>): Promise<T> => {
      process.env.COMMIT_WAIT_MS = ms;
      try {
        return await run();
      } finally {
        process.env.COMMIT_WAIT_MS = WAIT_LONG;
      }
    };
    const jobAudit = (id: string) =>
      m.db.getDb().prisma.auditEvent.findMany({
        where: { target: id, action: { startsWith: "commit." } },
        orderBy: { id: "asc" },
      });

    it("a commit that outlasts the wait answers 202 with the job and where to poll; polling reports running, then committed", async () => {
      const before = await activeId();
      const id = await stageChange(1.04, "slow.csv");
      const r = await withWait("0", () => commit(id));
      expect(r.status).toBe(202);
      expect(r.headers.get("location")).toBe(`/api/v1/imports/${id}/commit`);
      const body = await r.json();
      expect(body).toEqual({
        job: { import: id, status: "running", startedAt: expect.any(String) },
        poll: `/api/v1/imports/${id}/commit`,
      });
      // Still fitting: every reader (here, the page's list of running commits) sees it running.
      const running = await jobOf(id);
      expect(running.status).toBe(200);
      expect((await running.json()).job).toMatchObject({ status: "running", startedAt: body.job.startedAt });
      expect((await m.jobs.runningCommits()).map((j) => [j.import, j.fileName])).toContainEqual([id, "slow.csv"]);
      // Another instance, which runs no job of it, reads the same from the database alone.
      expect((await m.jobs.commitJobState(id, new Date(), { local: false }))?.status).toBe("running");
      // A second commit while it runs is refused at once.
      expect((await commit(id)).status).toBe(409);

      const done = await pollUntilDone(id);
      expect(done.status).toBe(200);
      expect(done.body.job.status).toBe("committed");
      expect(done.body.dataset).toEqual({ id: expect.any(String), version: expect.any(Number) });
      expect(done.body.dataset.id).not.toBe(before);
      expect(await activeId()).toBe(done.body.dataset.id);
      expect(await m.db.getDb().prisma.dataset.count({ where: { importId: id } })).toBe(1);
      expect((await jobAudit(id)).map((e) => e.action)).toEqual(["commit.started"]);
      expect((await commit(id)).status).toBe(409);
      expect(await m.jobs.runningCommits()).toEqual([]);
    });

    it("a job whose store fails writes nothing, reports failed with a plain message, and may be committed again", async () => {
      const prisma = m.db.getDb().prisma;
      const before = await activeId();
      const versions = await prisma.dataset.count();
      const cubes = await prisma.cube.count();
      const members = await prisma.member.count();
      // A staged import whose definition the database refuses at the end of the store: its cube, the
      // version and its members are written first, then an estimate's year overflows its column.
      const real = await prisma.import.findUniqueOrThrow({ where: { id: await stageChange(1.05, "source.csv") } });
      const definition = real.definition as { otherEstimates: { baseYear: number }[] };
      expect(definition.otherEstimates.length).toBeGreaterThan(0);
      definition.otherEstimates[0].baseYear = 2 ** 40;
      const id = randomUUID();
      await prisma.import.create({
        data: {
          id,
          actor: ANALYST.email,
          fileName: "unstorable.csv",
          format: real.format,
          datasetKey: real.datasetKey,
          baseId: real.baseId,
          definition: definition as object,
          preview: real.preview as object,
        },
      });
      const r = await withWait("0", () => commit(id));
      expect(r.status).toBe(202);
      const done = await pollUntilDone(id);
      expect(done.status).toBe(200);
      expect(done.body.job).toMatchObject({ import: id, status: "failed", interrupted: false });
      expect(done.body.job.message).toMatch(
        /^the commit failed while storing the new version: nothing was stored and the active version is unchanged/,
      );
      expect(done.body.job.message).not.toMatch(/baseYear|range|prisma|integer|\bat /i);
      expect(await activeId()).toBe(before);
      expect(await prisma.dataset.count()).toBe(versions);
      expect(await prisma.cube.count()).toBe(cubes);
      expect(await prisma.member.count()).toBe(members);
      expect((await jobAudit(id)).map((e) => e.action)).toEqual(["commit.started", "commit.failed"]);
      // Failed is not final: the analyst may commit again (and it fails the same way, within the wait).
      const again = await commit(id);
      expect(again.status).toBe(500);
      expect((await again.json()).error.message).toBe(done.body.job.message);
      expect(await prisma.dataset.count()).toBe(versions);
    });

    it("an interrupted job (its process stopped) reads as failed and may be committed again; a live one elsewhere refuses a second commit", async () => {
      const prisma = m.db.getDb().prisma;
      const started = (id: string, at: Date) =>
        prisma.auditEvent.create({
          data: {
            action: "commit.started",
            actor: ANALYST.email,
            target: id,
            detail: { import: id, instance: "other-instance:1" },
            createdAt: at,
          },
        });
      // Another instance is fitting this one right now.
      const live = await stageChange(1.07, "elsewhere.csv");
      await started(live, new Date());
      expect((await (await jobOf(live)).json()).job.status).toBe("running");
      const refused = await commit(live);
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.message).toMatch(/is being committed \(since .* UTC\): wait for it/);
      expect(await prisma.dataset.count({ where: { importId: live } })).toBe(0);

      // This one's process stopped long ago: no heartbeat for longer than the bound.
      const dead = await stageChange(1.08, "interrupted.csv");
      await started(dead, new Date(Date.now() - m.jobs.STALE_AFTER_MS - 60_000));
      const state = await (await jobOf(dead)).json();
      expect(state.job).toMatchObject({ status: "failed", interrupted: true, finishedAt: null });
      expect(state.job.message).toMatch(/^the commit was interrupted: .*Nothing was stored .*commit again$/);
      const c = await commit(dead);
      expect(c.status).toBe(201);
      const ds = (await c.json()).dataset;
      expect(await (await jobOf(dead)).json()).toMatchObject({ dataset: ds, job: { status: "committed" } });
    });

    it("a job's heartbeat keeps it running however long ago it started; once the beats stop for the bound, it reads as interrupted", async () => {
      const prisma = m.db.getDb().prisma;
      const id = await stageChange(1.1, "beating.csv");
      const long = new Date(Date.now() - m.jobs.STALE_AFTER_MS - 60_000);
      await prisma.auditEvent.create({
        data: { action: "commit.started", actor: ANALYST.email, target: id, detail: { import: id }, createdAt: long },
      });
      expect((await m.jobs.commitJobState(id, new Date(), { local: false }))?.status).toBe("failed");
      const beats = () => prisma.auditEvent.count({ where: { target: id, action: "commit.running" } });
      const stop = m.jobs.heartbeat(id, ANALYST.email, long, () => "storing", 50);
      try {
        for (const until = Date.now() + 30_000; (await beats()) < 2 && Date.now() < until;)
          await new Promise((resolve) => setTimeout(resolve, 25));
      } finally {
        stop();
      }
      const first = await prisma.auditEvent.findFirstOrThrow({ where: { target: id, action: "commit.running" } });
      expect(first.detail).toMatchObject({ import: id, phase: "storing" });
      expect((first.detail as { seconds: number }).seconds).toBeGreaterThanOrEqual(m.jobs.STALE_AFTER_MS / 1000);
      expect(await m.jobs.commitJobState(id, new Date(), { local: false })).toMatchObject({ status: "running" });
      // Stopped, it beats no more; after the bound without a beat it is interrupted.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const n = await beats();
      expect(n).toBeGreaterThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await beats()).toBe(n);
      const later = new Date(Date.now() + m.jobs.STALE_AFTER_MS + 1_000);
      expect(await m.jobs.commitJobState(id, later, { local: false })).toMatchObject({
        status: "failed",
        interrupted: true,
      });
    });

    it("reading a commit's state needs a signed-in analyst; unknown and never-committed imports get 404", async () => {
      const never = await stageChange(1.09, "never.csv");
      expect((await jobOf(never, null)).status).toBe(401);
      expect((await jobOf(never, cookies.viewer)).status).toBe(403);
      const r = await jobOf(never);
      expect(r.status).toBe(404);
      expect((await r.json()).job).toEqual({ import: never, status: "not-started" });
      expect((await jobOf(randomUUID())).status).toBe(404);
      expect((await jobOf("not-an-id")).status).toBe(404);
      // An import committed within the wait reads as committed, with the 201's dataset.
      const c = await commit(never);
      expect(c.status).toBe(201);
      const created = await c.json();
      const read = await jobOf(never, cookies.admin);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ dataset: created.dataset, job: { status: "committed" } });
    });
  });
}
