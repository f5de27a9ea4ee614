/**
 * Seed interactions for the fit (default weight 1). They shape how the marginals combine, e.g.
 * where each vendor sells; the fitted cube still matches every marginal exactly.
 */
import type { AffinityDefinition } from "@/lib/market/cube/definition";

type Weights = AffinityDefinition["weights"];

/** One `a` member against several `b` members. */
function across(a: string, byB: Record<string, number>): Weights {
  return Object.entries(byB).map(([b, weight]) => ({ a, b, weight }));
}

const CHINA_REGIONS = {
  "north-america": 0.05,
  europe: 0.25,
  "asia-pacific": 8,
  "latin-america": 0.4,
  "middle-east-africa": 0.6,
};
const US_MODEL_REGIONS = {
  "north-america": 1.4,
  europe: 1.1,
  "asia-pacific": 0.6,
  "latin-america": 0.9,
  "middle-east-africa": 0.8,
};
const US_CLOUD_REGIONS = {
  "north-america": 1.25,
  europe: 1.15,
  "asia-pacific": 0.7,
  "latin-america": 1,
  "middle-east-africa": 0.9,
};

export const affinities: AffinityDefinition[] = [
  {
    a: "vendor",
    b: "region",
    weights: [
      ...across("baidu", CHINA_REGIONS),
      ...across("tencent", CHINA_REGIONS),
      ...across("alibaba", { ...CHINA_REGIONS, "asia-pacific": 6, "middle-east-africa": 0.8 }),
      ...across("huawei", { ...CHINA_REGIONS, "asia-pacific": 6, "latin-america": 0.8, "middle-east-africa": 1.6 }),
      ...across("openai", US_MODEL_REGIONS),
      ...across("anthropic", { ...US_MODEL_REGIONS, "asia-pacific": 0.5 }),
      ...across("aws", US_CLOUD_REGIONS),
      ...across("microsoft", US_CLOUD_REGIONS),
      ...across("google", US_CLOUD_REGIONS),
      ...across("ibm", { "north-america": 1.2, europe: 1.2, "asia-pacific": 0.7 }),
      ...across("cohere", { "north-america": 1.4, europe: 1.2, "asia-pacific": 0.6 }),
      ...across("rasa", { europe: 1.5, "north-america": 1.1, "asia-pacific": 0.6 }),
      ...across("others", { "asia-pacific": 1.6 }),
    ],
    reason:
      "Chinese vendors sell almost only in China, so they sit in Asia-Pacific (Huawei also serves telecom and " +
      "government clients in the Middle East, Africa and Latin America; Alibaba Cloud has regions across Asia " +
      "and the Gulf). US model developers and cloud platforms sell most in North America and Europe and are " +
      "largely absent from mainland China. Cohere (Canadian) and Rasa (founded in Berlin) lean to their home markets. 'Others' holds the rest of " +
      "China's vendors (ByteDance's Volcano Engine, DeepSeek, Zhipu, SenseTime), so it leans to Asia-Pacific too.",
  },
  {
    a: "type",
    b: "sector",
    weights: [
      ...across("industry-specific", {
        healthcare: 1.8,
        bfsi: 1.6,
        manufacturing: 1.5,
        "autonomous-vehicles": 1.3,
        "it-telecom": 0.7,
        education: 0.8,
        "entertainment-media": 0.7,
      }),
      ...across("vertically-specialized", {
        manufacturing: 1.4,
        "autonomous-vehicles": 1.6,
        "retail-ecommerce": 1.3,
        "entertainment-media": 1.2,
        "it-telecom": 0.8,
      }),
      ...across("general-purpose", { "it-telecom": 1.3, education: 1.3, "entertainment-media": 1.2, healthcare: 0.8 }),
    ],
    reason:
      "Regulated, data-rich industries (healthcare, BFSI, manufacturing) buy models trained on their own " +
      "domain; single-task models dominate visual inspection, driving perception and retail content; coding, " +
      "IT operations, tutoring and content creation run mostly on general-purpose assistants.",
  },
  {
    a: "vendor",
    b: "sector",
    weights: [
      ...across("rasa", {
        "it-telecom": 2,
        bfsi: 2,
        "retail-ecommerce": 2,
        healthcare: 0.8,
        manufacturing: 0.3,
        "autonomous-vehicles": 0.05,
        "entertainment-media": 0.5,
        education: 0.7,
      }),
      ...across("nvidia", {
        "autonomous-vehicles": 4,
        manufacturing: 2.5,
        healthcare: 1.3,
        "entertainment-media": 1.2,
        bfsi: 0.6,
        education: 0.5,
        "retail-ecommerce": 0.7,
      }),
      ...across("ibm", { bfsi: 1.7, healthcare: 1.3, "it-telecom": 1.3, "entertainment-media": 0.5, education: 0.6 }),
      ...across("baidu", { "autonomous-vehicles": 3, education: 1.2 }),
      ...across("huawei", { "it-telecom": 1.6, manufacturing: 1.6, "retail-ecommerce": 0.6 }),
      ...across("alibaba", { "retail-ecommerce": 2 }),
      ...across("tencent", { "entertainment-media": 2.2, "retail-ecommerce": 1.2 }),
      ...across("anthropic", { "it-telecom": 1.5, "autonomous-vehicles": 0.3 }),
      ...across("openai", { "it-telecom": 1.3, education: 1.3, "autonomous-vehicles": 0.3 }),
      ...across("google", { healthcare: 1.3, "autonomous-vehicles": 1.3 }),
      ...across("meta", { "entertainment-media": 1.8, "retail-ecommerce": 1.3 }),
    ],
    reason:
      "Rasa sells conversational assistants, used most by telecom, banking and retail service desks. NVIDIA's " +
      "model and platform software centres on driving, robotics and factory simulation, plus healthcare. IBM " +
      "serves banks and hospitals; Baidu runs a robotaxi programme; Huawei works with operators and factories; " +
      "Alibaba and Tencent carry their e-commerce and games/media roots; Anthropic and OpenAI are strongest in " +
      "coding; Google has medical models and a self-driving affiliate; Meta's models feed media and advertising.",
  },
  {
    a: "vendor",
    b: "type",
    weights: [
      ...across("hugging-face", { "vertically-specialized": 3, "industry-specific": 1.5, "general-purpose": 0.5 }),
      ...across("rasa", { "vertically-specialized": 3, "industry-specific": 1.2, "general-purpose": 0.3 }),
      ...across("nvidia", { "vertically-specialized": 2, "industry-specific": 1.5, "general-purpose": 0.6 }),
      ...across("ibm", { "industry-specific": 2, "vertically-specialized": 1.2, "general-purpose": 0.7 }),
      ...across("cohere", { "industry-specific": 1.3 }),
      ...across("openai", { "general-purpose": 1.5, "industry-specific": 0.6, "vertically-specialized": 0.5 }),
      ...across("anthropic", { "general-purpose": 1.5, "industry-specific": 0.6, "vertically-specialized": 0.5 }),
      ...across("meta", { "general-purpose": 1.5, "vertically-specialized": 0.7 }),
      ...across("baidu", { "industry-specific": 1.5, "vertically-specialized": 1.2 }),
      ...across("tencent", { "industry-specific": 1.3, "vertically-specialized": 1.3 }),
      ...across("alibaba", { "industry-specific": 1.3, "vertically-specialized": 1.2 }),
      ...across("huawei", { "industry-specific": 2, "vertically-specialized": 1.3 }),
      ...across("others", { "industry-specific": 1.3, "vertically-specialized": 1.4 }),
    ],
    reason:
      "Hugging Face hosts thousands of narrow fine-tuned transformers; Rasa's assistants are task-specific; " +
      "NVIDIA and IBM ship domain and task models; the frontier developers sell mostly general models; " +
      "China's cloud vendors sell many industry editions of their models (Huawei's Pangu above all); " +
      "start-ups among 'Others' cluster in specialised niches.",
  },
];
