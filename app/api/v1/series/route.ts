import { parseSeriesQuery } from "@/lib/market/query/filters";
import { seriesToCsv } from "@/lib/export/csv";
import { seriesViewExport } from "@/lib/export/api-export";
import { exportDate } from "@/lib/export/presets";
import { buildWorkbook, XLSX_MIME } from "@/lib/export/xlsx";
import { READ_DEADLINE_MS, withTimeout } from "@/lib/server/db";
import { getSeriesView } from "@/lib/server/market";
import { cachedBody, cacheHeaders, etagFor, notModified, problemResponse } from "@/lib/server/http";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route("series", async (request) => {
  // The one query contract, strictly: any unknown or invalid parameter is a 400 naming it.
  const parsed = parseSeriesQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return problemResponse(400, parsed.problem);
  const { format, ...query } = parsed.value;

  // A hung database must not hang the request: its reads get READ_DEADLINE_MS, then a 503.
  const result = await withTimeout(getSeriesView(query), READ_DEADLINE_MS, "series read");
  if (!result.ok) return problemResponse(result.status, result.problem);
  const { view } = result;
  const key = `${view.dataset.id}|${format}|${JSON.stringify([view.by, view.filters, view.from, view.to, view.forecast ?? null])}`;
  // A workbook also carries its export date and its permalink (this URL): both are part of its
  // ETag, and it is revalidated each time instead of being cached as immutable.
  const date = exportDate();
  const etag = format === "xlsx" ? etagFor(`${key}|${date}|${request.url}`) : etagFor(key);
  const headers =
    format === "xlsx"
      ? { ETag: etag, "Cache-Control": "private, no-cache" }
      : cacheHeaders(etag, parsed.value.dataset !== undefined);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  if (format === "csv") {
    return new Response(
      cachedBody(etag, () => seriesToCsv({ ...view, historyTo: view.dataset.historyTo })),
      {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${view.dataset.id}-${view.by}-${view.from}-${view.to}.csv"`,
        },
      },
    );
  }
  if (format === "xlsx") {
    const bytes = await buildWorkbook(seriesViewExport(view, request.url), date);
    return new Response(bytes as BodyInit, {
      headers: {
        ...headers,
        "Content-Type": XLSX_MIME,
        "Content-Disposition": `attachment; filename="${view.dataset.id}-${view.by}-${view.from}-${view.to}.xlsx"`,
      },
    });
  }
  return new Response(
    cachedBody(etag, () => JSON.stringify(view)),
    {
      headers: { ...headers, "Content-Type": "application/json" },
    },
  );
});
