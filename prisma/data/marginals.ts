/**
 * Modelled shares by model type, sector and region at anchor years (vendors: ./vendor-marginal.ts).
 * None of these splits is published for this market: the shares are calibrated to public proxies,
 * used as weights, and every one is labelled as modelled in the app.
 */
import type { MarginalDefinition } from "@/lib/market/cube/definition";
import {
  CHINA_LARGE_MODEL_MARKET,
  GARTNER_GENAI_MODELS,
  IDC_AI_SPENDING,
  IDC_REGIONAL,
  INFOSYS_APAC,
  MENLO_2025,
  PRESCIENT_REGIONS,
  STATISTA_AI,
} from "./sources";
import { vendorMarginal } from "./vendor-marginal";

export const typeMarginal: MarginalDefinition = {
  dimension: "type",
  anchors: [
    { year: 2021, shares: { "general-purpose": 0.66, "industry-specific": 0.22, "vertically-specialized": 0.12 } },
    { year: 2023, shares: { "general-purpose": 0.72, "industry-specific": 0.18, "vertically-specialized": 0.1 } },
    { year: 2024, shares: { "general-purpose": 0.7, "industry-specific": 0.19, "vertically-specialized": 0.11 } },
    { year: 2028, shares: { "general-purpose": 0.6, "industry-specific": 0.25, "vertically-specialized": 0.15 } },
    { year: 2032, shares: { "general-purpose": 0.52, "industry-specific": 0.3, "vertically-specialized": 0.18 } },
  ],
  method:
    "The two public proxies are far apart. Gartner puts specialised models at only 5.3% (2024) and 8.1% (2025) " +
    "of end-user spending on GenAI models, but it counts model spend alone, so a foundation model tuned on a " +
    "firm's data still counts as foundation. A Chinese estimate with the same three-way split puts industry " +
    "models at about 74% (2023) and 56% (2024) of China's market, where much revenue is private, project-based " +
    "industry deployment. This market's 2024 base is larger than Gartner's, so its scope is broader than model " +
    "spend, and China is only part of it. The split therefore sits between the two: specialised types about 30% " +
    "in 2024. Before ChatGPT (2021) task-tuned models weighed more (34%); the 2023 boom of chat and API use " +
    "lifted general-purpose models to their peak (72%). From 2024 specialised types gain about 2.2 points a " +
    "year as firms fine-tune on their own data (the release's 'shift from general to specialised'; Gartner " +
    "expects most enterprise GenAI models to be domain-specific by 2027, by count), reaching 48% in 2032.",
  sources: [GARTNER_GENAI_MODELS, CHINA_LARGE_MODEL_MARKET],
};

export const sectorMarginal: MarginalDefinition = {
  dimension: "sector",
  anchors: [
    {
      year: 2021,
      shares: {
        "it-telecom": 0.2,
        healthcare: 0.12,
        bfsi: 0.19,
        "retail-ecommerce": 0.13,
        "autonomous-vehicles": 0.05,
        manufacturing: 0.11,
        "entertainment-media": 0.06,
        education: 0.04,
        others: 0.1,
      },
    },
    {
      year: 2024,
      shares: {
        "it-telecom": 0.22,
        healthcare: 0.13,
        bfsi: 0.17,
        "retail-ecommerce": 0.12,
        "autonomous-vehicles": 0.04,
        manufacturing: 0.1,
        "entertainment-media": 0.08,
        education: 0.05,
        others: 0.09,
      },
    },
    {
      year: 2028,
      shares: {
        "it-telecom": 0.22,
        healthcare: 0.14,
        bfsi: 0.16,
        "retail-ecommerce": 0.115,
        "autonomous-vehicles": 0.045,
        manufacturing: 0.105,
        "entertainment-media": 0.082,
        education: 0.055,
        others: 0.078,
      },
    },
    {
      year: 2032,
      shares: {
        // Third digits keep sectors apart: equal round shares made Healthcare and BFSI identical in 2032.
        "it-telecom": 0.208,
        healthcare: 0.153,
        bfsi: 0.147,
        "retail-ecommerce": 0.112,
        "autonomous-vehicles": 0.052,
        manufacturing: 0.107,
        "entertainment-media": 0.083,
        education: 0.061,
        others: 0.077,
      },
    },
  ],
  method:
    "No sector split exists for large models, so the shares blend AI-spend proxies. IDC: financial services " +
    "take over 20% of AI spending, and finance, software/information and retail together about 45%. Statista " +
    "(2022, all AI): healthcare 15.7%, finance 13.7%, manufacturing 13.7%. Menlo (US enterprise GenAI, 2025): " +
    "coding is the largest departmental use (55%), and healthcare the largest vertical (43% of vertical spend). " +
    "IT & Telecom therefore leads (coding, operations and support assistants), ahead of BFSI; healthcare grows " +
    "fastest as clinical documentation and drug discovery scale. Autonomous vehicles, education and " +
    "entertainment & media have no figure at all: they are kept small and grow slowly, with autonomous " +
    "vehicles dipping after 2021 as general chat use took off and recovering as driving models scale.",
  sources: [IDC_AI_SPENDING, STATISTA_AI, MENLO_2025],
};

export const regionMarginal: MarginalDefinition = {
  dimension: "region",
  anchors: [
    {
      year: 2021,
      shares: {
        "north-america": 0.41,
        europe: 0.27,
        "asia-pacific": 0.26,
        "latin-america": 0.035,
        "middle-east-africa": 0.025,
      },
    },
    {
      year: 2024,
      shares: {
        "north-america": 0.43,
        europe: 0.27,
        "asia-pacific": 0.23,
        "latin-america": 0.04,
        "middle-east-africa": 0.03,
      },
    },
    {
      year: 2028,
      shares: {
        "north-america": 0.42,
        europe: 0.255,
        "asia-pacific": 0.25,
        "latin-america": 0.042,
        "middle-east-africa": 0.033,
      },
    },
    {
      year: 2032,
      shares: {
        "north-america": 0.4,
        europe: 0.245,
        "asia-pacific": 0.27,
        "latin-america": 0.047,
        "middle-east-africa": 0.038,
      },
    },
  ],
  method:
    "Calibrated to the 2024 generative-AI split by region (North America 43%, Europe 29%, Asia-Pacific 21%, the " +
    "remaining ~7% implied for Latin America and Middle East & Africa), tempered by AI-market figures that give " +
    "China alone 18.6% and Japan 4.4% (Statista) and by Asia-Pacific GenAI spend of $3.4B in 2024 (Infosys): " +
    "Asia-Pacific is set at 23% and Europe at 27%. IDC ranks the US first by far (about 53% of AI spending in " +
    "2028), Western Europe second and China third. In 2021 China's early industry deployments gave Asia-Pacific " +
    "more weight; after 2024 Asia-Pacific regains share as Chinese and other Asian adoption scales, and Latin " +
    "America and Middle East & Africa (no figure at all) grow from a small base.",
  sources: [PRESCIENT_REGIONS, STATISTA_AI, INFOSYS_APAC, IDC_AI_SPENDING, IDC_REGIONAL],
};

export const marginals: MarginalDefinition[] = [typeMarginal, sectorMarginal, vendorMarginal, regionMarginal];
