import { describe, expect, it } from "vitest";
import { dimensionLabel, methodLabel, phaseWord, valueBasisLabel } from "./labels";

describe("methodLabel", () => {
  it.each([
    ["auto:loggrowth(shrunk,damped)", "auto: tempered past growth rate"],
    ["auto:loggrowth(shrunk,damped)+share-trend", "auto: tempered past growth rate, split by share trend"],
    ["auto:median(ets(M,A,N),dotm,drift)", "auto: median of ETS, optimised Theta and drift"],
    ["ets(A,Ad,N)", "exponential smoothing"],
    ["drift", "random walk with drift"],
    ["auto:constant", "auto: constant series"],
    ["something-new", "something-new"],
  ])("%s → %s", (raw, words) => expect(methodLabel(raw)).toBe(words));
});

describe("basis words", () => {
  it("name a value's basis the same way on every card", () => {
    expect(valueBasisLabel("published", 2024, 2025, "QYResearch")).toBe("Published (QYResearch)");
    expect(valueBasisLabel("modelled", 2023, 2025, "QYResearch")).toBe("Modelled");
    expect(valueBasisLabel("modelled", 2030, 2025, "QYResearch")).toBe(
      "Outlook (modelled: part of QYResearch's outlook)",
    );
    expect(valueBasisLabel("published", 2031, 2025, "QYResearch")).toBe("Outlook (published by QYResearch)");
  });
  it("name phases and dimensions", () => {
    expect(phaseWord("forecast", "drift")).toBe("our forecast (random walk with drift), modelled");
    expect(dimensionLabel("sector")).toBe("Application sector");
  });
});
