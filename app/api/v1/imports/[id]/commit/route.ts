import { guardChange, problem } from "@/lib/server/guard";
import { commitImport } from "@/lib/server/imports";
import { handle } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** Stores a staged import as a new immutable version and makes it active (one transaction). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    if (!/^[0-9a-f-]{36}$/.test(id)) return problem(404, `import "${id}" does not exist`);
    const result = await commitImport(id, user.email);
    if (!result.ok) return problem(result.status, result.message);
    return Response.json({ dataset: { id: result.value.id, version: result.value.version } }, { status: 201 });
  });
}
