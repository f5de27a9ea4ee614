import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers requests. Touches no database, so it costs nothing and is always cheap. */
export const GET = route("health-live", () =>
  Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } }),
);
