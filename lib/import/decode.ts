/**
 * Bytes to text: UTF-8 with or without a byte-order mark; anything that is not valid UTF-8 is read
 * as Latin-1 (Windows-1252), the encoding Excel writes "CSV" in on Western systems.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "utf-8-bom" | "latin-1" } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { text, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "latin-1" };
  }
}
