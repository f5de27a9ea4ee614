/**
 * The activation log's mark as requests ask for it (queries.ts `activationMark`): a request is
 * answered only by a question sent after it asked, so an activation committed before a request
 * came is always seen by it; requests that come while a question is out share the next one.
 * The log here is a stand-in whose questions answer when the test says (no database needed).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { activationMark } from "./queries";

type Mark = number;
const g = globalThis as unknown as { __activationLogMark?: () => Promise<Mark>; __versionMarks?: unknown };

let committed = 0;
let sent: { at: number; answer: () => void; fail: () => void }[] = [];
beforeEach(() => {
  committed = 0;
  sent = [];
  g.__versionMarks = undefined;
  // A question reads the log as it is when it is sent, and answers when the test lets it.
  g.__activationLogMark = () =>
    new Promise<Mark>((resolve, reject) => {
      const at = committed;
      sent.push({ at, answer: () => resolve(at), fail: () => reject(new Error("no answer")) });
    });
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("activationMark", () => {
  it("a request that comes while a question is out waits for the next one, sent after it came", async () => {
    committed = 1;
    const first = activationMark();
    expect(sent).toHaveLength(1);
    committed = 2; // an activation commits; then two requests come
    const second = activationMark();
    const third = activationMark();
    expect(sent, "no question is sent while one is out").toHaveLength(1);
    sent[0].answer();
    expect(await first).toBe(1);
    await tick();
    expect(sent, "one more question, for both").toHaveLength(2);
    sent[1].answer();
    expect(await second, "the activation before it came is seen").toBe(2);
    expect(await third).toBe(2);
  });

  it("a failed question fails its callers only; the next caller sends a new one", async () => {
    const first = activationMark();
    const second = activationMark();
    sent[0].fail();
    await expect(first).rejects.toThrow("no answer");
    await tick();
    sent[1].fail();
    await expect(second).rejects.toThrow("no answer");
    committed = 3;
    const third = activationMark();
    expect(sent).toHaveLength(3);
    sent[2].answer();
    expect(await third).toBe(3);
  });
});
