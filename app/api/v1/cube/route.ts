import { CLIENT_CUBE_MAX_CELLS, cubeToWire } from "@/lib/market/cube/cube-wire";
import { getCube, getDataset } from "@/lib/server/queries";
import { cachedBody, cacheHeaders, etagFor, notModified, problemResponse, unavailableResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * A small dataset's whole cube, for the dashboard to sum filter combinations in the browser.
 * `GET /api/v1/cube?dataset=<id>`; a dataset above CLIENT_CUBE_MAX_CELLS answers 413 and the
 * dashboard stays on /api/v1/series.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].find((k) => k !== "dataset");
  if (unknown) return problemResponse(400, { param: unknown, message: `unknown parameter "${unknown}"; only "dataset" is accepted` });
  const id = params.get("dataset") ?? undefined;
  try {
    const dataset = await getDataset(id);
    if (!dataset) return problemResponse(404, { param: "dataset", message: id ? `dataset "${id}" does not exist` : "no dataset has been loaded" });
    const cube = await getCube(dataset.id);
    if (!cube || cube.value.length > CLIENT_CUBE_MAX_CELLS)
      return problemResponse(413, { param: "dataset", message: `dataset "${dataset.id}" is too large to send whole; use /api/v1/series` });
    const etag = etagFor(`cube|${dataset.id}|${dataset.version}`);
    const headers = cacheHeaders(etag, id !== undefined);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers });
    return new Response(cachedBody(etag, () => JSON.stringify(cubeToWire(dataset.id, cube))), {
      headers: { ...headers, "Content-Type": "application/json" },
    });
  } catch (error) {
    return unavailableResponse(error);
  }
}
