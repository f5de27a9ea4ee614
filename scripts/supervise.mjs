// Keeps one child process running: restarts it when it dies unasked (after a growing pause, with a
// log line), gives up when it crashes `maxCrashes` times within `windowMs` (something is wrong that
// restarting will not fix), and forwards SIGINT/SIGTERM to it, then exits as it did. `npm start`
// runs the server under it (scripts/start.mjs). A deployment should still use its own supervisor
// (systemd Restart=always, a container restart policy): this covers a bare `npm start`.
import { spawn } from "node:child_process";

/**
 * @param {object} o
 * @param {string} o.command
 * @param {string[]} o.args
 * @param {import("node:child_process").SpawnOptions} [o.options]
 * @param {number} [o.maxCrashes] crashes within windowMs after which it gives up (default 5)
 * @param {number} [o.windowMs] default 60 s
 * @param {number} [o.firstDelayMs] pause before the first restart, doubled per crash in the window (default 1 s, at most 30 s)
 * @param {(line: string) => void} [o.log]
 * @returns {Promise<number>} the exit code to leave with
 */
export function supervise(o) {
  const maxCrashes = o.maxCrashes ?? 5;
  const windowMs = o.windowMs ?? 60_000;
  const firstDelayMs = o.firstDelayMs ?? 1_000;
  const log = o.log ?? ((line) => console.error(line));
  const crashes = [];
  let child;
  let stopping = null;
  let timer;

  return new Promise((resolve) => {
    const forward = (signal) => {
      stopping = signal;
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
      else resolve(0);
    };
    const onInt = () => forward("SIGINT");
    const onTerm = () => forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    const done = (code) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(code);
    };

    const start = () => {
      child = spawn(o.command, o.args, { stdio: "inherit", ...o.options });
      child.on("exit", (code, signal) => {
        if (stopping) return done(code ?? 0);
        if (code === 0) return done(0);
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && now - crashes[0] > windowMs) crashes.shift();
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (crashes.length >= maxCrashes) {
          log(
            JSON.stringify({
              level: 50,
              msg: `server exited (${how}); ${crashes.length} crashes within ${windowMs / 1000} s: giving up`,
            }),
          );
          return done(typeof code === "number" && code !== 0 ? code : 1);
        }
        const delay = Math.min(30_000, firstDelayMs * 2 ** (crashes.length - 1));
        log(
          JSON.stringify({
            level: 40,
            msg: `server exited (${how}); restarting in ${delay} ms`,
            crashes: crashes.length,
          }),
        );
        timer = setTimeout(start, delay);
      });
    };
    start();
  });
}
