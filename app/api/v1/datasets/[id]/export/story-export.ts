import { getDataset } from "@/lib/server/queries";
import { problem } from "@/lib/server/guard";
import { getStory } from "@/lib/server/story";

/** A version's story as story.json: the file an import takes beside the figures (field `story`). */
export async function storyExport(id: string): Promise<Response> {
  if (!(await getDataset(id))) return problem(404, `dataset "${id}" does not exist`, { param: "id" });
  const { drivers, trends, useCases, groups } = await getStory(id);
  return new Response(`${JSON.stringify({ drivers, trends, useCases, groups }, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${id}-story.json"`,
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
