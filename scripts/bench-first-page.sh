#!/usr/bin/env bash
# `npm run bench:first-page`: the time from a fresh clone of this repository (its committed HEAD) to
# the first page served on the embedded database, by the README's quick start
# (`npm install && npm start`: install, build, migrate + seed PGlite, serve). Prints the time and
# the phases from the start log; removes the clone afterwards. npm's download cache is used if warm.
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
port="${BENCH_PORT:-3456}"
work="$(mktemp -d)"
pgid=""
cleanup() {
  [ -n "$pgid" ] && kill -- "-$pgid" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s.%N)
git clone -q "$root" "$work/app"
cd "$work/app"
setsid bash -c "env -u DATABASE_URL npm install --no-audit --no-fund > install.log 2>&1 && env -u DATABASE_URL PORT=$port npm start > start.log 2>&1" &
pgid=$!
code=000
for _ in $(seq 1 900); do
  code=$(curl -s -o page.html -w '%{http_code}' "http://127.0.0.1:$port/" || true)
  [ "$code" = "200" ] && break
  kill -0 "$pgid" 2>/dev/null || { echo "npm install/start exited early; last lines:"; tail -5 install.log start.log 2>/dev/null; exit 1; }
  sleep 1
done
end=$(date +%s.%N)
if [ "$code" != "200" ]; then echo "no page after 900 s (HTTP $code)"; exit 1; fi
printf 'fresh clone -> first page on the embedded database: %.1f s (HTTP 200%s)\n' \
  "$(echo "$end - $start" | bc)" "$(grep -q '8,934' page.html && echo ', shows 8,934' || echo ', 8,934 NOT found')"
grep -E "Seeded dataset|Applied [0-9]+ migration|Compiled successfully" start.log | sed 's/^/  /' || true
