import type { ReactNode } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import type { Dimension } from "@/lib/market/types";
import type { Story } from "@/lib/market/story/types";
import { findMember, getMemberPage, type MemberPage } from "@/lib/server/member-page";
import { viewMetadata } from "@/lib/server/link-preview";
import { getStory } from "@/lib/server/story";
import { gatedPage } from "@/app/_components/gated-page";
import { NoDataset } from "@/app/_components/no-dataset";
import { StoryMoves } from "@/app/_components/story-moves";
import { MemberPanels } from "@/components/dashboard/member-panels";

type MemberDimension = "type" | "sector" | "vendor";
type Query = Record<string, string | string[] | undefined>;

export type MemberRouteProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Query>;
};

/** What a member page's body renders from: its page data, the version's story, and its slug. */
export type LoadedMember = MemberPage & { story: Story; slug: string };

interface MemberRouteOptions {
  dimension: MemberDimension;
  /** The dimensions the page splits its member by (its first-render requests). */
  splits: Dimension[];
  /** "Sector", "Vendor", "Model type": the link preview's fallback title. */
  label: string;
  /** What the total panel shows ("size and forecast", "estimated value"). */
  totalWhat: string;
  /** The member's share of the market as a chart of its own. */
  shareChart?: boolean;
  splitsClassName: string;
  /** The heading and what the page says of the member before its drivers and figures. */
  render: (loaded: LoadedMember) => ReactNode;
}

/**
 * One route for the type, sector and vendor pages. Before anything streams it refuses a tampered
 * version (a real 503, via the redirect) and answers an unknown slug with a real 404; the page's
 * figures then stream under its own loading state.
 */
export function memberRoute({
  dimension,
  splits,
  label,
  totalWhat,
  shareChart,
  splitsClassName,
  render,
}: MemberRouteOptions) {
  async function Content({ slug, query }: { slug: string; query: Query }) {
    const page = await getMemberPage(dimension, slug, query, splits);
    if (page === "no-dataset") return <NoDataset />;
    if (page === "not-found") notFound();
    const story = await getStory(page.ctx.dataset.id);
    return (
      <DashboardProvider value={{ ...page.ctx, initialSeries: page.initialSeries }}>
        {render({ ...page, story, slug })}
        <StoryMoves
          story={story}
          dimension={dimension}
          member={slug}
          name={page.member.name}
          dataset={page.ctx.state.dataset}
        />
        <MemberPanels
          dimension={dimension}
          slug={slug}
          name={page.member.name}
          totalWhat={totalWhat}
          shareChart={shareChart}
          splits={splits}
          splitsClassName={splitsClassName}
        />
      </DashboardProvider>
    );
  }

  async function generateMetadata({ params, searchParams }: MemberRouteProps): Promise<Metadata> {
    const { slug } = await params;
    return viewMetadata({ kind: dimension, slug }, await searchParams, `${label}: ${slug}`);
  }

  const MemberRoute = gatedPage(
    `the ${label.toLowerCase()} page`,
    async ({ params, searchParams }: MemberRouteProps) => (
      <Content slug={(await params).slug} query={await searchParams} />
    ),
    async ({ params }, query) => {
      if ((await findMember(dimension, (await params).slug, query)) === "not-found") notFound();
    },
  );

  return { generateMetadata, MemberRoute };
}

/** The heading every member page starts with: what kind of member, its name and description. */
export function MemberHeading({
  eyebrow,
  name,
  description,
  children,
}: {
  eyebrow: ReactNode;
  name: string;
  description?: string | null;
  children?: ReactNode;
}) {
  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{eyebrow}</p>
      <h1 className="text-2xl font-semibold">{name}</h1>
      <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{description}</p>
      {children}
    </div>
  );
}
