/**
 * Forecasting for short yearly series: point forecasts with calibrated prediction
 * intervals, accuracy measures and rolling-origin backtests. Plain TypeScript, no I/O.
 */
export { forecast, type ForecastResult } from "./forecast";
export { ForecastInputError } from "./errors";
export { METHODS, type MethodName, SHORT_SERIES } from "./methods";
export { DEFAULT_LEVELS, LIMITS, type ForecastOptions } from "./validate";
export { coverage, coverageCount, mape, mase, msis, naiveScale, smape } from "./accuracy";
export { rollingOrigin, type BacktestOptions, type BacktestSummary } from "./backtest";
export {
  forecastRequestSchema,
  seriesRequestSchema,
  describeZodError,
  type ForecastRequest,
  type ForecastResponse,
  type RequestProblem,
  type SeriesForecast,
} from "./schema";
export { runBatch, type BatchOutcome, type BatchOptions } from "./batch";
