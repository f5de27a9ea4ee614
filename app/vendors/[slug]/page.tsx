import { MemberPanels } from "@/components/dashboard/member-panels";
import { MemberHeading, memberRoute } from "@/app/_components/member-route";
import { StoryMoves } from "@/app/_components/story-moves";
import { groupOf } from "@/lib/market/story/links";
import { VENDOR_GROUP_LABEL } from "@/lib/market/presentation/labels";

export const dynamic = "force-dynamic";

const route = memberRoute({
  dimension: "vendor",
  splits: ["sector", "type"],
  label: "Vendor",
  render: ({ ctx, member: vendor, story, slug, splits }) => {
    // The release's group by its full name; versions without a story keep the stored one-word label.
    const group = groupOf(story, slug)?.title ?? VENDOR_GROUP_LABEL[vendor.group ?? "other"];
    return (
      <>
        <MemberHeading
          eyebrow={
            <>
              Vendor · <span data-testid="vendor-group">{group}</span>
            </>
          }
          name={vendor.name}
          description={vendor.description}
        >
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Vendor values are modelled from public proxies and are indicative, not reported revenue.
          </p>
        </MemberHeading>
        <StoryMoves story={story} dimension="vendor" member={slug} name={vendor.name} dataset={ctx.state.dataset} />
        <MemberPanels
          dimension="vendor"
          slug={slug}
          name={vendor.name}
          totalWhat="estimated value"
          shareChart
          splits={splits}
          splitsClassName="xl:grid-cols-2"
        />
      </>
    );
  },
});

export const generateMetadata = route.generateMetadata;
export default route.MemberRoute;
