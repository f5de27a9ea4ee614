/** Model types, application sectors and regions of the default data set (vendors: ./vendors.ts). */
import type { MemberDefinition } from "@/lib/market/cube/definition";

export const modelTypes: MemberDefinition[] = [
  {
    slug: "general-purpose",
    name: "General-purpose",
    description:
      "Foundation models trained on broad data so that one model can chat, write, code, summarise or draw across " +
      "many domains; buyers adapt them with prompts, retrieval or light fine-tuning. GPT-4, Gemini and Claude are typical.",
  },
  {
    slug: "industry-specific",
    name: "Industry-specific",
    description:
      "Models pre-trained or fine-tuned on one industry's data and vocabulary (medicine, finance, industry) to meet " +
      "that industry's accuracy and compliance needs, such as Med-PaLM or watsonx offerings for healthcare.",
  },
  {
    slug: "vertically-specialized",
    name: "Vertically specialized",
    description:
      "Narrow models built for a single task inside an industry, such as reviewing contracts, drafting marketing copy " +
      "or inspecting one product line on camera; often small, distilled and run close to the data.",
  },
];

export const sectors: MemberDefinition[] = [
  {
    slug: "it-telecom",
    name: "IT & Telecom",
    description: "Software, IT services and network operators, the heaviest users of coding and operations assistants.",
    useCases: ["Automated network management", "Detection of cybersecurity threats", "Customer-support chatbots"],
  },
  {
    slug: "healthcare",
    name: "Healthcare",
    description: "Providers, payers, pharma and life-science research.",
    useCases: [
      "Drug discovery",
      "Medical image reading in radiology and pathology",
      "Personalised treatment plans",
      "Clinical documentation",
    ],
  },
  {
    slug: "bfsi",
    name: "BFSI",
    description: "Banking, financial services and insurance.",
    useCases: [
      "Real-time fraud detection",
      "Credit-risk assessment",
      "Regulatory compliance checks",
      "Financial advice",
    ],
  },
  {
    slug: "retail-ecommerce",
    name: "Retail & eCommerce",
    description: "Store and online retailers and marketplaces.",
    useCases: [
      "Product recommendations",
      "Dynamic pricing",
      "Marketing content generation",
      "Customer-service chatbots",
    ],
  },
  {
    slug: "autonomous-vehicles",
    name: "Autonomous Vehicles",
    description: "Self-driving and driver-assistance systems, from robotaxis to advanced driver assistance.",
    useCases: ["Perception of the driving scene", "Driving decisions and planning"],
  },
  {
    slug: "manufacturing",
    name: "Manufacturing",
    description: "Discrete and process manufacturers and their supply chains.",
    useCases: ["Predictive maintenance", "Supply-chain optimisation", "Visual quality control"],
  },
  {
    slug: "entertainment-media",
    name: "Entertainment & Media",
    description: "Film, games, publishing, streaming and social media.",
    useCases: ["Visual effects", "Content recommendations", "Script writing and content creation"],
  },
  {
    slug: "education",
    name: "Education",
    description: "Schools, universities and learning platforms.",
    useCases: ["Personalised learning paths", "Automated grading", "Intelligent tutoring"],
  },
  {
    slug: "others",
    name: "Others",
    description: "All other sectors, such as government, legal, energy and agriculture.",
    useCases: ["Document and knowledge work in sectors not listed separately"],
  },
];

export const regions: MemberDefinition[] = [
  {
    slug: "north-america",
    name: "North America",
    description:
      "The United States and Canada: home of most leading model developers and the largest enterprise buyers.",
  },
  {
    slug: "europe",
    name: "Europe",
    description:
      "Western, Northern, Southern and Eastern Europe; large buyer base, with regulation (the EU AI Act) shaping adoption.",
  },
  {
    slug: "asia-pacific",
    name: "Asia-Pacific",
    description:
      "China, Japan, South Korea, India, South-East Asia and Oceania; China has its own ecosystem of model vendors.",
  },
  {
    slug: "latin-america",
    name: "Latin America",
    description: "Mexico, Central and South America and the Caribbean; mostly served by global cloud platforms.",
  },
  {
    slug: "middle-east-africa",
    name: "Middle East & Africa",
    description:
      "The Gulf states, the rest of the Middle East and Africa; state-backed AI programmes drive much of the demand.",
  },
];
