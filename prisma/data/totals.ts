/**
 * Yearly market totals (US$ M). Published: 2024 and 2031. Everything else follows from those two
 * figures and the publisher's CAGR, except 2021-2023, which are modelled backwards from 2024.
 */
import type { TotalDefinition } from "@/lib/market/cube/definition";
import { QY_RELEASE } from "./sources";

export const PUBLISHED_2024 = 8934;
export const PUBLISHED_2031 = 19700;
export const PUBLISHED_CAGR = 0.121;

/** 2025 implied by the published 2031 value and the 2025-2031 CAGR: 19,700 / 1.121^6. */
export const IMPLIED_2025 = PUBLISHED_2031 / Math.pow(1 + PUBLISHED_CAGR, 6);

/**
 * Assumed growth of the years before 2024 (value of year / value of the year before, minus 1).
 * The release's own path grows about 11-12% a year; LLM-only estimates grow 30-40% on a much
 * narrower base. The broad "large-scale models" scope is assumed to have grown faster than the
 * publisher's forward path but far slower than the LLM-only figures, with the peak in 2023, the
 * first full year after ChatGPT's launch.
 */
export const BACKCAST_GROWTH: Record<number, number> = { 2022: 0.2, 2023: 0.25, 2024: 0.22 };

function backcast(): TotalDefinition[] {
  const rows: TotalDefinition[] = [];
  let value = PUBLISHED_2024;
  for (let year = 2023; year >= 2021; year--) {
    const growth = BACKCAST_GROWTH[year + 1];
    value = value / (1 + growth);
    rows.unshift({
      year,
      value,
      basis: "modelled",
      note:
        `Modelled backwards from the published 2024 value, assuming ${Math.round(growth * 100)}% growth ` +
        `from ${year} to ${year + 1}.`,
    });
  }
  return rows;
}

function forwardPath(): TotalDefinition[] {
  const rows: TotalDefinition[] = [
    {
      year: 2025,
      value: IMPLIED_2025,
      basis: "modelled",
      note: "Implied by the published 2031 value and the published 12.1% CAGR for 2025-2031 (19,700 / 1.121^6).",
    },
  ];
  for (let k = 1; k <= 5; k++) {
    rows.push({
      year: 2025 + k,
      value: IMPLIED_2025 * Math.pow(1 + PUBLISHED_CAGR, k),
      basis: "modelled",
      note: `On the publisher's 12.1% CAGR path from the implied 2025 value (year ${k} of 6).`,
    });
  }
  return rows;
}

export const totals: TotalDefinition[] = [
  ...backcast(),
  {
    year: 2024,
    value: PUBLISHED_2024,
    basis: "published",
    note: "Published market size for 2024.",
    source: QY_RELEASE,
  },
  ...forwardPath(),
  {
    year: 2031,
    value: PUBLISHED_2031,
    basis: "published",
    note: "Published forecast market size for 2031.",
    source: QY_RELEASE,
  },
  {
    year: 2032,
    value: PUBLISHED_2031 * (1 + PUBLISHED_CAGR),
    basis: "modelled",
    note: "Extrapolated one year past the published 2031 value at the published 12.1% CAGR.",
  },
];
