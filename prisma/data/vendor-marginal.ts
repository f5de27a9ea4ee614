/**
 * Modelled vendor shares at anchor years. No revenue of any player in this market is published:
 * the shares are weights drawn from usage, spend and cloud-share surveys, and are labelled modelled.
 */
import type { MarginalDefinition } from "@/lib/market/cube/definition";
import {
  A16Z_CIO,
  FROST_CHINA_TOKENS,
  IDC_CHINA_LLM_2023,
  IDC_OMDIA_CHINA_2025,
  MENLO_2025,
  MENLO_USAGE_ZDNET,
  STATISTA_AI,
  SYNERGY_CLOUD,
} from "./sources";

type VendorShares = Record<string, number>;

// Anchor shares carry a third digit where two vendors would otherwise tie exactly: a tie of round
// numbers is an artefact of rounding, not a finding, and it showed as identical modelled values.
// Columns, in order: OpenAI, Google, Microsoft, Meta, AWS, IBM, Baidu, Tencent, Alibaba, Huawei,
// Anthropic, Hugging Face, Cohere, Rasa, NVIDIA, Others.
const SLUGS = [
  "openai",
  "google",
  "microsoft",
  "meta",
  "aws",
  "ibm",
  "baidu",
  "tencent",
  "alibaba",
  "huawei",
  "anthropic",
  "hugging-face",
  "cohere",
  "rasa",
  "nvidia",
  "others",
] as const;

function row(values: readonly number[]): VendorShares {
  if (values.length !== SLUGS.length) throw new Error(`vendor share row needs ${SLUGS.length} values`);
  return Object.fromEntries(SLUGS.map((slug, i) => [slug, values[i]]));
}

export const vendorMarginal: MarginalDefinition = {
  dimension: "vendor",
  anchors: [
    //                 OAI   GOOG  MSFT  META  AWS   IBM   BIDU   TCNT   BABA   HUAW   ANTH   HF     COH   RASA   NVDA   OTH
    {
      year: 2021,
      shares: row([
        0.082, 0.13, 0.1, 0.031, 0.078, 0.07, 0.042, 0.02, 0.038, 0.029, 0.005, 0.015, 0.011, 0.009, 0.03, 0.31,
      ]),
    },
    {
      year: 2024,
      shares: row([
        0.22, 0.09, 0.081, 0.031, 0.06, 0.029, 0.027, 0.013, 0.04, 0.018, 0.079, 0.011, 0.009, 0.004, 0.025, 0.263,
      ]),
    },
    {
      year: 2025,
      shares: row([
        0.22, 0.095, 0.075, 0.03, 0.06, 0.028, 0.026, 0.014, 0.042, 0.019, 0.11, 0.011, 0.009, 0.004, 0.027, 0.23,
      ]),
    },
    {
      year: 2028,
      shares: row([
        0.2, 0.1, 0.07, 0.029, 0.06, 0.024, 0.026, 0.015, 0.045, 0.02, 0.13, 0.011, 0.01, 0.004, 0.031, 0.225,
      ]),
    },
    {
      year: 2032,
      shares: row([
        0.175, 0.11, 0.061, 0.03, 0.059, 0.02, 0.021, 0.016, 0.048, 0.023, 0.14, 0.014, 0.01, 0.004, 0.035, 0.234,
      ]),
    },
  ],
  method:
    "Weights, not facts. US and global vendors follow enterprise spend and usage surveys: Menlo's spend shares " +
    "(Anthropic 12% → 24% → 40% in 2023-2025, OpenAI 50% → 27%, Google 7% → 21%; a US survey by an Anthropic " +
    "investor) against the a16z CIO survey (OpenAI about 56% of LLM wallet share). OpenAI stays the largest, as " +
    "it also earns subscription revenue the surveys miss; Anthropic rises fastest; Google gains on its own " +
    "models. Microsoft and AWS are weighted by their cloud platforms (Synergy: AWS 28-30%, Azure 20-21%, Google " +
    "13-15% of cloud infrastructure) but only a slice of that is model revenue. Meta earns little directly from " +
    "its open Llama models (about 9% of API usage). The Chinese vendors are China's share of the market (about " +
    "16-18% of global AI, Statista) times their China shares (IDC: Baidu 19.9% of LLM platforms in 2023; Omdia, " +
    "H1 2025 AI cloud: Alibaba 35.8%, Huawei 13.1%, Tencent 7%, Baidu 6.1%; token shares put Alibaba second " +
    "to Volcano Engine in public-cloud calls (IDC) and first in enterprise use (Frost & Sullivan)), so Alibaba " +
    "gains and Baidu slips. NVIDIA counts " +
    "only its model and platform software, not GPUs. 'Others' stays large (about a quarter): ByteDance's " +
    "Volcano Engine alone leads China's token calls, and open-weight models and start-ups hold their ground.",
  sources: [
    MENLO_2025,
    MENLO_USAGE_ZDNET,
    A16Z_CIO,
    SYNERGY_CLOUD,
    IDC_CHINA_LLM_2023,
    IDC_OMDIA_CHINA_2025,
    FROST_CHINA_TOKENS,
    STATISTA_AI,
  ],
};
