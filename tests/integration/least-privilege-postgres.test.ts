/**
 * The README's least privilege, really run: the owner migrates and seeds, prisma/least-privilege.sql
 * grants the app role (as the README says), and the app then works as that role: setup at start,
 * reads, sign-in, user creation, import, commit, activation and a role change through the admin
 * endpoint. The app role cannot touch the logs, and neither can the owner (owner-refusals.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/databases";
import { defineOwnerRefusals, type OwnerSql } from "./owner-refusals";

const ORIGIN = "http://app.test";
const ADMIN = { email: "admin@example.com", password: "first-admin-password" };
const ANALYST = { email: "analyst@example.com", password: "analyst-password-1" };
const ROLE = `market_app_${process.pid}_${Date.now().toString(36)}`;
const PASSWORD = "app-role-password";

describe("the app as the least-privilege role on Postgres", () => {
  let ownerUrl = "";
  let drop = async () => {};
  const query = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  let m: {
    db: typeof import("@/lib/server/db");
    setup: typeof import("@/lib/server/admin/setup");
    auth: typeof import("@/app/api/auth/[...all]/route");
    imports: typeof import("@/app/api/v1/imports/route");
    commit: typeof import("@/app/api/v1/imports/[id]/commit/route");
    activate: typeof import("@/app/api/v1/datasets/[id]/activate/route");
    exp: typeof import("@/app/api/v1/datasets/[id]/export/route");
    series: typeof import("@/app/api/v1/series/route");
    health: typeof import("@/app/api/health/route");
    scenarios: typeof import("@/app/api/v1/scenarios/route");
    scenario: typeof import("@/app/api/v1/scenarios/[id]/route");
  };

  beforeAll(async () => {
    const db = await createPostgresDatabase("least_priv");
    ownerUrl = db.url;
    drop = db.drop;
    const adminUrl = new URL(ownerUrl);
    adminUrl.pathname = "/postgres";
    await query(adminUrl.toString(), `CREATE ROLE "${ROLE}" LOGIN PASSWORD '${PASSWORD}'`);
    // As the owner: migrate, seed, first admin (what `npm run db:setup` does), then the README's grants.
    const env = { ...process.env, DATABASE_URL: ownerUrl, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    const tsx = path.join("node_modules", ".bin", "tsx");
    const setup = spawnSync(tsx, ["--conditions=react-server", "scripts/db.ts", "setup"], { env, encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const grants = fs.readFileSync("prisma/least-privilege.sql", "utf8").replaceAll("market_app", ROLE);
    await query(ownerUrl, grants);
    const appUrl = new URL(ownerUrl);
    appUrl.username = ROLE;
    appUrl.password = PASSWORD;
    // The commit answers 201 once stored: its request may wait for it as long as it takes here.
    Object.assign(process.env, { DATABASE_URL: appUrl.toString(), APP_URL: ORIGIN, COMMIT_WAIT_MS: "60000" });
    m = {
      db: await import("@/lib/server/db"),
      setup: await import("@/lib/server/admin/setup"),
      auth: await import("@/app/api/auth/[...all]/route"),
      imports: await import("@/app/api/v1/imports/route"),
      commit: await import("@/app/api/v1/imports/[id]/commit/route"),
      activate: await import("@/app/api/v1/datasets/[id]/activate/route"),
      exp: await import("@/app/api/v1/datasets/[id]/export/route"),
      series: await import("@/app/api/v1/series/route"),
      health: await import("@/app/api/health/route"),
      scenarios: await import("@/app/api/v1/scenarios/route"),
      scenario: await import("@/app/api/v1/scenarios/[id]/route"),
    };
  });

  afterAll(async () => {
    await m?.db.closeDb();
    await drop();
    const adminUrl = new URL(ownerUrl);
    adminUrl.pathname = "/postgres";
    await query(adminUrl.toString(), `DROP ROLE IF EXISTS "${ROLE}"`);
    delete process.env.APP_URL;
    delete process.env.COMMIT_WAIT_MS;
  });

  const json = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    new Request(`${ORIGIN}${p}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    });
  const signIn = async (who: { email: string; password: string }) => {
    const r = await m.auth.POST(json("/api/auth/sign-in/email", who));
    expect(r.status).toBe(200);
    return r.headers.get("set-cookie")!.split(";")[0];
  };
  const byId = (id: string) => ({ params: Promise.resolve({ id }) });

  it("connects as the app role, which owns nothing and is no superuser", async () => {
    const [me] = await m.db
      .getDb()
      .prisma.$queryRawUnsafe<{ who: string; su: boolean }[]>(
        `SELECT current_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su`,
      );
    expect(me).toEqual({ who: ROLE, su: false });
  });

  it("starts (setup finds nothing to do) and serves health, series and exports", async () => {
    expect(await m.setup.migrate()).toEqual([]);
    expect((await m.setup.seed()).created).toBe(false);
    expect(await m.setup.firstAdmin()).toBeNull();
    expect((await m.health.GET(new Request(`${ORIGIN}/api/health`))).status).toBe(200);
    const s = await m.series.GET(new Request(`${ORIGIN}/api/v1/series?by=vendor&forecast=auto`));
    expect(s.status).toBe(200);
    const id = "large-scale-ai-models-global-v1";
    expect((await m.exp.GET(new Request(`${ORIGIN}/api/v1/datasets/${id}/export`), byId(id))).status).toBe(200);
  });

  it("signs in, creates a user, imports, commits, activates and changes a role", async () => {
    const admin = await signIn(ADMIN);
    const created = await m.auth.POST(
      json("/api/auth/admin/create-user", { ...ANALYST, name: "analyst", role: "viewer" }, { cookie: admin }),
    );
    expect(created.status).toBe(200);
    const analystId = (await created.json()).user.id as string;
    // A role change through the admin endpoint: allowed, and recorded with its audit event.
    const role = await m.auth.POST(
      json("/api/auth/admin/set-role", { userId: analystId, role: "analyst" }, { cookie: admin }),
    );
    expect(role.status, await role.clone().text()).toBe(200);
    const event = await query(
      ownerUrl,
      `SELECT actor, detail->>'to' AS "to" FROM "AuditEvent" WHERE action = 'user.role' AND target = '${analystId}'`,
    );
    expect(event).toEqual([{ actor: ADMIN.email, to: "analyst" }]);
    const analyst = await signIn(ANALYST);

    const v1 = "large-scale-ai-models-global-v1";
    const csv = await (await m.exp.GET(new Request(`${ORIGIN}/api/v1/datasets/${v1}/export`), byId(v1))).text();
    const changed = csv
      .replace(/^total,total,2024,8934,/m, "total,total,2024,9500,")
      .replace(/^(type|sector|vendor|region),.*,2024,.*$/gm, "");
    const form = new FormData();
    form.set("file", new File([changed], "changed.csv"));
    const staged = await m.imports.POST(
      new Request(`${ORIGIN}/api/v1/imports`, {
        method: "POST",
        headers: { cookie: analyst, origin: ORIGIN },
        body: form,
      }),
    );
    const body = await staged.json();
    expect(staged.status, JSON.stringify(body).slice(0, 300)).toBe(201);
    const post = (p: string) =>
      new Request(`${ORIGIN}${p}`, { method: "POST", headers: { cookie: analyst, origin: ORIGIN } });
    // The file leaves out the 2024 breakdowns (modelled again from the new total): confirmed as such.
    expect(body.preview.shrinks.map((x: { kind: string; year: number }) => `${x.kind} ${x.year}`)).toEqual([
      "breakdown 2024",
      "breakdown 2024",
      "breakdown 2024",
      "breakdown 2024",
    ]);
    const commit = await m.commit.POST(
      new Request(`${ORIGIN}/api/v1/imports/${body.id}/commit`, {
        method: "POST",
        headers: { cookie: analyst, origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ confirmRemovals: true }),
      }),
      byId(body.id),
    );
    expect(commit.status).toBe(201);
    const v2 = (await commit.json()).dataset.id as string;
    const total = async () =>
      (await (await m.series.GET(new Request(`${ORIGIN}/api/v1/series?from=2024&to=2024`))).json()).series[0].points[0]
        .value;
    expect(await total()).toBe(9500);
    expect(v2).not.toBe(v1);
    const back = await m.activate.POST(post(`/api/v1/datasets/${v1}/activate`), byId(v1));
    expect(back.status).toBe(200);
    expect(await total()).toBe(8934);
  });

  it("saves and deletes a scenario, but cannot change a saved one", async () => {
    const admin = await signIn(ADMIN);
    const saved = await m.scenarios.POST(
      json("/api/v1/scenarios", { name: "Bull", levers: "general-to-specialised:1" }, { cookie: admin }),
    );
    expect(saved.status, await saved.clone().text()).toBe(201);
    const id = (await saved.json()).scenario.id as string;
    await expect(
      m.db.getDb().prisma.$executeRawUnsafe(`UPDATE "SavedScenario" SET name = 'x' WHERE id = '${id}'`),
    ).rejects.toThrow(/permission denied/);
    const gone = await m.scenario.DELETE(
      new Request(`${ORIGIN}/api/v1/scenarios/${id}`, { method: "DELETE", headers: { cookie: admin, origin: ORIGIN } }),
      byId(id),
    );
    expect(gone.status).toBe(204);
    const events = await query(ownerUrl, `SELECT action FROM "AuditEvent" WHERE target = '${id}' ORDER BY id`);
    expect(events.map((e) => e.action)).toEqual(["scenario.save", "scenario.delete"]);
  });

  it("the app role cannot empty, rewrite or remove the logs, nor change a role by hand", async () => {
    const prisma = m.db.getDb().prisma;
    for (const table of ["AuditEvent", "Activation", "Import"]) {
      await expect(prisma.$executeRawUnsafe(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied|not allowed/);
      await expect(prisma.$executeRawUnsafe(`UPDATE "${table}" SET "createdAt" = now()`)).rejects.toThrow(
        /permission denied|not allowed/,
      );
      await expect(prisma.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied|not allowed/);
    }
    await expect(prisma.$executeRawUnsafe(`UPDATE "auth_user" SET role = 'admin'`)).rejects.toThrow(/set_user_role/);
  });

  defineOwnerRefusals((): OwnerSql => (text) => query(ownerUrl, text));
});
