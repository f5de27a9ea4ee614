/** The HTTP contract, exercised by calling the route handler directly (no server). */
import { describe, expect, it } from "vitest";
import { POST } from "./route";

const post = (body: unknown, raw = false) =>
  POST(
    new Request("http://localhost/api/v1/forecast", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ? (body as string) : JSON.stringify(body),
    }),
  );

const values = [3.1, 3.9, 4.6, 5.8, 7.0, 8.3, 9.9, 11.6, 13.4, 15.9];

describe("POST /api/v1/forecast", () => {
  it("200 with the contract for a valid body", async () => {
    const res = await post({
      series: [
        { id: "a", values, h: 6 },
        { id: "b", values, h: 2, level: [50], method: "theta" },
      ],
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      series: {
        id: string;
        method: string;
        mean: number[];
        lower: Record<string, number[]>;
        upper: Record<string, number[]>;
      }[];
    };
    expect(json.series.map((s) => s.id)).toEqual(["a", "b"]);
    const [a, b] = json.series;
    expect(a.method).toMatch(/^auto:/);
    expect(a.mean).toHaveLength(6);
    expect(Object.keys(a.lower).sort()).toEqual(["80", "95"]);
    expect(a.upper["95"]).toHaveLength(6);
    expect(b.method).toBe("theta");
    expect(Object.keys(b.upper)).toEqual(["50"]);
  });

  const bad: [string, unknown, string][] = [
    ["missing series", {}, "series"],
    ["empty series", { series: [] }, "series"],
    ["non-numeric value", { series: [{ id: "a", values: [1, "2", 3], h: 2 }] }, "series.0.values.1"],
    ["too few points", { series: [{ id: "a", values: [1, 2], h: 2 }] }, "series.0.values"],
    ["h too large", { series: [{ id: "a", values, h: 51 }] }, "series.0.h"],
    ["h zero", { series: [{ id: "a", values, h: 0 }] }, "series.0.h"],
    ["level out of range", { series: [{ id: "a", values, h: 2, level: [80, 100] }] }, "series.0.level.1"],
    ["unknown method", { series: [{ id: "a", values, h: 2, method: "magic" }] }, "series.0.method"],
    ["too many series", { series: Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, values, h: 1 })) }, "series"],
    ["too many values", { series: [{ id: "a", values: new Array(201).fill(1), h: 1 }] }, "series.0.values"],
    ["body not an object", [1, 2, 3], "body"],
  ];
  it.each(bad)("400 for %s, naming the field", async (_, body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { message: string; param: string } };
    expect(json.error.param).toBe(field);
    expect(json.error.message).toContain(field);
  });

  it("400 for invalid JSON", async () => {
    const res = await post("{not json", true);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe("body");
  });
});
