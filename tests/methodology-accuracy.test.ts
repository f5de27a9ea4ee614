/**
 * The methodology page quotes the M3 benchmark from a static table: recompute the quoted rows with
 * the forecast library, so the page cannot drift from what the library does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORECAST_ACCURACY } from "@/app/methodology/_components/forecast-accuracy";
import { coverageCount, forecast, mase, smape } from "@/lib/forecast";

const H = 6;
const m3 = JSON.parse(readFileSync(path.join(__dirname, "../scripts/data/m3-yearly/m3-yearly.json"), "utf8")) as {
  series: { train: number[]; test: number[] }[];
};

describe("forecast accuracy quoted on /methodology", () => {
  it.each(FORECAST_ACCURACY.map((r) => [r.method, r] as const))("%s matches the library on M3 yearly", (method, quoted) => {
    let sm = 0, ma = 0, c80 = 0, c95 = 0;
    for (const s of m3.series) {
      const f = forecast(s.train, { h: H, level: [80, 95], method });
      sm += smape(s.test, f.mean);
      ma += mase(s.train, s.test, f.mean);
      c80 += coverageCount(s.test, f.lower["80"], f.upper["80"]);
      c95 += coverageCount(s.test, f.lower["95"], f.upper["95"]);
    }
    const k = m3.series.length;
    expect((sm / k).toFixed(2)).toBe(quoted.smape.toFixed(2));
    expect((ma / k).toFixed(3)).toBe(quoted.mase.toFixed(3));
    expect(((100 * c80) / (k * H)).toFixed(1)).toBe(quoted.cov80.toFixed(1));
    expect(((100 * c95) / (k * H)).toFixed(1)).toBe(quoted.cov95.toFixed(1));
  });
});
