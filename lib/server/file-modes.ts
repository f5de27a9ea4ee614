import fs from "node:fs";
import path from "node:path";

/**
 * The embedded database and the generated auth secret are the owner's alone: directories 0700,
 * files 0600. PGlite unpacks its initial data directory with mode 0666 whatever the umask (files
 * it creates later get Postgres's own 0600), so the modes are set after it opens, and an existing
 * directory made by an older version is fixed the same way at start.
 */
export function restrictToOwner(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return; // gone meanwhile
  }
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) fs.chmodSync(target, 0o700);
    for (const name of fs.readdirSync(target)) restrictToOwner(path.join(target, name));
  } else if ((stat.mode & 0o077) !== 0) fs.chmodSync(target, stat.mode & 0o700);
}
