import { guardChange, problem } from "@/lib/server/guard";
import { stageImport } from "@/lib/server/imports";
import { handle } from "@/lib/server/route-utils";
import { z } from "zod";
import { IMPORT_LIMITS } from "@/lib/import/limits";
import type { MemberMapping } from "@/lib/import/safeguards";

export const dynamic = "force-dynamic";

/** Largest story file accepted (story.json). */
export const MAX_STORY_BYTES = 512 * 1024;

/** Largest file accepted (CSV or XLSX). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** `map`: new member names of the file that mean existing members (the preview's "did you mean"). */
const MAPPING = z
  .array(
    z.object({
      table: z.enum(["type", "sector", "vendor", "region"]),
      from: z.string().min(1).max(200),
      to: z.string().min(1).max(200),
    }),
  )
  .max(1_000);

/**
 * POST multipart/form-data with `file` (CSV or XLSX), optional `story` (story.json: drivers,
 * trends, use cases, groups) and optional `dataset` (the version to build on) and optional `map` (JSON: new
 * member names that mean existing members). 201 with the preview, or 422 with every bad cell; nothing is written to any data set.
 */
export async function POST(request: Request) {
  return handle(request, async () => {
    const user = await guardChange(request, "analyst");
    if (user instanceof Response) return user;
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("multipart/form-data"))
      return problem(415, "Send the file as multipart/form-data in the field `file`", { param: "file" });
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_IMPORT_BYTES + 64 * 1024)
      return problem(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, { param: "file" });
    const form = await request.formData().catch(() => null);
    if (!form) return problem(400, "The body is not valid multipart/form-data", { param: "file" });
    const file = form.get("file");
    if (!(file instanceof File))
      return problem(400, "The field `file` is missing: attach a CSV or XLSX file", { param: "file" });
    if (file.size === 0) return problem(400, "The file is empty", { param: "file" });
    if (file.size > MAX_IMPORT_BYTES)
      return problem(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, { param: "file" });
    if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return problem(415, "The file must be .csv or .xlsx", { param: "file" });
    const dataset = form.get("dataset");
    // The story (drivers, trends, use cases, groups) may travel beside the figures as story.json.
    const story = form.get("story");
    if (story !== null && !(story instanceof File))
      return problem(400, "The field `story` must be a JSON file (story.json)", { param: "story" });
    if (story && story.size > MAX_STORY_BYTES)
      return problem(413, `The story file is larger than ${MAX_STORY_BYTES / 1024} KB`, { param: "story" });
    const map = form.get("map");
    let mapping: MemberMapping[] = [];
    if (map !== null) {
      if (typeof map !== "string" || map.length > 64 * 1024)
        return problem(400, "The field `map` must be JSON text of at most 64 KB", { param: "map" });
      let raw: unknown;
      try {
        raw = map.trim() ? JSON.parse(map) : [];
      } catch {
        return problem(400, "The field `map` is not valid JSON", { param: "map" });
      }
      const parsed = MAPPING.safeParse(raw);
      if (!parsed.success)
        return problem(
          400,
          `The field \`map\` must be a list of {"table": "vendor", "from": "name in the file", "to": "existing member's slug"}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
          { param: "map" },
        );
      mapping = parsed.data;
    }
    const result = await stageImport({
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      datasetId: typeof dataset === "string" && dataset ? dataset : null,
      actor: user.email,
      story: story && story.size > 0 ? new Uint8Array(await story.arrayBuffer()) : null,
      mapping,
    });
    if (!result.ok) {
      if (result.errors)
        return Response.json(
          {
            error: { param: "file", message: result.message },
            errors: result.errors,
            errorCount: result.errorCount ?? result.errors.length,
            limits: IMPORT_LIMITS,
          },
          { status: result.status },
        );
      return problem(result.status, result.message, { param: result.param ?? "dataset" });
    }
    return Response.json({ id: result.value.id, status: "ready", preview: result.value.preview }, { status: 201 });
  });
}
