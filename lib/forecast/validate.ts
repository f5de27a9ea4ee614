/** Input checks shared by forecast(), the CLI and the HTTP route (via ./schema). */
import { ForecastInputError } from "./errors";
import { METHODS, type MethodName } from "./methods";

export const LIMITS = {
  minValues: 3,
  maxValues: 200,
  maxHorizon: 50,
  maxSeries: 200,
  maxLevels: 10,
} as const;

export const DEFAULT_LEVELS: readonly number[] = [80, 95];

export interface ForecastOptions {
  /** Steps ahead, 1..50. */
  h: number;
  /** Interval levels in percent, each in (0, 100); default [80, 95]. */
  level?: readonly number[];
  /** Defaults to "auto". */
  method?: MethodName | string;
}

export interface ValidInput {
  y: number[];
  h: number;
  levels: number[];
  method: MethodName;
}

export function isMethodName(m: string): m is MethodName {
  return (METHODS as readonly string[]).includes(m);
}

export function validateInput(values: readonly number[], options: ForecastOptions): ValidInput {
  if (!Array.isArray(values)) throw new ForecastInputError("values", "must be an array of numbers");
  if (values.length < LIMITS.minValues) {
    throw new ForecastInputError("values", `needs at least ${LIMITS.minValues} points, got ${values.length}`);
  }
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ForecastInputError(`values.${i}`, "must be a finite number");
    }
  });
  const { h } = options ?? {};
  if (typeof h !== "number" || !Number.isInteger(h) || h < 1 || h > LIMITS.maxHorizon) {
    throw new ForecastInputError("h", `must be an integer from 1 to ${LIMITS.maxHorizon}`);
  }
  const levels = options.level === undefined ? [...DEFAULT_LEVELS] : [...options.level];
  if (levels.length === 0 || levels.length > LIMITS.maxLevels) {
    throw new ForecastInputError("level", `must list 1 to ${LIMITS.maxLevels} levels`);
  }
  levels.forEach((l, i) => {
    if (typeof l !== "number" || !Number.isFinite(l) || l <= 0 || l >= 100) {
      throw new ForecastInputError(`level.${i}`, "must be a number strictly between 0 and 100");
    }
  });
  const method = options.method ?? "auto";
  if (typeof method !== "string" || !isMethodName(method)) {
    throw new ForecastInputError("method", `must be one of ${METHODS.join(", ")}`);
  }
  // Copy: callers' arrays are never mutated or retained.
  return { y: values.slice(), h, levels: [...new Set(levels)], method };
}
