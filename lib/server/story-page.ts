import "server-only";
import { emptyFilters, type RawParams } from "@/lib/market/query/filters";
import type { Story, StoryDimension } from "@/lib/market/story/types";
import type { Basis } from "@/lib/market/types";
import { getPageContext, getSeriesView, type PageContext } from "./market";
import { getStory } from "./story";

export interface SharePoint {
  year: number;
  /** Share of the whole market, 0-1. */
  share: number;
  basis: Basis;
}

export interface StoryPage {
  ctx: PageContext;
  story: Story;
  /** `${dimension}:${member}` → the segment's share of the market, year by year. */
  shares: Record<string, SharePoint[]>;
}

/** What /story renders: the version's story and the market share of every segment it moves. */
export async function getStoryPage(params: RawParams): Promise<StoryPage | null> {
  const ctx = await getPageContext(params);
  if (!ctx) return null;
  const dataset = ctx.state.dataset;
  const story = await getStory(ctx.dataset.id);
  const dims = new Set<StoryDimension>(
    [...story.drivers, ...story.trends].flatMap((i) => i.moves.map((m) => m.dimension)),
  );
  const [total, ...breakdowns] = await Promise.all([
    getSeriesView({ ...emptyFilters(), by: "total", dataset }),
    ...[...dims].map((by) => getSeriesView({ ...emptyFilters(), by, dataset })),
  ]);
  const market = total.ok ? total.view.series[0].points : [];
  const shares: StoryPage["shares"] = {};
  [...dims].forEach((dim, i) => {
    const r = breakdowns[i];
    if (!r.ok) return;
    for (const s of r.view.series)
      shares[`${dim}:${s.key}`] = s.points.map((p, k) => ({
        year: p.year,
        share: market[k]?.value ? p.value / market[k].value : 0,
        basis: p.basis,
      }));
  });
  return { ctx, story, shares };
}
