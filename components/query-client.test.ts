import { afterEach, describe, expect, it, vi } from "vitest";
import { makeQueryClient } from "./query-client";

/**
 * A server render must leave nothing behind: a query it fetched may not schedule a timer that keeps
 * the render's data alive after the render (each one held ~300 KB for 30 minutes).
 */
describe("query client", () => {
  afterEach(() => vi.useRealTimers());

  it("leaves no timer behind after a server render's fetch", async () => {
    vi.useFakeTimers();
    const client = makeQueryClient(true);
    await client.fetchQuery({ queryKey: ["series", "by=sector"], queryFn: async () => ({ rows: [1, 2, 3] }) });
    expect(vi.getTimerCount()).toBe(0);
    client.clear();
  });

  it("keeps answers for the page's life in the browser (garbage-collected after 30 minutes unused)", async () => {
    vi.useFakeTimers();
    const client = makeQueryClient(false);
    await client.fetchQuery({ queryKey: ["series", "by=sector"], queryFn: async () => ({ rows: [1, 2, 3] }) });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30 * 60_000 + 1);
    expect(client.getQueryData(["series", "by=sector"])).toBeUndefined();
  });
});
