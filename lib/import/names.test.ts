import { describe, expect, it } from "vitest";
import { closestMember, editDistance, nameForms, normaliseName } from "./names";

const vendors = [
  { slug: "openai", name: "OpenAI" },
  { slug: "google", name: "Google" },
  { slug: "anthropic", name: "Anthropic" },
  { slug: "mistral-ai", name: "Mistral AI" },
  { slug: "meta", name: "Meta" },
];

describe("member names as an analyst reads them", () => {
  it("drops case, punctuation, spaces, accents and company-kind words", () => {
    expect(normaliseName("Open-AI Inc")).toBe("openai");
    expect(normaliseName("  ANTHROPIC, PBC Ltd. ")).toBe("anthropicpbc");
    expect(normaliseName("Société Générale SA")).toBe("societegenerale");
    expect(nameForms("Mistral AI")).toEqual(["mistralai", "mistral"]);
    expect(nameForms("Google")).toEqual(["google"]);
  });

  it("counts edits, and stops once past the limit", () => {
    expect(editDistance("anthropic", "antrhopic")).toBe(2);
    expect(editDistance("openai", "openai")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abcdefgh", "zzzzzzzz", 2)).toBe(3);
  });

  it("finds the member a new name most likely means", () => {
    expect(closestMember("Open-AI Inc", vendors)?.name).toBe("OpenAI");
    expect(closestMember("openai corp", vendors)?.name).toBe("OpenAI");
    expect(closestMember("Anthropc", vendors)?.name).toBe("Anthropic");
    expect(closestMember("Mistral", vendors)?.name).toBe("Mistral AI");
    expect(closestMember("Gogle LLC", vendors)?.name).toBe("Google");
  });

  it("leaves names that are really new alone", () => {
    expect(closestMember("Cohere", vendors)).toBeNull();
    expect(closestMember("xAI", vendors)).toBeNull();
    expect(closestMember("Brand New Labs", vendors)).toBeNull();
    // Short names need an exact match: "Meta" is not "Mela".
    expect(closestMember("Mela", vendors)).toBeNull();
  });
});
