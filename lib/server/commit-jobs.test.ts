import { afterEach, describe, expect, it } from "vitest";
import { COMMIT_WAIT_MS, commitWaitMs, HEARTBEAT_MS, STALE_AFTER_MS } from "./commit-jobs";

describe("commitWaitMs", () => {
  afterEach(() => {
    delete process.env.COMMIT_WAIT_MS;
  });

  it("is 2 s unless COMMIT_WAIT_MS sets 0 to 60,000 ms", () => {
    expect(commitWaitMs()).toBe(COMMIT_WAIT_MS);
    expect(COMMIT_WAIT_MS).toBe(2_000);
    for (const [raw, ms] of [
      ["0", 0],
      [" 250 ", 250],
      ["60000", 60_000],
      ["", COMMIT_WAIT_MS],
    ] as const) {
      process.env.COMMIT_WAIT_MS = raw;
      expect(commitWaitMs(), raw).toBe(ms);
    }
  });

  it("refuses anything else, naming the variable", () => {
    for (const raw of ["-1", "60001", "1.5", "2s", "soon"]) {
      process.env.COMMIT_WAIT_MS = raw;
      expect(() => commitWaitMs(), raw).toThrow(/COMMIT_WAIT_MS must be a whole number of milliseconds/);
    }
  });

  it("a job counts as interrupted only after several missed heartbeats", () => {
    expect(STALE_AFTER_MS).toBeGreaterThanOrEqual(5 * HEARTBEAT_MS);
  });
});
