/**
 * Public sources behind the default data set. Labels name the firm and the page; URLs are given
 * where the page address is known in full (otherwise only the label).
 */
import type { SourceRef } from "@/lib/market/cube/definition";

/**
 * The release as QYResearch publishes it (the link goes to the publisher's own site, where its reports
 * are listed); the full text we read is a repost on a blog, named as such in the label.
 */
export const QY_RELEASE: SourceRef = {
  label:
    "QYResearch press release: Large-scale AI Models – Global Market Share and Ranking, Overall Sales and Demand Forecast 2026-2032 (publisher's site; full text read in a blog repost: tblo.tennis365.net/qyresearch168/?p=8426)",
  url: "https://www.qyresearch.com/",
  date: "2026-04-10",
};

export const GARTNER_GENAI_MODELS: SourceRef = {
  label: "Gartner press release: worldwide end-user spending on GenAI models to total $14.2 billion in 2025 (reprint)",
  url: "https://ncnonline.net/gartner-forecasts-worldwide-end-user-spending-on-genai-models-to-total-14-2-billion-in-2025/",
  date: "2025-07-10",
};

export const GRAND_VIEW_LLM: SourceRef = {
  label: "Grand View Research: Large Language Model (LLM) market report (quoted second-hand)",
  url: "https://grandviewresearch.com/industry-analysis/large-language-model-llm-market-report",
};

export const MARKETS_AND_MARKETS_LLM: SourceRef = {
  label: "“LLM market” estimate usually credited to MarketsandMarkets (secondary copies; attribution uncertain)",
};

export const BONAFIDE_LLM: SourceRef = {
  label: "Bonafide Research: Global Large Language Model market (press page)",
  url: "https://actualmarketresearch.com/press/250549147/global-large-language-model-market",
};

export const PRECEDENCE_LLM: SourceRef = {
  label: "Precedence Research: Large Language Model market (cited second-hand)",
  url: "https://precedenceresearch.com/large-language-model-market",
  date: "2025",
};

export const MORDOR_LLM: SourceRef = {
  label: "Mordor Intelligence: Large Language Model market (search-snippet quote only)",
  date: "2025",
};

export const UNATTRIBUTED_LLM: SourceRef = {
  label: "Brief.news: “Compact LLMs challenge giants” (figure without a named research firm)",
  url: "https://brief.news/ai/2024/04/16/compact-llms-challenge-giants",
  date: "2024-04-17",
};

export const MENLO_2025: SourceRef = {
  label: "Menlo Ventures: 2025 – The State of Generative AI in the Enterprise",
  url: "https://menlovc.com/perspective/2025-the-state-of-generative-ai-in-the-enterprise/",
  date: "2025-12-09",
};

export const MENLO_MIDYEAR_2025: SourceRef = {
  label: "Menlo Ventures: 2025 Mid-Year LLM Market Update",
  url: "https://menlovc.com/perspective/2025-mid-year-llm-market-update/",
  date: "2025-07",
};

export const MENLO_USAGE_ZDNET: SourceRef = {
  label: "ZDNet on Menlo Ventures' mid-2025 enterprise LLM API usage survey",
  url: "https://zdnet.com/article/anthropic-beats-openai-as-the-top-llm-provider-for-business-and-its-not-even-close/",
  date: "2025-08-02",
};

export const A16Z_CIO: SourceRef = {
  label: "a16z survey of 100 Global 2000 CIOs (secondary report)",
  url: "https://longportapp.com/news/274487064",
  date: "2026-02-02",
};

export const SYNERGY_CLOUD: SourceRef = {
  label: "Synergy Research Group cloud infrastructure market shares (secondary reports)",
  url: "https://cargoson.com/en/blog/aws-vs-azure-vs-google-quota-de-mercado-cloud",
  date: "2025-08",
};

export const IDC_CHINA_LLM_2023: SourceRef = {
  label: "IDC China: LLM platform and application market shares, 2023 (secondary report)",
  url: "https://1ai.net/18435.html",
  date: "2024-08-21",
};

export const IDC_OMDIA_CHINA_2025: SourceRef = {
  label: "IDC China token-call shares (2025H1) and Omdia China AI cloud revenue shares (H1 2025), secondary report",
  url: "https://m.caizhongshe.cn/news-7881476887969338575.html",
  date: "2025-10-12",
};

export const FROST_CHINA_TOKENS: SourceRef = {
  label: "Frost & Sullivan: China enterprise LLM daily token shares, 2025H2 (secondary report)",
  url: "https://gubaposthk.eastmoney.com/news,usbaba,1670540195.html",
  date: "2026-02",
};

export const CHINA_LARGE_MODEL_MARKET: SourceRef = {
  label: "China AI large-model market by general / industry / vertical models (中商产业研究院, secondary report)",
  url: "https://my67778.com/news/chanye/20250218/083615273983897485261402_3.shtml",
  date: "2025-02-18",
};

export const IDC_AI_SPENDING: SourceRef = {
  label: "IDC: A deep dive into IDC's global AI and generative AI spending",
  url: "https://blogs.idc.com/2024/08/16/a-deep-dive-into-idcs-global-ai-and-generative-ai-spending/",
  date: "2024-08",
};

export const IDC_REGIONAL: SourceRef = {
  label: "IDC regional AI spending forecasts: Europe $133B and Asia-Pacific $175B by 2028 (secondary reports)",
  url: "https://sipoch.com/en/article/300330023097653",
  date: "2025",
};

export const PRESCIENT_REGIONS: SourceRef = {
  label: "Prescient & Strategic Intelligence: generative AI market by region, 2024 (quoted by 33rd Square)",
  url: "https://33rdsquare.com/generative-ai-statistics/",
  date: "2024",
};

export const STATISTA_AI: SourceRef = {
  label: "Statista: AI market 2024 by country and 2022 by industry (quoted by Sustainable Value Investors)",
  date: "2024-09-05",
};

export const INFOSYS_APAC: SourceRef = {
  label: "Infosys Knowledge Institute: Asia-Pacific generative AI spending 2024 (reported by CDO Magazine)",
  date: "2024",
};
