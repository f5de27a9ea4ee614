import ExcelJS from "exceljs";
import fs from "node:fs";
import { expect, type Download, type Locator, type Page } from "@playwright/test";

/**
 * Shared steps of the export browser tests. Locators are role-based so they hold whatever the
 * overview's layout: a chart is the region named by its heading, its menu the "Export" button in it.
 */

export const totalChart = (page: Page) => page.getByRole("region", { name: /^Total market/ }).first();
export const vendorChart = (page: Page) => page.getByRole("region", { name: /^By vendor/ }).first();

export async function bytesOf(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

/** Opens the chart's menu, applies the options, picks the format and returns the downloaded file. */
export async function exportFrom(page: Page, chart: Locator, format: string, options: string[] = []): Promise<{ name: string; bytes: Buffer }> {
  await chart.getByRole("button", { name: "Export", exact: true }).click();
  const menu = page.getByRole("menu");
  for (const option of options) {
    await menu.getByRole("menuitemradio", { name: option, exact: true }).click();
    await expect(menu.getByRole("menuitemradio", { name: option, exact: true })).toHaveAttribute("aria-checked", "true");
  }
  const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("menuitem", { name: format, exact: true }).click()]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Mean and variance of the PNG's luminance, decoded by the browser itself. */
export async function pngStats(page: Page, png: Buffer): Promise<{ mean: number; variance: number; opaque: number }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    let sq = 0;
    let opaque = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const l = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += l;
      sq += l * l;
      if (data[i + 3] === 255) opaque++;
    }
    const mean = sum / n;
    return { mean, variance: sq / n - mean * mean, opaque: opaque / n };
  }, png.toString("base64"));
}

/** Text shown by a jsPDF document written uncompressed: its `(…) Tj` strings, in WinAnsi. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
    const s = m[1].replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e));
    out.push(new TextDecoder("windows-1252").decode(Uint8Array.from(s, (c) => c.charCodeAt(0))));
  }
  return out.join("\n");
}

export const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;

export async function xlsxRows(bytes: Buffer): Promise<{ data: unknown[][]; sheets: string[]; notes: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const data = wb.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  return { data, sheets: wb.worksheets.map((w) => w.name), notes: JSON.stringify(wb.worksheets[1]?.getSheetValues() ?? []) };
}

