import { MemberHeading, memberRoute } from "@/app/_components/member-route";

export const dynamic = "force-dynamic";

const route = memberRoute({
  dimension: "sector",
  splits: ["type", "vendor", "region"],
  totalWhat: "size and forecast",
  splitsClassName: "xl:grid-cols-3",
  label: "Sector",
  render: ({ member: sector }) => (
    <>
      <MemberHeading eyebrow="Application sector" name={sector.name} description={sector.description} />
      {sector.useCases && sector.useCases.length > 0 && (
        <section
          aria-labelledby="use-cases"
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="use-cases" className="font-semibold">
            What {sector.name} uses large models for
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {sector.useCases.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  ),
});

export const generateMetadata = route.generateMetadata;
export default route.MemberRoute;
