import { listAudit } from "@/lib/server/audit";
import { requireRole } from "@/lib/server/guard";
import { handle } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** The audit log, newest first: admins only. */
export async function GET(request: Request) {
  return handle(request, async () => {
    const user = await requireRole(request, "admin");
    if (user instanceof Response) return user;
    return Response.json({ events: await listAudit() }, { headers: { "cache-control": "no-store" } });
  });
}
