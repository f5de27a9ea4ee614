/**
 * Colour-blind-safe categorical palette: Okabe-Ito (without black, which disappears in dark mode),
 * extended with Paul Tol's "muted" scheme for breakdowns with up to 16 members (the vendors).
 * Neighbours in the list differ in hue and lightness, so stacked segments stay apart.
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
  "#BBBBBB", // grey: "Others" comes last
] as const;

export function colorAt(i: number): string {
  return CATEGORICAL[i % CATEGORICAL.length];
}

/** Fixed roles in the total-market chart. */
export const ROLE = {
  history: "#0072B2",
  outlook: "#D55E00",
  forecast: "#009E73",
} as const;
