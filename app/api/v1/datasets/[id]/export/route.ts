import { tablesToCsv, tablesToXlsx } from "@/lib/import/export";
import { getDatasetTables } from "@/lib/server/dataset-tables";
import { problem } from "@/lib/server/guard";
import { assertIntact } from "@/lib/server/integrity";
import { handle, readerOrProblem } from "@/lib/server/route-utils";
import { storyExport } from "./story-export";

export const dynamic = "force-dynamic";

/** Any version in the import format: `format=csv` (default) or `xlsx`; `format=story` is its story.json. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const reader = await readerOrProblem(request);
    if (reader instanceof Response) return reader;
    const { id } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx" && format !== "story")
      return problem(400, `format "${format}" must be csv, xlsx or story`, { param: "format" });
    if (format === "story") return storyExport(id);
    const tables = await getDatasetTables(id);
    if (!tables) return problem(404, `dataset "${id}" does not exist`, { param: "id" });
    // A version that fails its content check is never served, not even as a file (503).
    await assertIntact(id);
    const name = `${id}.${format}`;
    const headers = {
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "public, max-age=31536000, immutable",
    };
    if (format === "csv")
      return new Response(tablesToCsv(tables), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    const bytes = await tablesToXlsx(tables);
    return new Response(bytes as BodyInit, {
      headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  });
}
