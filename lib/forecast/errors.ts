/**
 * Thrown for any input the forecaster cannot use. `field` names the offending input
 * (e.g. "values", "values.3", "h", "level.1", "method") so callers such as the HTTP route
 * and the CLI can point the user at the exact problem.
 */
export class ForecastInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ForecastInputError";
    this.field = field;
  }
}
