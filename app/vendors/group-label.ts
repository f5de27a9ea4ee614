import type { VendorGroup } from "@/lib/market/types";

export const GROUP_LABEL: Record<VendorGroup, string> = {
  hyperscaler: "Hyperscaler",
  specialist: "Model specialist",
  "application-specialist": "Application specialist",
  hardware: "Hardware vendor",
  other: "Other vendors",
};
