/**
 * Where to go after signing in: only a path on this site. The value is parsed as a URL against
 * the site's origin and kept only when the origin is unchanged; prefix checks are not enough,
 * because browsers read `/\host` as `//host` and drop tabs and line breaks (`/\t/host`), which
 * turns a path into another site. Pure: no framework, usable on the server and in the browser.
 */
const FALLBACK = "/";
const PLACEHOLDER_ORIGIN = "http://sign-in.invalid";

export function safeNextPath(next: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof next !== "string" || next === "" || next.length > 2_000) return FALLBACK;
  // Backslashes and control characters (tab, CR, LF, NUL, DEL…) are never in a path we link to.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return FALLBACK;
  if (!next.startsWith("/") || next.startsWith("//")) return FALLBACK;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base.origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that normalises to `//host` (`/.//host`) would be read as another site when followed.
  return path.startsWith("//") ? FALLBACK : path;
}
