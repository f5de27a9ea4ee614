import { Suspense, type ReactNode } from "react";
import { PageSkeleton } from "@/components/layout/page-states";
import { refuseTamperedVersion } from "@/lib/server/version-gate";

type Query = Record<string, string | string[] | undefined>;

/**
 * A page that shows a data set version: before anything streams it refuses a tampered version (a
 * real 503, via the redirect to /unavailable) and runs `before` (a 404 for an unknown slug, say);
 * its content then streams under its own loading state, in place of a route-level loading.tsx
 * (which would answer 200 before the check).
 */
export function gatedPage<P extends { searchParams: Promise<Query> }>(
  label: string,
  Content: (props: P) => Promise<ReactNode>,
  before?: (props: P, query: Query) => Promise<void>,
) {
  return async function GatedPage(props: P) {
    const query = await props.searchParams;
    await refuseTamperedVersion(query);
    await before?.(props, query);
    return (
      <Suspense fallback={<PageSkeleton label={label} />}>
        <Content {...props} searchParams={Promise.resolve(query)} />
      </Suspense>
    );
  };
}
