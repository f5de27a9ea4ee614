/**
 * Limits on an XLSX (a zip): the number of entries, the inflated size and the compression ratio of
 * each entry. `checkZip` reads what the central directory declares (cheap, refuses honest large
 * files at once); `checkZipInflation` counts what the entries really inflate to.
 */
import zlib from "node:zlib";

export const ZIP_LIMITS = { maxEntries: 1_000, maxInflatedBytes: 100 * 1024 * 1024, maxRatio: 200 };

export function checkZip(bytes: Uint8Array, limits = ZIP_LIMITS): string | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "not an XLSX file (not a zip archive)";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "damaged XLSX file: no zip directory";
  const entries = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries > limits.maxEntries) return `XLSX file has ${entries} parts; at most ${limits.maxEntries} are accepted`;
  let at = dirOffset;
  let inflated = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return "damaged XLSX file: bad zip directory";
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    if (compressed === 0xffffffff || size === 0xffffffff) return "XLSX file uses zip64 sizes: too large";
    inflated += size;
    if (inflated > limits.maxInflatedBytes) {
      return `XLSX file inflates to more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB: refused`;
    }
    if (size > 1024 * 1024 && size / Math.max(1, compressed) > limits.maxRatio) {
      return `XLSX file has a part compressed ${Math.round(size / Math.max(1, compressed))}:1: refused as a likely zip bomb`;
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return null;
}

/**
 * The sizes a zip declares are the sender's word. This inflates every entry (streaming, keeping
 * nothing) and counts the bytes that really come out, stopping as soon as the total passes the
 * limit: a part that claims 1,000 bytes but inflates to 1 GB costs at most `maxInflatedBytes` of
 * work and a few kilobytes of memory. Run before the workbook reader inflates anything.
 */
export async function checkZipInflation(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<string | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(bytes, view);
  if (typeof entries === "string") return entries;
  let total = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50)
      return "damaged XLSX file: bad zip entry";
    const start =
      e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.compressed > bytes.length) return "damaged XLSX file: a zip entry runs past the end";
    const data = bytes.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = e.compressed;
    else if (e.method === 8) {
      const budget = limits.maxInflatedBytes - total;
      const out = await inflatedBytes(data, budget);
      if (out === "damaged") return "damaged XLSX file: a zip entry does not inflate";
      size = out;
    } else return `XLSX file uses zip compression method ${e.method}: not supported`;
    total += size;
    if (total > limits.maxInflatedBytes)
      return `XLSX file inflates to more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB (whatever its zip directory says): refused`;
    if (size > 1024 * 1024 && size / Math.max(1, e.compressed) > limits.maxRatio)
      return `XLSX file has a part compressed ${Math.round(size / Math.max(1, e.compressed))}:1: refused as a likely zip bomb`;
  }
  return null;
}

interface Entry {
  method: number;
  compressed: number;
  localOffset: number;
}

function centralDirectory(bytes: Uint8Array, view: DataView): Entry[] | string {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "damaged XLSX file: no zip directory";
  const count = view.getUint16(eocd + 10, true);
  const entries: Entry[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return "damaged XLSX file: bad zip directory";
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Bytes a raw-deflate stream inflates to, stopping once past `budget` (then some number above it). */
function inflatedBytes(data: Uint8Array, budget: number): Promise<number | "damaged"> {
  return new Promise((resolve) => {
    const z = zlib.createInflateRaw();
    let n = 0;
    let settled = false;
    const settle = (v: number | "damaged") => {
      if (settled) return;
      settled = true;
      z.destroy();
      resolve(v);
    };
    z.on("data", (chunk: Buffer) => {
      n += chunk.length;
      if (n > budget) settle(n);
    });
    z.on("end", () => settle(n));
    z.on("error", () => settle("damaged"));
    z.end(data);
  });
}
