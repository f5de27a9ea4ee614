import { describe, expect, it } from "vitest";
import { forecastFit, forecastScale, type ScaleRow } from "./forecast-scale";

const row = (
  year: number,
  value: number,
  mean: number | null = null,
  b80?: [number, number],
  b95?: [number, number],
): ScaleRow => ({
  year,
  value,
  mean,
  band80: b80 ?? null,
  band95: b95 ?? null,
});

describe("forecastScale", () => {
  it("fits a small slice's own height (a 499 M series gets a 500 M axis, not 7 B)", () => {
    const s = forecastScale([row(2024, 320), row(2025, 400), row(2026, 499)], 2025);
    expect(s.axis.domain).toEqual([0, 500]);
    expect(s.clipped).toBe(false);
  });

  it("keeps the 80% interval in view and clips a 95% interval that runs above, naming the years", () => {
    const rows = [
      row(2025, 1_000, 1_000, [1_000, 1_000], [1_000, 1_000]),
      row(2026, 1_100, 1_200, [1_000, 1_500], [900, 4_000]),
      row(2027, 1_200, 1_300, [1_000, 1_700], [900, 1_800]),
    ];
    const s = forecastScale(rows, 2025);
    expect(s.axis.domain[1]).toBeGreaterThanOrEqual(1_700);
    expect(s.axis.domain[1]).toBeLessThan(4_000);
    expect(s.clippedYears).toEqual([2026]);
    expect(s.hasForecast).toBe(true);
  });

  it("clips an 80% interval far above the series too, so history is not a flat line at zero", () => {
    const s = forecastScale([row(2025, 10, 10), row(2026, 12, 14, [5, 1_700_000], [1, 40_000_000])], 2025);
    expect(s.axis.domain[1]).toBeLessThanOrEqual(30);
    expect(s.clippedYears).toEqual([2026]);
  });

  it("shares one scale between compared charts: each fits the larger of the two", () => {
    const small = [row(2024, 320), row(2025, 400), row(2026, 499)];
    const large = [row(2024, 3_200), row(2025, 3_900), row(2026, 4_400)];
    const shared = Math.max(forecastFit(small, 2025), forecastFit(large, 2025));
    const a = forecastScale(small, 2025, { fitAtLeast: shared });
    const b = forecastScale(large, 2025, { fitAtLeast: shared });
    expect(a.axis.domain).toEqual(b.axis.domain);
    expect(a.axis.ticks).toEqual(b.axis.ticks);
    expect(forecastScale(small, 2025).axis.domain[1]).toBeLessThan(a.axis.domain[1]);
  });
});
