/**
 * The methodology page quotes the M3 benchmark from a static table: recompute the quoted rows with
 * the forecast library, so the page cannot drift from what the library does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORECAST_ACCURACY, SHORT_FORECAST_ACCURACY } from "@/app/methodology/_components/forecast-accuracy";
import { coverageCount, forecast, mase, naiveScale, smape } from "@/lib/forecast";

const H = 6;
const m3 = JSON.parse(readFileSync(path.join(__dirname, "../scripts/data/m3-yearly/m3-yearly.json"), "utf8")) as {
  series: { train: number[]; test: number[] }[];
};

describe("forecast accuracy quoted on /methodology", () => {
  it.each(FORECAST_ACCURACY.map((r) => [r.method, r] as const))(
    "%s matches the library on M3 yearly",
    (method, quoted) => {
      let sm = 0,
        ma = 0,
        c80 = 0,
        c95 = 0;
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
    },
  );
});

describe("short-series accuracy quoted on /methodology", () => {
  it("auto and theta on every 5-point window of the M3 training parts, 6 years ahead", () => {
    let k = 0,
      sm = 0,
      ma = 0,
      c80 = 0,
      c95 = 0,
      thetaSm = 0,
      thetaMa = 0;
    for (const s of m3.series) {
      for (let st = 0; st + 5 + H <= s.train.length; st++) {
        const hist = s.train.slice(st, st + 5);
        const future = s.train.slice(st + 5, st + 5 + H);
        if (naiveScale(hist) === 0) continue;
        const f = forecast(hist, { h: H, level: [80, 95] });
        const t = forecast(hist, { h: H, method: "theta" });
        k++;
        sm += smape(future, f.mean);
        ma += mase(hist, future, f.mean);
        c80 += coverageCount(future, f.lower["80"], f.upper["80"]);
        c95 += coverageCount(future, f.lower["95"], f.upper["95"]);
        thetaSm += smape(future, t.mean);
        thetaMa += mase(hist, future, t.mean);
      }
    }
    const q = SHORT_FORECAST_ACCURACY;
    expect(k).toBe(q.windows);
    expect((sm / k).toFixed(2)).toBe(q.auto.smape.toFixed(2));
    expect((ma / k).toFixed(3)).toBe(q.auto.mase.toFixed(3));
    expect(((100 * c80) / (k * H)).toFixed(1)).toBe(q.auto.cov80.toFixed(1));
    expect(((100 * c95) / (k * H)).toFixed(1)).toBe(q.auto.cov95.toFixed(1));
    expect((thetaSm / k).toFixed(2)).toBe(q.theta.smape.toFixed(2));
    expect((thetaMa / k).toFixed(3)).toBe(q.theta.mase.toFixed(3));
  });
});
