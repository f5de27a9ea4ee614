"use client";

import { memberName } from "@/lib/market/presentation/describe";
import { dimensionLabel } from "@/lib/market/presentation/labels";
import type { FilterDimension } from "@/lib/market/query/view-state";
import { UNGROUPED_KEY, UNGROUPED_LABEL } from "@/lib/market/story/types";
import { DIMENSIONS, type Dimension } from "@/lib/market/types";
import { useDashboard } from "./dashboard-context";
import { useView } from "./use-view";

/**
 * The active filters as removable chips; cross-filter clicks land here. A member page passes its own
 * dimension as `fixed`: that filter is the page itself, not a chip.
 */
export function FilterChips({ fixed, subject = "the whole market" }: { fixed?: Dimension; subject?: string } = {}) {
  const { view, setView } = useView();
  const { members, groups = [] } = useDashboard();
  const dims: FilterDimension[] = [...DIMENSIONS, "group"];
  const active = dims.filter((d) => d !== fixed).flatMap((d) => (view[d] ?? []).map((slug) => ({ d, slug })));
  if (!active.length)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No filters: {subject} is shown. Click a bar or a legend item to filter by it.
      </p>
    );
  const remove = (d: FilterDimension, slug: string) => setView({ [d]: (view[d] ?? []).filter((s) => s !== slug) });
  // A player group by its full name (an "Others" filter is the vendors in no group).
  const nameOf = (d: FilterDimension, slug: string) =>
    d === "group"
      ? (groups.find((g) => g.key === slug)?.title ?? (slug === UNGROUPED_KEY ? UNGROUPED_LABEL : slug))
      : memberName(members, d, slug);
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      <span className="text-sm text-slate-600 dark:text-slate-400">Filtered by:</span>
      {active.map(({ d, slug }) => {
        const name = nameOf(d, slug);
        return (
          <button
            key={`${d}:${slug}`}
            type="button"
            onClick={() => remove(d, slug)}
            aria-label={`Remove ${name} filter`}
            title={`${dimensionLabel(d)}: ${name}`}
            className="inline-flex items-center gap-1 rounded-full border border-blue-700 bg-blue-50 px-3 py-1 text-sm text-blue-900 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100"
          >
            <span className="text-xs opacity-80">{dimensionLabel(d)}:</span> {name} <span aria-hidden="true">×</span>
          </button>
        );
      })}
      <button
        type="button"
        onClick={() => setView({ type: [], sector: [], vendor: [], region: [], group: [] })}
        className="text-sm text-blue-800 underline dark:text-blue-300"
      >
        Clear all filters
      </button>
    </div>
  );
}
