import { clientAddress } from "@/lib/server/client-address";
import { guardChange, problem } from "@/lib/server/guard";
import { handle, readerOrProblem } from "@/lib/server/route-utils";
import { deleteScenario, openScenario } from "@/lib/server/scenarios";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** One saved scenario: a shared one for every reader, another for its owner and admins only (else 404). */
export async function GET(request: Request, { params }: Params) {
  return handle(request, async () => {
    const reader = await readerOrProblem(request);
    if (reader instanceof Response) return reader;
    const { id } = await params;
    const scenario = await openScenario(id, reader.user);
    if (!scenario) return problem(404, `scenario "${id.slice(0, 40)}" does not exist`, { param: "id" });
    return Response.json({ scenario }, { headers: { "Cache-Control": "private, no-store" } });
  });
}

/** Deletes a saved scenario: its owner (an analyst) or an admin. Audited. */
export async function DELETE(request: Request, { params }: Params) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    const result = await deleteScenario(id, user, clientAddress(request));
    if (!result.ok) return problem(result.status, result.message, { param: "id" });
    return new Response(null, { status: 204 });
  });
}
