import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { formatPercent } from "../lib/market/presentation/format";
import { approxUsdM } from "./panel";

interface Story {
  dataset: { id: string };
  drivers: { key: string; title: string; moves: { dimension: string; member: string; direction: string }[] }[];
  trends: { key: string; title: string; moves: { dimension: string; member: string; direction: string }[] }[];
  useCases: { dimension: string; member: string; text: string }[];
  groups: { key: string; title: string; members: string[] }[];
}

test.describe("the report's argument", () => {
  test("/story shows every driver and trend the API serves, each labelled as our reading", async ({
    page,
    request,
  }) => {
    const story = (await (await request.get("/api/v1/story")).json()) as Story;
    expect(story.drivers).toHaveLength(5);
    expect(story.trends).toHaveLength(4);
    const res = await page.goto("/story");
    expect(res?.status()).toBe(200);
    for (const item of [...story.drivers, ...story.trends])
      await expect(page.getByRole("heading", { level: 3, name: item.title })).toBeVisible();
    const first = page.locator(`#driver-${story.drivers[0].key}`);
    await expect(first).toContainText("our reading");
    await expect(first.getByRole("list", { name: /^Segments / }).getByRole("link")).toHaveCount(
      story.drivers[0].moves.length,
    );
    // Its chart of the segments' shares, with the outlook years marked.
    await expect(first.getByRole("img", { name: /^Share of the market: / })).toBeVisible();
    await expect(first).toContainText("outlook (shaded, dashed)");
  });

  test("/types lists the three types; each type page answers 200 with the release's user case", async ({
    page,
    request,
  }) => {
    const story = (await (await request.get("/api/v1/story")).json()) as Story;
    const types = story.useCases.filter((u) => u.dimension === "type");
    expect(types).toHaveLength(3);
    const index = await page.goto("/types");
    expect(index?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Model types");
    for (const t of types) {
      const res = await page.goto(`/types/${t.member}`);
      expect(res?.status(), t.member).toBe(200);
      await expect(page.getByTestId("user-case")).toHaveText(t.text);
      await expect(page.getByRole("region", { name: "Key figures" })).toBeVisible();
    }
    expect((await page.goto("/types/quantum"))?.status()).toBe(404);
  });

  test("a strategist's path: overview → drivers → a segment a driver moves → its page, numbers as the API gives them", async ({
    page,
    request,
  }) => {
    const story = (await (await request.get("/api/v1/story")).json()) as Story;
    const driver = story.drivers.find((d) => d.moves.some((m) => m.dimension === "type"))!;
    const move = driver.moves.find((m) => m.dimension === "type")!;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drivers & trends" }).click();
    await expect(page).toHaveURL(/\/story$/);
    const card = page.locator(`#driver-${driver.key}`);
    await expect(card.getByRole("heading", { level: 3 })).toContainText(driver.title);
    await card
      .getByRole("list", { name: /^Segments / })
      .getByRole("link")
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/types/${move.member}$`));
    // The type page names the driver that brought us here, as our reading.
    const moves = page.getByTestId("story-moves");
    await expect(moves.getByRole("link", { name: driver.title })).toBeVisible();
    await expect(page.getByRole("region", { name: "Key figures" })).toContainText("2024");

    const api = async (qs: string) => (await (await request.get(`/api/v1/series?${qs}`)).json()).series[0];
    const slice = await api(`by=total&type=${move.member}`);
    const market = await api("by=total");
    const at = (s: { points: { year: number; value: number }[] }) => s.points.find((p) => p.year === 2024)!.value;
    const facts = page.getByRole("region", { name: "Key figures" });
    // A modelled size prints to three significant digits.
    await expect(facts).toContainText(approxUsdM(at(slice)));
    await expect(facts).toContainText(formatPercent(at(slice) / at(market)));
  });

  test("the overview and /explore break the market down by player group; a vendor page names its full group", async ({
    page,
    request,
  }) => {
    const story = (await (await request.get("/api/v1/story")).json()) as Story;
    await page.goto("/");
    const groups = page.getByRole("region", { name: "By player group", exact: true });
    await expect(groups).toBeVisible();
    for (const g of story.groups) await expect(groups).toContainText(g.title);
    await page.goto("/explore?by=group");
    await expect(page.getByRole("region", { name: "Market by player group" })).toBeVisible();
    await page.goto("/vendors/openai");
    await expect(page.getByTestId("vendor-group")).toHaveText("Hyperscalers and model developers");
    await expect(page.getByTestId("story-moves")).toContainText("through its group");
  });
});

test("an admin previews an edited story.json beside the figures on the import screen; a bad link is listed with its position", async ({
  page,
}, testInfo) => {
  const admin = {
    email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
    password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
  };
  await page.goto(`/sign-in?next=${encodeURIComponent("/admin/import")}`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/admin/import");
  const { dataset } = (await (await page.request.get("/api/v1/story")).json()) as Story;
  const csv = await (await page.request.get(`/api/v1/datasets/${dataset.id}/export?format=csv`)).text();
  const story = await (await page.request.get(`/api/v1/datasets/${dataset.id}/export?format=story`)).json();
  story.drivers[0].summary = "Edited on the import screen.";
  const csvPath = testInfo.outputPath("figures.csv");
  const storyPath = testInfo.outputPath("story.json");
  fs.writeFileSync(csvPath, csv);
  fs.writeFileSync(storyPath, JSON.stringify(story));

  await page.getByLabel("Story file (optional)").setInputFiles(storyPath);
  await page.getByLabel("File to import").setInputFiles(csvPath);
  const preview = page.getByRole("region", { name: "Story changes" });
  await expect(preview).toContainText("Story (story.json): 1 change");
  await expect(preview).toContainText(story.drivers[0].key);
  await expect(preview).toContainText("Edited on the import screen.");
  await expect(page.getByRole("button", { name: /Commit/ })).toBeEnabled();

  story.drivers[0].moves[0].member = "mining";
  fs.writeFileSync(storyPath, JSON.stringify(story));
  await page.getByLabel("Story file (optional)").setInputFiles(storyPath);
  await page.getByLabel("File to import").setInputFiles(csvPath);
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems).toContainText("drivers[1].moves[1].member");
  await expect(problems).toContainText('"mining" does not exist in this version');
});
