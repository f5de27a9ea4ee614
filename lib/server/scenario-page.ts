import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "./auth";
import { openScenario } from "./scenarios";

type Query = Record<string, string | string[] | undefined>;

/**
 * `?scenario=ID` on a dashboard page: when the reader may open it, the page is sent to the same URL
 * with the scenario's levers and its pinned version (`levers=`, `dataset=`), which every panel
 * reads; the id stays in the URL to name it. A scenario that does not exist or is not shared with
 * the reader is left to the page, which ignores it with a notice.
 */
export async function openSavedScenario(query: Query, path: string): Promise<void> {
  const id = typeof query.scenario === "string" ? query.scenario : undefined;
  if (!id || query.levers !== undefined) return;
  const saved = await openScenario(id, await getSessionUser(await headers()));
  if (!saved) return;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) if (k !== "dataset") next.append(k, item);
  next.set("levers", saved.levers);
  next.set("dataset", saved.dataset);
  redirect(`${path}?${next.toString()}`);
}
