// Shared by the fit worker and the request thread (no side effects: the worker entry renices its thread).
/**
 * A fitted cube packed in one buffer for the trip back to the request thread: per fact its value
 * (float64), year (int32) and four member indexes (int32: type, sector, vendor, region, into the
 * definition's member lists).
 */
export const FACT_BYTES = 8 + 4 + 16;

export function cubeViews(buffer: ArrayBuffer) {
  const n = buffer.byteLength / FACT_BYTES;
  return {
    n,
    values: new Float64Array(buffer, 0, n),
    years: new Int32Array(buffer, n * 8, n),
    members: new Int32Array(buffer, n * 12, n * 4),
  };
}
