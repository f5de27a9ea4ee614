/**
 * Accuracy measures as the M3/M4 papers define them. Each takes one series' actuals and
 * forecasts over the horizon; averaging across series is left to the caller.
 */

function check(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new RangeError("actual and forecast must have the same, non-zero length");
  }
}

/** Symmetric MAPE in percent: mean of 200·|y−f|/(|y|+|f|); 0/0 counts as a perfect forecast. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  check(actual, forecast);
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(forecast[i]);
    s += d === 0 ? 0 : (200 * Math.abs(actual[i] - forecast[i])) / d;
  }
  return s / actual.length;
}

/** MAPE in percent; undefined (NaN) when an actual is zero. */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  check(actual, forecast);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (100 * Math.abs(actual[i] - forecast[i])) / Math.abs(actual[i]);
  return s / actual.length;
}

/** In-sample mean absolute m-step difference: the MASE/MSIS denominator (m = 1 for yearly data). */
export function naiveScale(train: readonly number[], m = 1): number {
  let s = 0;
  for (let t = m; t < train.length; t++) s += Math.abs(train[t] - train[t - m]);
  return s / (train.length - m);
}

/** Mean absolute scaled error (Hyndman & Koehler 2006). */
export function mase(train: readonly number[], actual: readonly number[], forecast: readonly number[], m = 1): number {
  check(actual, forecast);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - forecast[i]);
  return s / actual.length / naiveScale(train, m);
}

/** Number of actuals inside [lower, upper] (inclusive); divide by length for the share. */
export function coverageCount(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  check(actual, lower);
  check(actual, upper);
  let c = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) c++;
  return c;
}

export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  return coverageCount(actual, lower, upper) / actual.length;
}

/**
 * Mean scaled interval score (Gneiting & Raftery 2007, as used in M4) for a (1−alpha)
 * interval, e.g. alpha = 0.05 for 95%: width plus 2/alpha times each miss, scaled like MASE.
 */
export function msis(
  train: readonly number[],
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  alpha: number,
  m = 1,
): number {
  check(actual, lower);
  check(actual, upper);
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    s += upper[i] - lower[i];
    if (y < lower[i]) s += (2 / alpha) * (lower[i] - y);
    if (y > upper[i]) s += (2 / alpha) * (y - upper[i]);
  }
  return s / actual.length / naiveScale(train, m);
}
