import type { Locator } from "@playwright/test";

/** A chart panel's summary sentence: the text its region names as its accessible description. */
export function summaryText(panel: Locator): Promise<string> {
  return panel.evaluate((el) => {
    const id = el.getAttribute("aria-describedby");
    return (id && document.getElementById(id)?.textContent) || "";
  });
}

/**
 * A modelled or forecast value as the screen prints it: three significant digits, "≈ US$ 3.31 B".
 * Written out here, not imported, so the browser tests check the app's formatting independently.
 */
export function approxUsdM(valueM: number): string {
  const sig = (v: number) => new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(v);
  return Math.abs(valueM) >= 1_000 ? `≈ US$ ${sig(valueM / 1_000)} B` : `≈ US$ ${sig(valueM)} M`;
}
