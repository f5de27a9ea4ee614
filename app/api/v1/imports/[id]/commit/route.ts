import { z } from "zod";
import { commitJobState, commitWaitMs, pollPath } from "@/lib/server/commit-jobs";
import { guardChange, problem, requireRole } from "@/lib/server/guard";
import { settleWithin, startCommit } from "@/lib/server/import-commit";
import { readJsonBody } from "@/lib/server/route";
import { handle } from "@/lib/server/route-utils";

export const dynamic = "force-dynamic";

/** The confirmations a preview may ask for; an empty body confirms nothing. */
const BODY = z.strictObject({
  confirmRemovals: z.boolean().optional(),
  confirmNewMembers: z.array(z.string().min(1).max(200)).max(1_000).optional(),
});

const NO_STORE = { "Cache-Control": "no-store" };
const isImportId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

/**
 * Stores a staged import as a new immutable version and makes it active (one transaction). Body
 * (optional JSON): `{"confirmRemovals": true, "confirmNewMembers": ["open-ai-inc"]}`; a preview
 * with removals or "did you mean" members answers 409 naming them until they are confirmed.
 * The commit runs as a job: 201 with the version when it ends within COMMIT_WAIT_MS (2 s), else 202
 * with the job and a Location to poll (GET below).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    if (!isImportId(id)) return problem(404, `import "${id}" does not exist`);
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
    const wait = commitWaitMs();
    const started = await startCommit(id, user.email, confirm);
    if (!started.ok) {
      if (started.confirm)
        return Response.json(
          { error: { param: "confirm", message: started.message }, confirm: started.confirm },
          { status: started.status },
        );
      return problem(started.status, started.message);
    }
    const result = await settleWithin(started.value, wait);
    if (!result)
      return Response.json(
        {
          job: { import: id, status: "running", startedAt: started.value.startedAt.toISOString() },
          poll: pollPath(id),
        },
        { status: 202, headers: { ...NO_STORE, Location: pollPath(id), "Retry-After": "2" } },
      );
    if (!result.ok) return problem(result.status, result.message);
    return Response.json({ dataset: { id: result.value.id, version: result.value.version } }, { status: 201 });
  });
}

/**
 * The state of the import's commit, from the database (any instance answers the same): 200 with
 * `job.status` "running", "committed" (and `dataset`, as the 201 of POST) or "failed" (and its
 * message; an interrupted job is failed and may be committed again); 404 for an import never
 * committed (`job.status` "not-started") or unknown. Analysts and admins only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(request, async () => {
    const user = await requireRole(request, "analyst");
    if (user instanceof Response) return user;
    const { id } = await params;
    if (!isImportId(id)) return problem(404, `import "${id}" does not exist`);
    const job = await commitJobState(id);
    if (!job) return problem(404, `import "${id}" does not exist`);
    switch (job.status) {
      case "not-started":
        return Response.json(
          { error: { param: null, message: `import "${id}" has not been committed: POST to commit it` }, job },
          { status: 404, headers: NO_STORE },
        );
      case "committed":
        return Response.json({ dataset: job.dataset, job }, { headers: NO_STORE });
      case "running":
        return Response.json({ job, poll: pollPath(id) }, { headers: { ...NO_STORE, "Retry-After": "2" } });
      case "failed":
        return Response.json({ job }, { headers: NO_STORE });
    }
  });
}
