import { z } from "zod";
import { guardChange, problem } from "@/lib/server/guard";
import { commitImport } from "@/lib/server/imports";
import { readJsonBody } from "@/lib/server/route";
import { handle } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** The confirmations a preview may ask for; an empty body confirms nothing. */
const BODY = z.strictObject({
  confirmRemovals: z.boolean().optional(),
  confirmNewMembers: z.array(z.string().min(1).max(200)).max(1_000).optional(),
});

/**
 * Stores a staged import as a new immutable version and makes it active (one transaction). Body
 * (optional JSON): `{"confirmRemovals": true, "confirmNewMembers": ["open-ai-inc"]}`; a preview
 * with removals or "did you mean" members answers 409 naming them until they are confirmed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    if (!/^[0-9a-f-]{36}$/.test(id)) return problem(404, `import "${id}" does not exist`);
    const declared = Number(request.headers.get("content-length") ?? "0");
    const hasBody = declared > 0 || (request.headers.get("content-type") ?? "") !== "";
    let confirm: z.infer<typeof BODY> = {};
    if (hasBody) {
      const parsed = BODY.safeParse(await readJsonBody(request, 64 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.length ? String(issue.path[0]) : "body";
        return problem(400, `${field}: ${issue?.message ?? "invalid"}`, { param: field });
      }
      confirm = parsed.data;
    }
    const result = await commitImport(id, user.email, confirm);
    if (!result.ok) {
      if (result.confirm)
        return Response.json(
          { error: { param: "confirm", message: result.message }, confirm: result.confirm },
          { status: result.status },
        );
      return problem(result.status, result.message);
    }
    return Response.json({ dataset: { id: result.value.id, version: result.value.version } }, { status: 201 });
  });
}
