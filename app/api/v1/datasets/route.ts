import { listVersions } from "@/lib/server/imports";
import { handle, readerOrProblem } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** Every data set and version, with `active`; who imported and activated each for signed-in users. */
export async function GET(request: Request) {
  return handle(request, async () => {
    const reader = await readerOrProblem(request);
    if (reader instanceof Response) return reader;
    const versions = await listVersions();
    const shown = reader.user ? versions : versions.map((v) => ({ ...v, importedBy: null, activatedBy: null }));
    return Response.json({ datasets: shown }, { headers: { "cache-control": "no-store" } });
  });
}
