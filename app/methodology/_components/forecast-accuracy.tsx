/**
 * Accuracy of the forecast methods on the M3 yearly benchmark (645 series, 6 years ahead), as
 * printed by `npm run bench:forecast`. A static copy: re-run the bench and update it when the
 * forecast library changes.
 */
export const FORECAST_ACCURACY = [
  {
    method: "auto",
    smape: 15.75,
    mase: 2.554,
    cov80: 84.1,
    cov95: 95.3,
    reference: "mean(ETS, ARIMA, Theta): 16.03 / 2.688",
  },
  { method: "dotm", smape: 15.85, mase: 2.583, cov80: 83.4, cov95: 94.8, reference: "DOTM (Fiorucci 2016): 15.94" },
  { method: "theta", smape: 16.74, mase: 2.772, cov80: 81.9, cov95: 94.2, reference: "R thetaf(): 16.76 / 2.774" },
  { method: "drift", smape: 16.79, mase: 2.629, cov80: 83.9, cov95: 94.9, reference: "–" },
  { method: "comb", smape: 16.99, mase: 2.843, cov80: 81.9, cov95: 94.5, reference: "Comb S-H-D (M3): 17.07 / 2.876" },
  {
    method: "ets",
    smape: 17.79,
    mase: 2.897,
    cov80: 79.8,
    cov95: 91.3,
    reference: "R ets(): 17.00 / 2.860, 70.6% at 80%",
  },
  { method: "naive", smape: 17.88, mase: 3.172, cov80: 85.1, cov95: 94.2, reference: "Naive2 (M3): 17.88 / 3.172" },
  { method: "loglinear", smape: 18.74, mase: 3.495, cov80: 83.0, cov95: 93.0, reference: "–" },
];

/**
 * The product's own regime: `auto` on 5-point windows of the M3 yearly training parts, 6 years
 * ahead, beside Theta (the "in use" and "theta" rows of `npm run bench:forecast-short`).
 */
export const SHORT_FORECAST_ACCURACY = {
  windows: 7999,
  auto: { smape: 18.07, mase: 2.69, cov80: 82.4, cov95: 94.6 },
  theta: { smape: 20.37, mase: 2.887 },
};

export function ForecastAccuracy() {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Forecast accuracy (table)">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left text-xs text-slate-600 dark:text-slate-400">
          M3 yearly benchmark, 645 series, 6 years ahead. Lower sMAPE and MASE are better; interval coverage should be
          near 80% and 95%. Reproduce with <code>npm run bench:forecast</code>.
        </caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {["Method", "sMAPE", "MASE", "80% coverage", "95% coverage", "Published reference (sMAPE / MASE)"].map(
              (h) => (
                <th key={h} scope="col" className="px-2 py-1 text-left font-medium">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {FORECAST_ACCURACY.map((r) => (
            <tr key={r.method} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="px-2 py-1 text-left font-mono font-normal">
                {r.method}
              </th>
              <td className="px-2 py-1 tabular-nums">{r.smape.toFixed(2)}</td>
              <td className="px-2 py-1 tabular-nums">{r.mase.toFixed(3)}</td>
              <td className="px-2 py-1 tabular-nums">{r.cov80.toFixed(1)}%</td>
              <td className="px-2 py-1 tabular-nums">{r.cov95.toFixed(1)}%</td>
              <td className="px-2 py-1">{r.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
