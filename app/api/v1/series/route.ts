import { parseSeriesQuery, type SeriesQueryInput, type SeriesRequest } from "@/lib/market/query/filters";
import type { SeriesView } from "@/lib/market/query/api";
import { answeredQuery, canonicalQueryKey, queryFileStem } from "@/lib/market/query/key";
import { seriesToCsv } from "@/lib/export/csv";
import { seriesViewExport } from "@/lib/export/api-export";
import { exportDate } from "@/lib/export/presets";
import { buildWorkbook, XLSX_MIME } from "@/lib/export/xlsx";
import { LruCache } from "@/lib/server/cache";
import { READ_DEADLINE_MS, withTimeout } from "@/lib/server/db";
import { getSeriesView } from "@/lib/server/market";
import { cacheHeaders, etagFor, notModified, problemResponse } from "@/lib/server/http";
import { getEnv } from "@/lib/server/env";
import { publishAnswer } from "@/lib/server/fast-answers";
import { getDataset } from "@/lib/server/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A JSON or CSV answer, serialised once: its ETag, bytes, type and file name. */
interface Answer {
  datasetId: string;
  etag: string;
  body: string;
  type: string;
  filename?: string;
}

// Answers by (dataset version, canonical key of the request): a version never changes, so neither does its answer.
// A repeated request (or its conditional form) costs a lookup: no slicing, no serialisation, no hash.
const answers = new LruCache<Answer>(1_000);

export const GET = route("series", async (request) => {
  // The one query contract, strictly: any unknown or invalid parameter is a 400 naming it.
  const parsed = parseSeriesQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return problemResponse(400, parsed.problem);
  const { format, ...query } = parsed.value;

  if (format !== "xlsx") {
    // The version the query resolves to (the active one unless pinned); an unknown pinned id, no
    // data or a tampered version fall through to getSeriesView, which answers them as before.
    const dataset = await withTimeout(getDataset(query.dataset), READ_DEADLINE_MS, "series read");
    // Of the version only: nothing an activation changes is in the answer (the same bytes pinned or not).
    const key = dataset && `${dataset.id}|${canonicalQueryKey(parsed.value)}`;
    const hit = key ? answers.get(key) : undefined;
    if (hit) return answer(request, hit, query.dataset);
    const made = await makeAnswer(query, format);
    if (made instanceof Response) return made;
    // Kept only when it is of the version the key names (an activation may land in between).
    if (key && made.datasetId === dataset.id) answers.set(key, made);
    return answer(request, made, query.dataset);
  }

  // A hung database must not hang the request: its reads get READ_DEADLINE_MS, then a 503.
  const result = await withTimeout(getSeriesView(query), READ_DEADLINE_MS, "series read");
  if (!result.ok) return problemResponse(result.status, result.problem);
  const { view } = result;
  // A workbook also carries its export date and its permalink (this URL, in its canonical spelling):
  // both are part of its ETag, and it is revalidated each time instead of being cached as immutable.
  const date = exportDate();
  const url = new URL(request.url);
  const permalink = `${url.origin}${url.pathname}?${canonicalQueryKey(parsed.value)}`;
  const etag = etagFor(`${viewKey(view, format)}|${date}|${permalink}`);
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  const bytes = await buildWorkbook(seriesViewExport(view, permalink), date);
  return new Response(bytes as BodyInit, {
    headers: {
      ...headers,
      "Content-Type": XLSX_MIME,
      "Content-Disposition": `attachment; filename="${fileName(view, "xlsx")}"`,
    },
  });
});

/** What an answer's ETag is made from: its format and the canonical key of what it answers (its version included). */
function viewKey(view: SeriesView, format: string): string {
  return canonicalQueryKey({ ...answeredQuery(view), format });
}

/** The answer's file name: its version and what it answers, e.g. `<dataset>_by-vendor_from-2021_to-2032.csv`. */
function fileName(view: SeriesView, ext: string): string {
  const { dataset, ...query } = answeredQuery(view);
  return `${dataset}_${queryFileStem(query)}.${ext}`;
}

async function makeAnswer(
  query: SeriesQueryInput,
  format: Exclude<SeriesRequest["format"], "xlsx">,
): Promise<Answer | Response> {
  // A hung database must not hang the request: its reads get READ_DEADLINE_MS, then a 503.
  const result = await withTimeout(getSeriesView(query), READ_DEADLINE_MS, "series read");
  if (!result.ok) return problemResponse(result.status, result.problem);
  const { view } = result;
  const etag = etagFor(viewKey(view, format));
  const datasetId = view.dataset.id;
  if (format === "csv")
    return {
      datasetId,
      etag,
      body: seriesToCsv({ ...view, historyTo: view.dataset.historyTo }),
      type: "text/csv; charset=utf-8",
      filename: fileName(view, "csv"),
    };
  return { datasetId, etag, body: JSON.stringify(view), type: "application/json" };
}

function answer(request: Request, a: Answer, pinned: string | undefined): Response {
  const cache = cacheHeaders(a.etag, pinned !== undefined);
  if (notModified(request, a.etag)) return new Response(null, { status: 304, headers: cache });
  const headers = {
    ...cache,
    "Content-Type": a.type,
    ...(a.filename ? { "Content-Disposition": `attachment; filename="${a.filename}"` } : {}),
  };
  // This route checks nothing per request: the front server may send this answer again itself.
  if (!getEnv().REQUIRE_SIGN_IN)
    publishAnswer(request.url, { version: a.datasetId, pinned, etag: a.etag, headers, body: a.body });
  return new Response(a.body, { headers });
}
