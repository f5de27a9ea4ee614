import Link from "next/link";
import { queryHref } from "@/lib/market/query/key";
import { MemberHeading, memberRoute } from "@/app/_components/member-route";

export const dynamic = "force-dynamic";

const route = memberRoute({
  dimension: "type",
  splits: ["sector", "vendor", "region"],
  totalWhat: "size and forecast",
  splitsClassName: "xl:grid-cols-3",
  label: "Model type",
  render: ({ ctx, member: type, story, slug }) => {
    const useCase = story.useCases.find((u) => u.dimension === "type" && u.member === slug);
    const examples = (useCase?.vendors ?? [])
      .map((v) => ctx.members.find((m) => m.dimension === "vendor" && m.slug === v))
      .filter((m) => m !== undefined);
    return (
      <>
        <MemberHeading eyebrow="Model type" name={type.name} description={type.description} />
        {(useCase || examples.length > 0) && (
          <section
            aria-labelledby="user-case"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            {useCase && (
              <>
                <h2 id="user-case" className="font-semibold">
                  A user case from the release
                </h2>
                <p className="mt-1 max-w-3xl text-sm" data-testid="user-case">
                  {useCase.text}
                </p>
              </>
            )}
            {examples.length > 0 && (
              <p className="mt-2 text-sm">
                <span className="text-slate-600 dark:text-slate-400">Vendors the release names as examples: </span>
                {examples.map((v, i) => (
                  <span key={v.slug}>
                    {i > 0 ? ", " : ""}
                    <Link
                      href={queryHref(`/vendors/${v.slug}`, { dataset: ctx.state.dataset })}
                      className="text-blue-800 underline underline-offset-2 dark:text-blue-300"
                    >
                      {v.name}
                    </Link>
                  </span>
                ))}
              </p>
            )}
          </section>
        )}
      </>
    );
  },
});

export const generateMetadata = route.generateMetadata;
export default route.MemberRoute;
