/**
 * The one size limit: bytes of a version's packed cube (./packed). Within it the browser receives
 * the whole cube and sums every slice itself; above it the browser asks the server, which answers
 * from the same engine (./engine) with the same numbers. The server holds every cube, whatever
 * its size. The default data set's cube is 207,392 bytes (25,920 cells).
 */
import { packedBytes, type DenseCube } from "./packed";

export const CUBE_BYTE_BUDGET = 1_000_000;

/** Whether a cube of this shape is sent to the browser. */
export function browserGetsCube(shape: DenseCube["shape"], budget: number = CUBE_BYTE_BUDGET): boolean {
  return packedBytes(shape) <= budget;
}
