/**
 * Limits on an XLSX (a zip) read from its central directory before anything is inflated: the
 * number of entries, the declared inflated size, and the compression ratio of each entry.
 */
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
