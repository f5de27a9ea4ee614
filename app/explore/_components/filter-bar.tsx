"use client";

import { useEffect, useId, useRef } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { useView } from "@/components/dashboard/use-view";
import { dimensionLabel, METHOD_CHOICE_LABEL } from "@/lib/market/presentation/labels";
import { groupMembers } from "@/lib/market/story/groups";
import { DIMENSIONS } from "@/lib/market/types";
import { BREAKDOWNS } from "@/lib/market/query/schema";
import {
  METHOD_CHOICES,
  toggleFilter,
  filtersOf,
  type FilterDimension,
  type MethodChoice,
} from "@/lib/market/query/view-state";

const control = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900";

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string | number;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id} className="text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        {children}
      </select>
    </div>
  );
}

function MemberFilter({ dim }: { dim: FilterDimension }) {
  const { view, setView } = useView();
  const { members, groups = [] } = useDashboard();
  const vendors = members.filter((m) => m.dimension === "vendor").map((m) => m.slug);
  // Player groups list as the `by=group` breakdown does: the story's groups, then "Others".
  const list =
    dim === "group"
      ? groupMembers(groups, vendors)
      : members.filter((m) => m.dimension === dim).sort((a, b) => a.sortOrder - b.sortOrder);
  const chosen = view[dim] ?? [];
  const ref = useRef<HTMLDetailsElement>(null);
  const popup = useRef<HTMLFieldSetElement>(null);
  // A popover: a click outside or Escape closes it, so it never covers the panels below.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const outside = (e: PointerEvent) => {
      if (el.open && !el.contains(e.target as Node)) el.open = false;
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape" && el.open) {
        el.open = false;
        el.querySelector("summary")?.focus();
      }
    };
    // On a narrow screen a pop-up opened near the right edge shifts left to stay on screen.
    const place = () => {
      const box = popup.current;
      if (!el.open || !box) return;
      box.style.left = "0px";
      const overflow = box.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) box.style.left = `${-Math.min(overflow, el.getBoundingClientRect().left - 8)}px`;
    };
    document.addEventListener("pointerdown", outside);
    el.addEventListener("keydown", escape);
    el.addEventListener("toggle", place);
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("pointerdown", outside);
      el.removeEventListener("keydown", escape);
      el.removeEventListener("toggle", place);
      window.removeEventListener("resize", place);
    };
  }, []);
  return (
    <details ref={ref} className="relative text-sm">
      <summary className={`${control} cursor-pointer list-none select-none`}>
        {dimensionLabel(dim)}: {chosen.length ? `${chosen.length} selected` : "all"}
      </summary>
      <fieldset
        ref={popup}
        className="absolute z-20 mt-1 max-h-80 w-64 max-w-[calc(100vw-1rem)] overflow-auto rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        <legend className="sr-only">Filter by {dimensionLabel(dim).toLowerCase()}</legend>
        {list.map((m) => (
          <label key={m.slug} className="flex items-center gap-2 py-0.5">
            <input
              type="checkbox"
              checked={chosen.includes(m.slug)}
              onChange={() => setView({ [dim]: toggleFilter(filtersOf(view), dim, m.slug)[dim] })}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Every control writes the URL; the panels follow it. */
export function FilterBar() {
  const { view, setView } = useView();
  const { dataset, groups = [] } = useDashboard();
  const years = Array.from({ length: dataset.lastYear - dataset.firstYear + 1 }, (_, i) => dataset.firstYear + i);
  return (
    <div
      role="group"
      aria-label="View settings"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <Select label="Break down by" value={view.by} onChange={(v) => setView({ by: v as (typeof BREAKDOWNS)[number] })}>
        {BREAKDOWNS.filter((b) => b !== "group" || groups.length > 0).map((b) => (
          <option key={b} value={b}>
            {b === "total" ? "Nothing (total)" : dimensionLabel(b)}
          </option>
        ))}
      </Select>
      {DIMENSIONS.map((d) => (
        <MemberFilter key={d} dim={d} />
      ))}
      {groups.length > 0 && <MemberFilter dim="group" />}
      <Select
        label="From"
        value={view.from}
        onChange={(v) => setView({ from: Number(v), to: Math.max(Number(v), view.to) })}
      >
        {years.map((y) => (
          <option key={y}>{y}</option>
        ))}
      </Select>
      <Select
        label="To"
        value={view.to}
        onChange={(v) => setView({ to: Number(v), from: Math.min(Number(v), view.from) })}
      >
        {years.map((y) => (
          <option key={y}>{y}</option>
        ))}
      </Select>
      <Select label="Year (shares)" value={view.year} onChange={(v) => setView({ year: Number(v) })}>
        {years.map((y) => (
          <option key={y}>{y}</option>
        ))}
      </Select>
      <fieldset className="flex flex-col text-sm">
        <legend className="text-slate-700 dark:text-slate-300">Values</legend>
        <div className="flex gap-3 py-1">
          {(["absolute", "share"] as const).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="radio" name="view-mode" checked={view.view === m} onChange={() => setView({ view: m })} />
              {m === "absolute" ? "Absolute (US$ M)" : "Share of market"}
            </label>
          ))}
        </div>
      </fieldset>
      <Select label="Forecast method" value={view.method} onChange={(v) => setView({ method: v as MethodChoice })}>
        {METHOD_CHOICES.map((m) => (
          <option key={m} value={m}>
            {METHOD_CHOICE_LABEL[m]}
          </option>
        ))}
      </Select>
    </div>
  );
}
