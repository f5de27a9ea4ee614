"use client";

import { useState } from "react";
import type { ChartExportSpec } from "@/lib/export/chart-spec";
import type { HeadlineCard } from "@/lib/export/cards-svg";
import type { StorySlide } from "@/lib/export/story-svg";
import { runExport } from "./export-toast";

/**
 * The headline cards as the page shows them (overview "Headline figures", member pages "Key
 * figures"): label, value, optional detail line, note.
 */
function readCards(): HeadlineCard[] {
  const section = document.querySelector('section[aria-label="Headline figures"], section[aria-label="Key figures"]');
  return Array.from(section?.children ?? []).map((card) => {
    const parts = Array.from(card.children).map((c) => (c.textContent ?? "").trim());
    return {
      label: parts[0] ?? "",
      value: parts[1] ?? "",
      detail: parts.length > 3 ? parts.slice(2, -1).join(" · ") : undefined,
      note: parts.length > 2 ? parts[parts.length - 1] : "",
    };
  });
}

/** The drivers and trends that move the page's segment (type, sector and vendor pages), as shown. */
function readStory(): StorySlide | null {
  const section = document.querySelector('section[aria-labelledby="story-moves"]');
  if (!section) return null;
  const label = section.querySelector("h2 span")?.textContent?.trim() ?? "our reading";
  const heading = section.querySelector("h2")?.textContent?.replace(label, "").trim() ?? "";
  const items = Array.from(section.querySelectorAll("li")).map((li) =>
    (li.textContent ?? "").replace(/\s+/g, " ").trim(),
  );
  const note = section.querySelector("p")?.textContent?.trim() ?? "";
  return { title: heading, label, items, note };
}

/** Charts in the order the page shows them. */
function inPageOrder(specs: ChartExportSpec[]): ChartExportSpec[] {
  const order = Array.from(document.querySelectorAll("[data-chart-id]")).map((el) => el.getAttribute("data-chart-id"));
  const rank = (id: string) => (order.indexOf(id) < 0 ? order.length : order.indexOf(id));
  return [...specs].sort((a, b) => rank(a.id) - rank(b.id));
}

/**
 * Exports the view as one vector PDF deck: a cover with the filters and sources, the headline
 * cards, then every chart of the page (ranking included) on its own 16:9 page.
 */
export function ExportDashboardButton({
  specs,
  title = "Large-scale AI Models market",
  scenario = null,
}: {
  specs: ChartExportSpec[];
  title?: string;
  /** The scenario page of the deck, when the view is under one. */
  scenario?: StorySlide | null;
}) {
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    await runExport("Exporting the dashboard", async (step) => {
      step("Loading the PDF tools");
      const { exportDeck } = await import("./export-actions");
      return exportDeck({ title, specs: inPageOrder(specs), cards: readCards(), story: readStory(), scenario }, step);
    });
    setBusy(false);
  };

  return (
    <button
      type="button"
      onClick={run}
      disabled={specs.length === 0 || busy}
      aria-busy={busy}
      className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      {busy && (
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      )}
      Export dashboard
    </button>
  );
}
