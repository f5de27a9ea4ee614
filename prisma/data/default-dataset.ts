/**
 * The default data set: the global Large-scale AI Models market, built around the three figures
 * QYResearch publishes (2024 and 2031 size, 2025-2031 CAGR). Every other number is modelled.
 */
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { affinities } from "./affinities";
import { otherEstimates, outlook, published } from "./estimates";
import { marginals } from "./marginals";
import { modelTypes, regions, sectors } from "./members";
import { totals } from "./totals";
import { vendors } from "./vendors";

/**
 * What the default data set is apart from its figures: members, methods and sources of each split,
 * affinities, notes, outlook and other estimates. Its figures (yearly totals and the splits at
 * their anchor years) live in default-dataset.csv, in the import format, and are loaded through
 * the importer (lib/server/admin/default-data.ts).
 */
export const defaultProfile: DatasetDefinition = {
  key: "large-scale-ai-models-global",
  title: "Large-scale AI Models, global",
  publisher: "QYResearch",
  edition: "2026 (Global Market Share and Ranking, Overall Sales and Demand Forecast 2026-2032)",
  currency: "USD",
  unit: "US$ M",
  firstYear: 2021,
  historyTo: 2025,
  lastYear: 2032,
  members: { type: modelTypes, sector: sectors, vendor: vendors, region: regions },
  totals,
  marginals,
  affinities,
  published,
  outlook,
  otherEstimates,
  notes: [
    "Only three numbers are published: US$ 8,934 M in 2024, US$ 19,700 M in 2031 and a 12.1% CAGR for " +
      "2025-2031. They come out of the data set exactly; every other number is modelled and marked so.",
    "2025 is the value the published 2031 size and CAGR imply (19,700 / 1.121^6, about US$ 9,927 M). " +
      "2026-2030 follow the same 12.1% a year, and 2032 extends it one more year.",
    "2021-2023 are worked back from 2024 with assumed growth of 20%, 25% and 22% a year: faster than the " +
      "publisher's forward path, with the peak in 2023 after ChatGPT's launch, but far below the 30-40% " +
      "that LLM-only estimates show on a much narrower base.",
    "The splits by model type, sector, vendor and region are not published. Each is a set of shares at a " +
      "few anchor years, chosen from public proxies (listed with each split) and interpolated in straight " +
      "lines between them; each year's shares add up to 100%.",
    "The proxies measure other things (AI spend, API usage, token calls, cloud revenue), so they serve as " +
      "weights, never as facts about this market. Vendor shares in particular are indicative.",
    "The full cube (year × type × sector × vendor × region) is fitted with iterative proportional fitting: " +
      "it starts from the product of the shares, weighted by known affinities (for example, Chinese vendors " +
      "sell mainly in Asia-Pacific), and is rescaled until every split and every yearly total matches " +
      "exactly. Any filter combination therefore adds up to the totals shown.",
    "Other firms size comparable markets very differently (US$ 3.5-11.5 B for 2024, growing 20-40% a year) " +
      "because their scopes differ; they are shown beside this data set, not blended into it.",
  ],
};

/**
 * The same data set with its figures written in TypeScript: kept as the reference the CSV is
 * checked against (lib/import/default-csv.test.ts) and to regenerate it (scripts/data/write-default-csv.ts).
 */
export const defaultDataset: DatasetDefinition = defaultProfile;
