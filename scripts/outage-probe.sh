#!/usr/bin/env bash
# Prints status code and time of the app's main answers: run it against a server while its
# database is up, stopped or frozen (see the README's "Running in production" and notes).
# Usage: scripts/outage-probe.sh http://127.0.0.1:3550 <pinned-dataset-id>
set -u
base="${1:-http://127.0.0.1:3000}"
pinned="${2:-large-scale-ai-models-global-v1}"
paths=(
  "/api/health"
  "/api/v1/series?by=total"
  "/api/v1/series?by=vendor&dataset=${pinned}"
  "/"
  "/explore"
  "/methodology"
  "/sectors/healthcare"
  "/?dataset=${pinned}"
)
for p in "${paths[@]}"; do
  out=$(curl -s -o /tmp/outage-probe-body -w "%{http_code} %{time_total}" --max-time 30 "${base}${p}")
  body=$(head -c 160 /tmp/outage-probe-body | tr '\n' ' ')
  printf "%-55s %s s  %s\n" "GET $p" "$out" "${body:0:120}"
done
f=$(curl -s -o /tmp/outage-probe-body -w "%{http_code} %{time_total}" --max-time 30 -H 'content-type: application/json' -H "x-forwarded-for: 192.0.2.$RANDOM" \
  -d '{"series":[{"id":"a","values":[1,2,3,4,5,6],"h":2}]}' "${base}/api/v1/forecast")
printf "%-55s %s s\n" "POST /api/v1/forecast" "$f"
