import { healthResponse } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers and the active dataset holds facts; 503 (within ~1.5 s) otherwise. */
export const GET = healthResponse("health-ready");
