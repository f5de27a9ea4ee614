/**
 * The one palette of the app: the screen charts, every export (PNG, SVG, PDF, deck) and the link
 * preview images take their colours from here, so a member has the same colour everywhere.
 *
 * Members are coloured by their place in the data set's member list (not by their place in the
 * chart), so a vendor keeps its colour whatever the filters leave on screen. "Others" is the rest
 * of the market, not a competitor: always grey.
 *
 * Colour-blind-safe categorical colours: Okabe-Ito (without black, which disappears in dark mode),
 * extended with Paul Tol's "muted" scheme so fifteen named vendors never repeat.
 */

export const CATEGORICAL = [
  "#0072B2", // Okabe-Ito blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#F0E442", // yellow
  "#332288", // Tol muted: indigo
  "#DDCC77", // sand
  "#117733", // green
  "#88CCEE", // cyan
  "#882255", // wine
  "#44AA99", // teal
  "#999933", // olive
  "#AA4499", // purple
] as const;

/** "Others", on screen and in every export. */
export const OTHERS_COLOR = "#9AA3AE";
export const OTHERS_KEY = "others";

/** Fixed roles in the total-market chart and single-series charts. */
export const ROLE = {
  history: "#0072B2",
  outlook: "#D55E00",
  forecast: "#009E73",
} as const;

/**
 * Our forecast drawn over a breakdown's stacked bars: a dark ink no member is coloured with (the
 * members use the categorical colours, the total chart's forecast green is one of them).
 */
export const STACK_OVERLAY = "#1F2937";

/** Shaded years after the last history year. */
export const FUTURE_SHADE = { color: "#94a3b8", opacity: 0.14 } as const;

function hashIndex(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return h % CATEGORICAL.length;
}

/**
 * The colour of a member. `order` is the dimension's member slugs in the data set's order; a key
 * not in it (e.g. a member of a newer data set) still gets a stable colour from its name.
 */
export function memberColor(order: readonly string[], key: string): string {
  if (key === OTHERS_KEY) return OTHERS_COLOR;
  const named = order.filter((k) => k !== OTHERS_KEY);
  const i = named.indexOf(key);
  return CATEGORICAL[(i < 0 ? hashIndex(key) : i) % CATEGORICAL.length];
}

/** "Others" last, everything else in the given order: the order of every legend and stack. */
export function othersLast<T extends { key: string }>(items: readonly T[]): T[] {
  return [...items.filter((s) => s.key !== OTHERS_KEY), ...items.filter((s) => s.key === OTHERS_KEY)];
}
