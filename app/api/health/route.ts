import { healthResponse } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** The same as /api/health/ready (kept for existing monitors). */
export const GET = healthResponse("health");
