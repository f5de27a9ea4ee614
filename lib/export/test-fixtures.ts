/** Specs shared by the export tests: a total-forecast chart and a 16-vendor chart with long labels. */
import type { ChartExportSpec } from "./chart-spec";
import type { DescribedSeries } from "@/lib/chart/description";
import { memberColor, ROLE } from "@/lib/chart/palette";
import { FORECAST_LEVELS } from "@/lib/market/series/forecast-series";

const YEARS = Array.from({ length: 12 }, (_, i) => 2021 + i);

export const totalSpec: ChartExportSpec = {
  id: "overview-total",
  title: "Total market 2021-2032 (US$ M)",
  subtitle: "All sectors · All regions · All vendors · 2021-2032",
  kind: "total-forecast",
  unit: "US$ M",
  currency: "USD",
  historyTo: 2025,
  series: [
    {
      key: "total",
      label: "Total market",
      color: ROLE.history,
      points: YEARS.map((year, i) => ({
        year,
        value: year === 2024 ? 8934 : year === 2031 ? 19700 : 6000 * 1.121 ** i + 0.123456789,
        basis: year === 2024 || year === 2031 ? "published" : "modelled",
      })),
    },
  ],
  outlook: {
    label: "QYResearch outlook",
    color: ROLE.outlook,
    points: [2025, 2031].map((year) => ({ year, value: year === 2031 ? 19700 : 10015.2, basis: "modelled" as const })),
  },
  forecast: {
    label: "Forecast (auto-selected method)",
    color: ROLE.forecast,
    points: YEARS.filter((y) => y > 2025).map((year, i) => ({ year, value: 10500 * 1.12 ** i })),
    bands: FORECAST_LEVELS.map((level) => ({
      level,
      points: YEARS.filter((y) => y > 2025).map((year, i) => ({
        year,
        lower: 10500 * 1.12 ** i * (1 - (level / 1000) * (i + 1)),
        upper: 10500 * 1.12 ** i * (1 + (level / 1000) * (i + 1)),
      })),
    })),
  },
  source: { publisher: "QYResearch", datasetId: "qyr-2025-1", modelled: true },
  permalink: "https://market.example.com/?from=2021&to=2032",
};

const VENDORS = [
  "OpenAI",
  "Google DeepMind and Google Cloud Vertex AI",
  "Microsoft Azure AI Foundry",
  "Anthropic",
  "Meta Platforms (Llama models)",
  "Amazon Web Services Bedrock and Titan",
  "Alibaba Cloud Qwen",
  "Baidu ERNIE Bot and Qianfan platform",
  "Mistral AI",
  "Cohere",
  '=HYPERLINK("https://evil.example","click")',
  "+1 Tencent Hunyuan",
  "-2 iFlytek Spark",
  "@x Huawei Cloud Pangu",
  "NVIDIA NeMo and Nemotron model family",
  "Others (all remaining vendors, including regional specialists and open-weight communities)",
];

const VENDOR_KEYS = VENDORS.map((_, v) => (v === VENDORS.length - 1 ? "others" : `vendor-${v}`));

export const vendorSeries: DescribedSeries[] = VENDORS.map((label, v) => ({
  key: VENDOR_KEYS[v],
  label,
  color: memberColor(VENDOR_KEYS, VENDOR_KEYS[v]),
  points: YEARS.map((year, i) => ({ year, value: (v + 1) * 37.5 * 1.1 ** i + 1 / 3, basis: "modelled" as const })),
}));

export const vendorSpec: ChartExportSpec = {
  id: "vendors",
  title: "Market by vendor, 2021-2032 (US$ M): every named vendor and the rest of the market",
  subtitle: "Sector: Healthcare · Region: Europe · 2021-2032",
  kind: "stacked-bar",
  unit: "US$ M",
  currency: "USD",
  historyTo: 2025,
  series: vendorSeries,
  source: { publisher: "QYResearch", datasetId: "qyr-2025-1", modelled: true },
  permalink:
    "https://market.example.com/vendors?by=vendor&sector=healthcare&region=europe&from=2021&to=2032&dataset=qyr-2025-1",
};
