#!/usr/bin/env bash
# Load check of the web map host with Debian's wrk against 127.0.0.1 (see docs/performance.md, "Web host").
# Usage: bench/load.sh [seconds=10] [connections=32]
# Starts `geoprevention serve` on the demo atlas on a free local port, runs wrk on
#   1. /api/values (indicator and year rotate over all 7 × 11 combinations, Sozialräume layer), and
#   2. /api/maps/render (server-rendered PNG of the whole Kreis, 1600 × 1200 px; never cached by the host;
#      indicator and year rotate so every request renders anew),
# then stops the server (by its PID) and prints throughput, p99 latency and errors as Markdown table rows.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-32}"
CONFIGURATION="${CONFIGURATION:-Release}"
PORT="${PORT:-5381}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

dotnet build src/MapHost/Host -c "$CONFIGURATION" -v q -nologo >/dev/null
DLL="src/MapHost/Host/bin/$CONFIGURATION/net10.0/geoprevention.dll"
LUA=""
LOG="$(mktemp)"
dotnet "$DLL" serve --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG" "$LUA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$LOG" >&2; exit 1; }

LUA="$(mktemp --suffix=.lua)"
cat >"$LUA" <<'LUA'
local indicators = { "sgb2_u15", "alleinerziehend", "seu_sprache", "seu_motorik", "seu_uebergewicht", "hze", "kita_u3" }
local i = 0
request = function()
  i = i + 1
  local ind = indicators[(i % #indicators) + 1]
  local year = 2015 + (math.floor(i / #indicators) % 11)
  return wrk.format("GET", string.format(wrk.path, ind, year))
end
LUA

run() { # name path-template
  local out
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 60s --latency -s "$LUA" "http://127.0.0.1:$PORT$2")"
  local rps p99 p50 total errors non2xx
  rps="$(awk '/^Requests\/sec/{print $2}' <<<"$out")"
  p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  total="$(awk '/requests in/{print $1}' <<<"$out")"
  errors="$(awk '/Socket errors/{gsub(",","");s=0;for(i=1;i<=NF;i++)if($i ~ /^[0-9]+$/)s+=$i;print s}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/{print $NF}' <<<"$out")"
  echo "| $1 | ${DURATION} s, $CONNECTIONS conn. | $total | $rps | $p50 | $p99 | ${errors:-0} socket, ${non2xx:-0} non-2xx |"
}

echo "| endpoint | run | requests | req/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|---|"
run "GET /api/values (Sozialräume, 7 indicators × 11 years)" "/api/values?layer=sozialraeume&indicator=%s&year=%d&method=quantile&classes=5"
run "GET /api/maps/render Kreis PNG 1600×1200, uncached" "/api/maps/render?indicator=%s&year=%d&area=kreis&format=png"
