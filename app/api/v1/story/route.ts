import { readParams } from "@/lib/market/query/filters";
import { READ_DEADLINE_MS, withTimeout } from "@/lib/server/db";
import { cachedBody, cacheHeaders, etagFor, notModified, problemResponse } from "@/lib/server/http";
import { route } from "@/lib/server/route";
import { getStoryView } from "@/lib/server/story";

export const dynamic = "force-dynamic";

/** The report's argument of a version: drivers, trends, use cases and player groups. */
export const GET = route("story", async (request) => {
  // Same rules as the series API: `dataset` pins a version, anything else is a 400 naming it.
  const { values, problems } = readParams(new URL(request.url).searchParams, ["dataset"]);
  if (problems.length) return problemResponse(400, problems[0]);
  const pinned = values.dataset as string | undefined;
  const result = await withTimeout(getStoryView(pinned), READ_DEADLINE_MS, "story read");
  if (!result.ok) return problemResponse(result.status, result.problem);
  const { view } = result;
  const etag = etagFor(`story|${view.dataset.id}`);
  const headers = cacheHeaders(etag, pinned !== undefined);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(
    cachedBody(etag, () => JSON.stringify(view)),
    { headers: { ...headers, "Content-Type": "application/json" } },
  );
});
