/**
 * The sign-in page hands its form only a same-origin path to go to after signing in, whatever
 * `?next=` holds (the page is called directly; Next has already decoded the query).
 */
import { describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import SignInPage from "./page";

function nextOf(element: ReactElement): string | undefined {
  const props = element.props as { next?: string; children?: unknown };
  if (typeof props.next === "string") return props.next;
  const children = Array.isArray(props.children) ? props.children : [props.children];
  for (const child of children) {
    if (child && typeof child === "object" && "props" in child) {
      const found = nextOf(child as ReactElement);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe("/sign-in?next=", () => {
  it.each([["/\\evil.example/phish"], ["/\t/evil.example/phish"], ["//evil.example"], ["https://evil.example"]])(
    "sends the form home for %j",
    async (next) => {
      const page = await SignInPage({ searchParams: Promise.resolve({ next }) });
      expect(nextOf(page)).toBe("/");
    },
  );

  it("keeps a path of the site", async () => {
    const page = await SignInPage({ searchParams: Promise.resolve({ next: "/admin/import?x=1" }) });
    expect(nextOf(page)).toBe("/admin/import?x=1");
  });
});
