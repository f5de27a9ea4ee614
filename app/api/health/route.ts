import { describeDbError } from "@/lib/server/db";
import { getHealth } from "@/lib/server/health";
import { log } from "@/lib/server/log";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** 200 when the database answers and the active dataset holds facts; 503 (within ~1.5 s) otherwise. */
export const GET = route("health", async (_request, { requestId }) => {
  const { health, cause } = await getHealth();
  if (!health.ok)
    log.warn(
      { route: "health", requestId, status: 503, cause: cause ? describeDbError(cause) : health.database.error },
      "health: down",
    );
  return Response.json(
    { ...health, ...(health.ok ? {} : { requestId }) },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
