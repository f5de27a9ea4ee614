import { compareVersions } from "@/lib/import/diff";
import { getDatasetTables } from "@/lib/server/dataset-tables";
import { problem } from "@/lib/server/guard";
import { analystChanges } from "@/lib/server/imports";
import { assertIntact } from "@/lib/server/integrity";
import { handle, readerOrProblem } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/**
 * What changes from version `against` to this one: `GET /api/v1/datasets/{id}/diff?against={other}`.
 * The figures the analyst changed come first (`changes`); the cells the fit moved are summed up per
 * table (`modelled`); figures that went away are `removed`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const reader = await readerOrProblem(request);
    if (reader instanceof Response) return reader;
    const { id } = await params;
    const against = new URL(request.url).searchParams.get("against");
    if (!against) return problem(400, "Give the version to compare with: ?against=<dataset id>", { param: "against" });
    const [a, b] = await Promise.all([getDatasetTables(against), getDatasetTables(id)]);
    if (!a) return problem(404, `dataset "${against}" does not exist`, { param: "against" });
    if (!b) return problem(404, `dataset "${id}" does not exist`, { param: "id" });
    // Neither side of a comparison may be a version that fails its content check (503).
    await Promise.all([assertIntact(against), assertIntact(id)]);
    const given = await analystChanges(against, id);
    return Response.json(compareVersions(a, b, { from: against, to: id }, given));
  });
}
