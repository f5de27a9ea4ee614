import { parseSeriesQuery, QUERY_KEYS } from "@/lib/market/filters";
import { seriesToCsv } from "@/lib/export/csv";
import { getSeriesView } from "@/lib/server/market";
import { cacheHeaders, etagFor, notModified, problemResponse, unavailableResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv"] as const;
const ALLOWED = new Set<string>([...QUERY_KEYS, "format"]);

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  for (const key of params.keys())
    if (!ALLOWED.has(key))
      return problemResponse(400, { param: key, message: `unknown parameter "${key}"; allowed: ${[...ALLOWED].join(", ")}` });
  const format = params.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    return problemResponse(400, { param: "format", message: `format "${format}" must be one of ${FORMATS.join(", ")}` });
  params.delete("format");
  const parsed = parseSeriesQuery(params);
  if (!parsed.ok) return problemResponse(400, parsed.problem);

  try {
    const result = await getSeriesView(parsed.value);
    if (!result.ok) return problemResponse(result.status, result.problem);
    const { view } = result;
    const etag = etagFor(`${view.dataset.id}|${format}|${JSON.stringify([view.by, view.filters, view.from, view.to])}`);
    const headers = cacheHeaders(etag, parsed.value.dataset !== undefined);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers });
    if (format === "csv") {
      return new Response(seriesToCsv({ ...view, historyTo: view.dataset.historyTo }), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${view.dataset.id}-${view.by}-${view.from}-${view.to}.csv"`,
        },
      });
    }
    return Response.json(view, { headers });
  } catch (error) {
    return unavailableResponse(error);
  }
}
