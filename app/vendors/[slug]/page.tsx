import { MemberHeading, memberRoute } from "@/app/_components/member-route";
import { groupOf } from "@/lib/market/story/links";
import { VENDOR_GROUP_LABEL } from "@/lib/market/presentation/labels";

export const dynamic = "force-dynamic";

const route = memberRoute({
  dimension: "vendor",
  splits: ["sector", "type"],
  totalWhat: "estimated value",
  shareChart: true,
  splitsClassName: "xl:grid-cols-2",
  label: "Vendor",
  render: ({ member: vendor, story, slug }) => {
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
      </>
    );
  },
});

export const generateMetadata = route.generateMetadata;
export default route.MemberRoute;
