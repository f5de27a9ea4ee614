import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { getEnv } from "./env";
import { restrictToOwner } from "./file-modes";

/**
 * The auth secret: AUTH_SECRET when set; otherwise one generated on first use and kept in
 * `.data/auth-secret` (readable by the owner only), so sessions survive a restart.
 */
export function authSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), ".data", "auth-secret");
  try {
    const kept = fs.readFileSync(file, "utf8").trim();
    // A secret kept by an older version may be readable by others: owner-only from now on.
    restrictToOwner(file);
    if (kept.length >= 32) return kept;
  } catch {
    // not there yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("hex");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // another process wrote it first
    return fs.readFileSync(file, "utf8").trim();
  }
}
