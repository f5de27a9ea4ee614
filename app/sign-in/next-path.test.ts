import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const ORIGIN = "https://market.example.com";

describe("safeNextPath: only same-origin paths after sign-in", () => {
  it.each([
    ["/", "/"],
    ["/admin/import", "/admin/import"],
    ["/explore?by=vendor&type=llm#chart", "/explore?by=vendor&type=llm#chart"],
    ["/sectors/healthcare", "/sectors/healthcare"],
    ["/a/../admin", "/admin"],
    ["/%5Cevil.example/phish", "/%5Cevil.example/phish"],
    ["/./%2F/evil.example", "/%2F/evil.example"],
  ])("keeps %j as %j", (next, expected) => {
    expect(safeNextPath(next, ORIGIN)).toBe(expected);
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    // What the browser hands the page once `?next=/%5Cevil.example/phish` is decoded.
    ["/\\evil.example/phish"],
    ["/\t/evil.example/phish"],
    ["/\n/evil.example/phish"],
    ["/\r/evil.example"],
    ["\t//evil.example"],
    ["/\u0000/evil.example"],
    ["//evil.example/phish"],
    ["///evil.example"],
    ["/.//evil.example"],
    ["https://evil.example/phish"],
    ["http:/evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [" /admin"],
    [""],
    [undefined],
    [null],
    [["/admin"]],
    ["/" + "a".repeat(2_001)],
  ])("refuses %j (falls back to /)", (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe("/");
    expect(safeNextPath(next)).toBe("/");
  });

  it("never returns anything that resolves to another origin", () => {
    const attempts = ["/\\\\evil", "/\\/evil", "/%09/evil", "/..//evil", "/.//evil/x", "/a/..//evil"];
    for (const next of attempts) {
      const out = safeNextPath(next, ORIGIN);
      expect(new URL(out, ORIGIN).origin, next).toBe(ORIGIN);
      expect(out.startsWith("//"), next).toBe(false);
    }
  });
});
