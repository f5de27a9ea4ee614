import type { Locator } from "@playwright/test";

/** A chart panel's summary sentence: the text its region names as its accessible description. */
export function summaryText(panel: Locator): Promise<string> {
  return panel.evaluate((el) => {
    const id = el.getAttribute("aria-describedby");
    return (id && document.getElementById(id)?.textContent) || "";
  });
}
