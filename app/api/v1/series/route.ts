import { parseSeriesQuery, QUERY_KEYS } from "@/lib/market/query/filters";
import { FORECAST_METHODS, type ForecastMethod } from "@/lib/market/query/view-state";
import { seriesToCsv } from "@/lib/export/csv";
import { seriesViewExport } from "@/lib/export/api-export";
import { exportDate } from "@/lib/export/presets";
import { buildWorkbook, XLSX_MIME } from "@/lib/export/xlsx";
import { getSeriesView } from "@/lib/server/market";
import { cachedBody, cacheHeaders, etagFor, notModified, problemResponse, unavailableResponse } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const FORMATS = ["json", "csv", "xlsx"] as const;
const FORECASTS = ["none", ...FORECAST_METHODS] as const;
const ALLOWED = new Set<string>([...QUERY_KEYS, "format", "forecast", "reconcile"]);

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  for (const key of params.keys())
    if (!ALLOWED.has(key))
      return problemResponse(400, { param: key, message: `unknown parameter "${key}"; allowed: ${[...ALLOWED].join(", ")}` });
  const format = params.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    return problemResponse(400, { param: "format", message: `format "${format}" must be one of ${FORMATS.join(", ")}` });
  params.delete("format");
  // Optional forecasts (default none): per-series `forecast` for the shown years after historyTo.
  const forecast = params.get("forecast") ?? "none";
  if (!(FORECASTS as readonly string[]).includes(forecast))
    return problemResponse(400, { param: "forecast", message: `forecast "${forecast}" must be one of ${FORECASTS.join(", ")}` });
  const reconcile = params.get("reconcile") ?? "false";
  if (reconcile !== "true" && reconcile !== "false")
    return problemResponse(400, { param: "reconcile", message: `reconcile "${reconcile}" must be true or false` });
  params.delete("forecast");
  params.delete("reconcile");
  const options = forecast === "none" ? {} : { forecast: forecast as ForecastMethod, reconcile: reconcile === "true" };
  const parsed = parseSeriesQuery(params);
  if (!parsed.ok) return problemResponse(400, parsed.problem);

  try {
    const result = await getSeriesView(parsed.value, options);
    if (!result.ok) return problemResponse(result.status, result.problem);
    const { view } = result;
    const etag = etagFor(`${view.dataset.id}|${format}|${JSON.stringify([view.by, view.filters, view.from, view.to, view.forecast ?? null])}`);
    const headers = cacheHeaders(etag, parsed.value.dataset !== undefined);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers });
    if (format === "csv") {
      return new Response(cachedBody(etag, () => seriesToCsv({ ...view, historyTo: view.dataset.historyTo })), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${view.dataset.id}-${view.by}-${view.from}-${view.to}.csv"`,
        },
      });
    }
    if (format === "xlsx") {
      const bytes = await buildWorkbook(seriesViewExport(view, request.url), exportDate());
      return new Response(bytes as BodyInit, {
        headers: {
          ...headers,
          "Content-Type": XLSX_MIME,
          "Content-Disposition": `attachment; filename="${view.dataset.id}-${view.by}-${view.from}-${view.to}.xlsx"`,
        },
      });
    }
    return new Response(cachedBody(etag, () => JSON.stringify(view)), {
      headers: { ...headers, "Content-Type": "application/json" },
    });
  } catch (error) {
    return unavailableResponse(error);
  }
}
