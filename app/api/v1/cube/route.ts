import { browserGetsCube } from "@/lib/market/cube/budget";
import { cubeToWire } from "@/lib/market/cube/cube-wire";
import { readParams } from "@/lib/market/query/filters";
import { canonicalQueryKey } from "@/lib/market/query/key";
import { READ_DEADLINE_MS, withTimeout } from "@/lib/server/db";
import { cachedBody, cacheHeaders, etagFor, notModified, problemResponse } from "@/lib/server/http";
import { getMarketForecast } from "@/lib/server/market";
import { getCube, getDataset } from "@/lib/server/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * A version's whole cube and our market forecast (method auto), for the dashboard to sum filter
 * combinations and split the forecast in the browser with the server's engine.
 * `GET /api/v1/cube?dataset=<id>`; a cube above the byte budget (lib/market/cube/budget) answers
 * 413 and the dashboard stays on /api/v1/series, which answers with the same numbers.
 */
export const GET = route("cube", async (request) => {
  // The series query's `dataset` and nothing else, read by the same rules: anything else is a 400 naming it.
  const { values, problems } = readParams(new URL(request.url).searchParams, ["dataset"]);
  if (problems.length) return problemResponse(400, problems[0]);
  const id = values.dataset as string | undefined;
  const dataset = await withTimeout(getDataset(id), READ_DEADLINE_MS, "dataset read");
  if (!dataset)
    return problemResponse(404, {
      param: "dataset",
      message: id ? `dataset "${id}" does not exist` : "no dataset has been loaded",
    });
  const cube = await withTimeout(getCube(dataset.id), READ_DEADLINE_MS, "cube read");
  if (!browserGetsCube(cube.shape))
    return problemResponse(413, {
      param: "dataset",
      message: `dataset "${dataset.id}" is too large to send whole; use /api/v1/series`,
    });
  const etag = etagFor(`cube|${canonicalQueryKey({ dataset: dataset.id })}|${dataset.version}`);
  const headers = cacheHeaders(etag, id !== undefined);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  // The market's forecast with the dashboard's method: the browser splits it over the cells as the server does.
  const forecast = await getMarketForecast(dataset, "auto");
  return new Response(
    cachedBody(etag, () =>
      JSON.stringify(cubeToWire(dataset.id, cube, forecast ? { method: "auto", market: forecast } : null)),
    ),
    {
      headers: { ...headers, "Content-Type": "application/json" },
    },
  );
});
