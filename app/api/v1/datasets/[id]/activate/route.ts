import { guardChange, problem } from "@/lib/server/guard";
import { activateDataset } from "@/lib/server/imports";
import { handle } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** Makes any version active (a rollback activates an older one); appends to the activation log. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    const result = await activateDataset(id, user.email);
    if (!result.ok) return problem(result.status, result.message);
    return Response.json({ dataset: result.value, active: true }, { status: 200 });
  });
}
