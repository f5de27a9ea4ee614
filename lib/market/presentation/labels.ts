/**
 * Every word the app uses for its dimensions, vendor groups, forecast methods and bases: one
 * vocabulary for screen, tooltips, tables and exports. A figure's basis is one of four words:
 * "published", "modelled", "outlook" (the publisher's outlook) and "our forecast".
 */
import type { MethodChoice } from "../query/view-state";
import type { Basis, Dimension, VendorGroup } from "../types";

export const DIMENSION_LABEL: Record<Dimension | "total" | "group", string> = {
  total: "Total",
  group: "Player group",
  type: "Model type",
  sector: "Application sector",
  vendor: "Vendor",
  region: "Region",
};

export function dimensionLabel(d: Dimension | "total" | "group"): string {
  return DIMENSION_LABEL[d];
}

export const VENDOR_GROUP_LABEL: Record<VendorGroup, string> = {
  hyperscaler: "Hyperscaler",
  specialist: "Model specialist",
  "application-specialist": "Application specialist",
  hardware: "Hardware vendor",
  other: "Other vendors",
};

/** The choices of /explore's forecast picker. */
export const METHOD_CHOICE_LABEL: Record<MethodChoice, string> = {
  outlook: "Publisher outlook only",
  auto: "auto (automatic selection)",
  naive: "naive",
  drift: "drift",
  loglinear: "log-linear (constant growth)",
  ses: "simple exponential smoothing",
  holt: "Holt (linear trend)",
  damped: "damped trend",
  ets: "ETS (automatic)",
  theta: "Theta",
  otm: "optimised Theta",
  dotm: "dynamic optimised Theta",
  comb: "Comb S-H-D",
};

/** The bases a figure can have ("scenario": the outlook moved by scenario levers). */
export const BASIS_LABEL = {
  published: "published",
  modelled: "modelled",
  outlook: "outlook",
  forecast: "our forecast",
  scenario: "scenario",
} as const;

export const basisWord = (b: Basis) => BASIS_LABEL[b];

/** How an outlook year past the publisher's last outlook year was made. */
export const EXTENDED_AT_CAGR = "extended at the published CAGR";

/**
 * A data value's basis as a card note: "Published (QYResearch)", "Modelled", or after the history
 * "Outlook (modelled: part of QYResearch's outlook)" — or "Outlook (published)" for a published outlook figure.
 */
export function valueBasisLabel(
  basis: Basis,
  year: number,
  historyTo: number,
  publisher: string,
  outlookYear?: number,
): string {
  if (basis === "scenario") return "Scenario (the outlook moved by our assumptions)";
  if (outlookYear !== undefined && year > outlookYear && year > historyTo)
    return `Outlook (modelled: ${publisher}'s outlook ${EXTENDED_AT_CAGR})`;
  if (year > historyTo)
    return basis === "published"
      ? `Outlook (published by ${publisher})`
      : `Outlook (modelled: part of ${publisher}'s outlook)`;
  return basis === "published" ? `Published (${publisher})` : "Modelled";
}

const METHOD_WORDS: [RegExp, string][] = [
  [/^loggrowth\(shrunk,damped\)/, "tempered past growth rate"],
  [/^median\(/, "median of ETS, optimised Theta and drift"],
  [/^mean\(drift,naive\)/, "mean of drift and no-change"],
  [/^ets\(([AMN]),([AMN]d?),N\)/, "exponential smoothing"],
  [/^dotm/, "dynamic optimised Theta"],
  [/^otm/, "optimised Theta"],
  [/^theta/, "Theta"],
  [/^drift/, "random walk with drift"],
  [/^naive/, "no change (naive)"],
  [/^loglinear/, "constant growth (log-linear)"],
  [/^ses/, "simple exponential smoothing"],
  [/^holt/, "Holt's linear trend"],
  [/^damped/, "damped trend"],
  [/^comb/, "mean of SES, Holt and damped"],
];

/**
 * A forecast method as the library reports it ("auto:loggrowth(shrunk,damped)+share-trend") in plain
 * words ("auto: tempered past growth rate, split by share trend"), for legends, cards and exports.
 */
export function methodLabel(method: string): string {
  const [core, ...suffixes] = method.split("+");
  const [head, detail] = core.includes(":")
    ? [core.slice(0, core.indexOf(":")), core.slice(core.indexOf(":") + 1)]
    : ["", core];
  const words = METHOD_WORDS.find(([re]) => re.test(detail))?.[1] ?? detail;
  const constant = detail === "constant" ? "constant series" : words;
  const tail = suffixes.includes("share-trend") ? ", split by share trend" : "";
  return `${head ? `${head}: ` : ""}${constant}${tail}`;
}

/** The phase of a stacked chart's year, in the basis vocabulary. */
export const phaseWord = (phase: string, method?: string) =>
  phase === "history"
    ? "history, modelled"
    : phase === "forecast"
      ? `${BASIS_LABEL.forecast}${method ? ` (${methodLabel(method)})` : ""}, modelled`
      : `publisher ${BASIS_LABEL.outlook}, modelled`;
