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
export async function exportFrom(
  page: Page,
  chart: Locator,
  format: string,
  options: string[] = [],
): Promise<{ name: string; bytes: Buffer }> {
  await chart.getByRole("button", { name: "Export", exact: true }).click();
  const menu = page.getByRole("menu");
  for (const option of options) {
    await menu.getByRole("menuitemradio", { name: option, exact: true }).click();
    await expect(menu.getByRole("menuitemradio", { name: option, exact: true })).toHaveAttribute(
      "aria-checked",
      "true",
    );
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: format, exact: true }).click(),
  ]);
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

export interface PdfPageRead {
  /** The page's text as a PDF reader extracts it (pdf.js), items joined by newlines. */
  text: string;
  /** Raster images painted on the page: 0 for a vector page. */
  images: number;
  /** Text drawn in an invisible rendering mode (an OCR-style hidden layer). */
  invisibleText: number;
  /** Vector path drawing operations on the page. */
  paths: number;
  fonts: string[];
  width: number;
  height: number;
}

/** Reads a PDF with pdf.js, as a viewer would: text, images, vector paths and embedded fonts per page. */
export async function readPdf(pdf: Buffer): Promise<PdfPageRead[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: PdfPageRead[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    const count = (op: number) => ops.fnArray.filter((f) => f === op).length;
    const invisible = ops.fnArray.filter(
      (f, k) => f === pdfjs.OPS.setTextRenderingMode && ops.argsArray[k][0] === 3,
    ).length;
    const fonts = new Set<string>();
    for (const item of content.items)
      if ("fontName" in item) fonts.add(content.styles[item.fontName]?.fontFamily ?? item.fontName);
    const [, , width, height] = page.view;
    pages.push({
      text: content.items.map((it) => ("str" in it ? it.str : "")).join("\n"),
      images: count(pdfjs.OPS.paintImageXObject) + count(pdfjs.OPS.paintInlineImageXObject),
      invisibleText: invisible,
      paths: count(pdfjs.OPS.constructPath),
      fonts: [...fonts],
      width,
      height,
    });
  }
  await doc.destroy();
  return pages;
}

/** The PDF's embedded font names (BaseFont entries), e.g. "AAAAAA+Inter-Regular". */
export function pdfFontNames(pdf: Buffer): string[] {
  return [...new Set([...pdf.toString("latin1").matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]))];
}

export async function xlsxRows(bytes: Buffer): Promise<{ data: unknown[][]; sheets: string[]; notes: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const data = wb.worksheets[0]
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1));
  return {
    data,
    sheets: wb.worksheets.map((w) => w.name),
    notes: JSON.stringify(wb.worksheets[1]?.getSheetValues() ?? []),
  };
}
