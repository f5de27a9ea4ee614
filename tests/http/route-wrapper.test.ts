/** The one route wrapper: problem shape, request ids, and causes told apart (a bug is not "Database error"). */
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/server/env";
import { HttpProblem } from "@/lib/server/http";
import { route } from "@/lib/server/route";

const call = (h: Parameters<typeof route>[1], headers: Record<string, string> = {}) =>
  route("test", h)(new Request("http://x/api/t", { headers }));

describe("route()", () => {
  it("answers HttpProblem in the one shape, naming the param", async () => {
    const res = await call(() => {
      throw new HttpProblem(400, "from", "from: must be a year");
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { param: "from", message: "from: must be a year" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a defect is a 500 with a request id, not a database error", async () => {
    const res = await call(
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'points')");
      },
      { "x-request-id": "req-12345678" },
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { param: null; message: string; requestId: string } };
    expect(body.error.param).toBeNull();
    expect(body.error.message).not.toMatch(/database/i);
    expect(body.error.message).not.toMatch(/points|undefined/);
    expect(body.error.requestId).toBe("req-12345678");
    expect(res.headers.get("x-request-id")).toBe("req-12345678");
  });

  it("an unreachable database is a 503 with Retry-After, naming no host or port", async () => {
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:6543"), { code: "ECONNREFUSED" }),
      new Error("outer", { cause: { kind: "DatabaseNotReachable", host: "db.internal", port: 6543 } }),
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      new ConfigError("DATABASE_URL: must be a postgres:// URL"),
    ]) {
      const res = await call(() => {
        throw error;
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const text = await res.text();
      expect(text).not.toMatch(/10\.1\.2\.3|6543|db\.internal/);
      expect(JSON.parse(text).error.requestId).toBe(res.headers.get("x-request-id"));
    }
  });

  it("an unsafe incoming request id is replaced", async () => {
    const res = await call(() => new Response("ok"), { "x-request-id": "<script>" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
