import { forecastInWorker } from "@/lib/server/forecast/pool";
import { problemResponse } from "@/lib/server/http";
import { FORECAST_LIMIT, consume } from "@/lib/server/rate-limit";
import { readJsonBody, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/forecast — batch forecasts. Body and response follow the contract in
 * lib/forecast/schema.ts. JSON only (415), at most 1 MB (413), 20 requests a minute per client
 * (429), computed in a worker thread with a bounded queue (503 when full). Every client mistake is
 * a 400 naming the field; the answer never holds NaN, Infinity or null.
 */
export const POST = route("forecast", async (request) => {
  await consume(FORECAST_LIMIT, request);
  const body = await readJsonBody(request);
  const outcome = await forecastInWorker(body);
  if (!outcome.ok) return problemResponse(400, { param: outcome.problem.field, message: outcome.problem.message });
  return new Response(outcome.json, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});
