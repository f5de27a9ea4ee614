"use client";

import dynamic from "next/dynamic";

/** The scenario panel, loaded after the page: its levers and comparison chart stay out of the first load. */
export const LazyScenarioPanel = dynamic(() => import("./scenario-panel").then((m) => m.ScenarioPanel), {
  ssr: false,
  loading: () => (
    <div aria-busy="true" className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800">
      <span className="sr-only">Loading the scenario levers</span>
    </div>
  ),
});
