#!/usr/bin/env bash
# Peak resident memory (GNU time's %M, KB) of one `report --format json`
# per framework and cached bench scale, next to what the KPIs must remember:
# the distinct sessions in the period.
# Needs the data `npm run bench -- --scales 1,3,10` caches in .bench/.
#   scripts/bench/memory-growth.sh [CLI] [BENCH_DIR]   (defaults: bin/journey-kpi.js .bench)
set -euo pipefail
shopt -s nullglob
cli=${1:-bin/journey-kpi.js}
dir=${2:-.bench}
frameworks=(scripts/bench/frameworks/counts-only.yaml examples/ecommerce/journey.yaml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Rows read, and the distinct sessions in the period ("-" for a framework without that KPI).
summary='const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
const sessions = r.stages.flatMap((s) => s.kpis).find((k) => k.id === "sessions");
console.log(`${r.sources.reduce((n, s) => n + s.rows_read, 0)}\t${sessions?.value ?? "-"}`);'
printf 'framework\tdata\tpeak_rss_kb\trows_read\tsessions\n'
for data in "$dir"/seed20260701-t3000000-* "$dir"/seed20260701-t9000000-* "$dir"/seed20260701-t30000000-*; do
  for framework in "${frameworks[@]}"; do
    /usr/bin/time -f %M -o "$tmp/peak" node "$cli" report "$framework" --format json \
      --source "traffic=$data/ga4-events.csv" --source "orders=$data/shopify-orders.csv" \
      --source "survey=$data/survey-responses.csv" >"$tmp/out.json"
    line=$(node -e "$summary" <"$tmp/out.json")
    printf '%s\t%s\t%s\t%s\n' "$(basename "$framework")" "$(basename "$data")" "$(tail -1 "$tmp/peak")" "$line"
  done
done
