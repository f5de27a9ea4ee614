"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { parseViewState, resolveViewState } from "@/lib/market/query/view-state";
import { groupKeys } from "@/lib/market/story/groups";
import { useDashboard } from "./dashboard-context";

/** Says which parts of the URL were ignored (and replaced by defaults), instead of failing. */
export function UrlNotice() {
  const params = useSearchParams();
  const { dataset, members, defaultYear, groups = [], story } = useDashboard();
  const notices = useMemo(() => {
    const parsed = parseViewState(new URLSearchParams(params.toString()));
    const vendors = members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
    // The same check as the page's and useView's: the version's player groups and scenario levers.
    const resolved = resolveViewState(parsed.value, dataset, members, defaultYear, groupKeys(groups, vendors), story);
    return [...parsed.notices, ...resolved.notices];
  }, [params, dataset, members, defaultYear, groups, story]);
  return (
    <div role="status" aria-live="polite">
      {notices.length > 0 && (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">
            Some of this link&apos;s settings were not valid, so defaults are shown instead:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {notices.map((n, i) => (
              <li key={i}>{n.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
