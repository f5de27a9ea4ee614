import { z } from "zod";
import { clientAddress } from "@/lib/server/client-address";
import { guardChange, problem, requireRole } from "@/lib/server/guard";
import { readJsonBody } from "@/lib/server/route";
import { handle } from "@/lib/server/route-utils";
import { listScenarios, saveScenario } from "@/lib/server/scenarios";

export const dynamic = "force-dynamic";

/** A save is a name, levers and flags: a few hundred bytes. */
const BODY_LIMIT = 16_384;

const saveSchema = z.strictObject({
  name: z
    .string({ message: "must be a string" })
    .trim()
    .min(1, { message: "must not be empty" })
    .max(120, { message: "must be at most 120 characters" }),
  levers: z.string({ message: "must be a string of KEY:LEVEL items" }).max(2_000, { message: "is too long" }),
  dataset: z
    .string({ message: "must be a dataset id" })
    .regex(/^[a-z0-9][a-z0-9-]{0,95}$/, { message: "must be a dataset id" })
    .optional(),
  shared: z.boolean({ message: "must be true or false" }).optional(),
});

/** The saved scenarios the signed-in user may open (their own and the shared ones; all for an admin). */
export async function GET(request: Request) {
  return handle(request, async () => {
    const user = await requireRole(request, "viewer");
    if (user instanceof Response) return user;
    return Response.json({ scenarios: await listScenarios(user) }, { headers: { "Cache-Control": "no-store" } });
  });
}

/**
 * Saves a named scenario (analysts and admins): `{name, levers, dataset?, shared?}`. The levers are
 * checked against the pinned version's story (the active one when no dataset is named, and the
 * scenario then pins it). Audited.
 */
export async function POST(request: Request) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const parsed = saveSchema.safeParse(await readJsonBody(request, BODY_LIMIT));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const param = issue.path.length ? issue.path.join(".") : "body";
      return problem(400, `${param}: ${issue.message}`, { param });
    }
    const { name, levers, dataset, shared = true } = parsed.data;
    const saved = await saveScenario({ name, levers, dataset, shared }, user, clientAddress(request));
    if (!saved.ok) return problem(saved.status, saved.message, { param: saved.param });
    return Response.json(
      { scenario: saved.value },
      { status: 201, headers: { "Cache-Control": "no-store", Location: `/api/v1/scenarios/${saved.value.id}` } },
    );
  });
}
