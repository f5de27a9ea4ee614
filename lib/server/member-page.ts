import "server-only";
import { memberPageRequests } from "@/lib/market/query/first-render";
import type { RawParams } from "@/lib/market/query/filters";
import { parseViewState } from "@/lib/market/query/view-state";
import type { Dimension, MemberInfo } from "@/lib/market/types";
import { getInitialSeries, getPageContext, type PageContext, type SeriesView } from "./market";
import { getDataset, getMembers } from "./queries";

export interface MemberPage {
  ctx: PageContext;
  member: MemberInfo;
  /** The first answers of the page's panels and figures: the first view is complete HTML. */
  initialSeries: Record<string, SeriesView>;
}

/**
 * Whether the page's version has the member, read from the version's member list alone (no
 * figures): lets a page answer an unknown slug with a real 404 before anything streams.
 */
export async function findMember(
  dimension: Dimension,
  slug: string,
  params: RawParams,
): Promise<MemberInfo | "no-dataset" | "not-found"> {
  const pinned = parseViewState(params).value.dataset;
  const dataset = (pinned ? await getDataset(pinned) : null) ?? (await getDataset());
  if (!dataset) return "no-dataset";
  const members = await getMembers(dataset.id);
  return members.find((m) => m.dimension === dimension && m.slug === slug) ?? "not-found";
}

/** Everything a type, sector or vendor page renders from: its member and the answers of its named first-render requests. */
export async function getMemberPage(
  dimension: Dimension,
  slug: string,
  params: RawParams,
  splits: Dimension[],
): Promise<MemberPage | "no-dataset" | "not-found"> {
  const ctx = await getPageContext(params);
  if (!ctx) return "no-dataset";
  const member = ctx.members.find((m) => m.dimension === dimension && m.slug === slug);
  if (!member) return "not-found";
  const { dataset, state } = ctx;
  const scope = { from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset };
  const initialSeries = await getInitialSeries(memberPageRequests(dimension, slug, state, scope, splits));
  return { ctx, member, initialSeries };
}
