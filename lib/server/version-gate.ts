import "server-only";
import { redirect } from "next/navigation";
import { HttpProblem } from "./http";
import { getDataset } from "./queries";

type Query = Record<string, string | string[] | undefined>;

/** Where a page that would show a tampered version sends the browser: a real 503 (app/unavailable). */
export const UNAVAILABLE_PATH = "/unavailable";

/** The version a page shows: the pinned one if it exists, else the active one (as getPageContext reads it). */
async function versionOf(params: Query) {
  const pinned = typeof params.dataset === "string" ? params.dataset : undefined;
  return (pinned ? await getDataset(pinned) : null) ?? (await getDataset());
}

/**
 * Run by a page before anything streams (pages render their content under their own Suspense
 * boundary after this): a version that fails its content check sends the request to the 503 page,
 * instead of a loading shell answered 200. Other failures (an outage) are left to the page's own
 * error boundary, as before.
 */
export async function refuseTamperedVersion(params: Query): Promise<void> {
  let refused: string | null = null;
  try {
    await versionOf(params);
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 503)) return;
    refused = typeof params.dataset === "string" ? params.dataset : "";
  }
  if (refused !== null)
    redirect(refused ? `${UNAVAILABLE_PATH}?dataset=${encodeURIComponent(refused)}` : UNAVAILABLE_PATH);
}

/** For the 503 page: the refusal of the version a page would show, or null when it is served. */
export async function refusalOf(params: Query): Promise<HttpProblem | null> {
  try {
    await versionOf(params);
    return null;
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 503) return error;
    throw error;
  }
}
