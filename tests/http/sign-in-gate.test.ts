/**
 * REQUIRE_SIGN_IN for the API, now that the API is not behind proxy.ts: route() refuses an
 * anonymous request with 401 before the handler runs (so before any body is read); health and
 * sign-in stay open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDir } from "../support/databases";

const pglite = createPgliteDir();
process.env.REQUIRE_SIGN_IN = "true";
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = pglite.dir;

let route: typeof import("@/lib/server/route").route;
beforeAll(async () => {
  await (await import("@/lib/server/admin/setup")).migrate();
  ({ route } = await import("@/lib/server/route"));
});
afterAll(async () => {
  await (await import("@/lib/server/db")).closeDb();
  pglite.remove();
});

describe("REQUIRE_SIGN_IN on the API", () => {
  it("an anonymous data request is a 401 problem and the handler never runs", async () => {
    let ran = false;
    const handler = route("t", () => {
      ran = true;
      return new Response("data");
    });
    const res = await handler(new Request("http://localhost/api/v1/series?by=total"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { param: null, message: "Sign in first" } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(ran).toBe(false);
  });

  it("health and the sign-in routes stay open", async () => {
    const handler = route("t", () => new Response("open"));
    for (const path of ["/api/health", "/api/health/live", "/api/health/ready", "/api/auth/sign-in/email"]) {
      const res = await handler(new Request(`http://localhost${path}`));
      expect(res.status, path).toBe(200);
    }
  });
});
