/** The 15 named players of the release plus "Others", with their group and role in this market. */
import type { MemberDefinition } from "@/lib/market/cube/definition";

export const vendors: MemberDefinition[] = [
  {
    slug: "openai",
    name: "OpenAI",
    group: "hyperscaler",
    description: "Developer of the GPT models and ChatGPT; sells model access by API and by subscription.",
  },
  {
    slug: "google",
    name: "Google",
    group: "hyperscaler",
    description:
      "Builds the Gemini family and domain models such as Med-PaLM; sells them through Google Cloud on its own TPUs.",
  },
  {
    slug: "microsoft",
    name: "Microsoft",
    group: "hyperscaler",
    description: "Serves OpenAI and its own models to enterprises through Azure and builds them into its software.",
  },
  {
    slug: "meta",
    name: "Meta",
    group: "hyperscaler",
    description:
      "Publishes the open-weight Llama models, widely fine-tuned by others; earns little from them directly.",
  },
  {
    slug: "aws",
    name: "AWS",
    group: "hyperscaler",
    description:
      "Amazon's cloud: offers its own and third-party models as a managed service, plus training infrastructure.",
  },
  {
    slug: "ibm",
    name: "IBM",
    group: "hyperscaler",
    description: "Sells the watsonx platform and Granite models to regulated enterprises, often with industry tuning.",
  },
  {
    slug: "baidu",
    name: "Baidu",
    group: "hyperscaler",
    description:
      "Chinese search and cloud company behind the ERNIE models; an early leader of China's LLM platform market.",
  },
  {
    slug: "tencent",
    name: "Tencent",
    group: "hyperscaler",
    description: "Chinese internet group with the Hunyuan models, used across its games, social and cloud businesses.",
  },
  {
    slug: "alibaba",
    name: "Alibaba",
    group: "hyperscaler",
    description:
      "Chinese e-commerce and cloud leader behind the Qwen models, both open-weight and served on Alibaba Cloud.",
  },
  {
    slug: "huawei",
    name: "Huawei",
    group: "hyperscaler",
    description: "Offers the Pangu models for government and industry on its own cloud and Ascend chips.",
  },
  {
    slug: "anthropic",
    name: "Anthropic",
    group: "specialist",
    description: "Developer of the Claude models, sold mainly to enterprises and developers by API; strong in coding.",
  },
  {
    slug: "hugging-face",
    name: "Hugging Face",
    group: "specialist",
    description: "Hub and tooling for open models; hosts and serves many specialised and fine-tuned transformers.",
  },
  {
    slug: "cohere",
    name: "Cohere",
    group: "specialist",
    description: "Builds enterprise-focused language, retrieval and reranking models, often deployed privately.",
  },
  {
    slug: "rasa",
    name: "Rasa",
    group: "application-specialist",
    description: "Conversational-AI platform for building assistants and chatbots on top of language models.",
  },
  {
    slug: "nvidia",
    name: "NVIDIA",
    group: "hardware",
    description:
      "Its GPUs carry nearly all training and serving; counted here only for its own model and platform software revenue.",
  },
  {
    slug: "others",
    name: "Others",
    group: "other",
    description:
      "Everyone else: other Chinese vendors (ByteDance, DeepSeek, Zhipu, SenseTime…), Mistral, xAI and many start-ups.",
  },
];
