import type { Metadata } from "next";
import { emptyFilters } from "@/lib/market/query/filters";
import { getPageContext, getSeriesView } from "@/lib/server/market";
import { getStory } from "@/lib/server/story";
import { MemberIndex } from "@/app/_components/member-index";
import { NoDataset } from "@/app/_components/no-dataset";
import { gatedPage } from "@/app/_components/gated-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model types" };

async function TypesPageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const [result, story] = await Promise.all([
    getSeriesView({ ...emptyFilters(), by: "type", dataset: ctx.state.dataset }),
    getStory(ctx.dataset.id),
  ]);
  const caseOf = (slug: string) => story.useCases.find((u) => u.dimension === "type" && u.member === slug);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Model types</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The three kinds of large model the release distinguishes: what each is, who uses it for what, how big it is
          and where it goes. Type values are modelled.
        </p>
      </div>
      <MemberIndex
        dimension="type"
        basePath="/types"
        members={ctx.members}
        series={result.ok ? result.view.series : []}
        year={ctx.defaultYear}
        describe={(m) => (caseOf(m.slug) ? "With the release's user case" : "Model type")}
      />
    </>
  );
}

// The version is checked before anything streams: a tampered one answers a real 503 (via the redirect).
export default gatedPage("the model types", TypesPageContent);
