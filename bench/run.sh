#!/usr/bin/env bash
# Side-by-side benchmark: GeoPrevention (C#) against the peer pipelines in ../shared/bench (R sf/classInt/spdep,
# Python geopandas/libpysal, QGIS (PyQGIS, headless; Debian qgis + python3-qgis, installed if missing), mapshaper) on the
# same generated data, in the same run.
# Not part of the tests or .ci/run. Usage (from the repository root):
#   bash bench/run.sh                       # SIZES="100 1000 10000 100000" TOOLS="r py qgis mapshaper cs"
#   SIZES="100 1000" TOOLS="r cs" bash bench/run.sh
# Writes DATA and RESULTS outside the repository (default /tmp/gp-bench) and prints the ratio table
# (GeoPrevention / fastest peer per step), which docs/performance.md quotes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$(cd "$ROOT/../shared" && pwd)}"
WORK="${WORK:-/tmp/gp-bench}"
export DATA="${DATA:-$WORK/data}" RESULTS="${RESULTS:-$WORK/results}"
export SIZES="${SIZES:-100 1000 10000 100000}"
export TOOLS="${TOOLS:-r py qgis mapshaper cs}"
export MAPSHAPER_MODULES="${MAPSHAPER_MODULES:-$WORK/js}"
mkdir -p "$DATA" "$RESULTS"

# Peers' prerequisites (Debian packages and npm), installed only when missing.
need=()
command -v Rscript >/dev/null || need+=(r-base-core r-cran-sf r-cran-classint r-cran-spdep r-cran-jsonlite)
/usr/bin/python3 -c 'import geopandas, libpysal' 2>/dev/null || need+=(python3-geopandas python3-matplotlib python3-libpysal python3-scipy python3-fiona python3-pyproj gdal-bin)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v bc >/dev/null || need+=(bc)
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
# Native AOT link step of our runner: clang as the linker driver and zlib (the ILCompiler package itself comes from NuGet).
command -v clang >/dev/null || need+=(clang)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
case " $TOOLS " in *" qgis "*) /usr/bin/python3 -c 'import qgis' 2>/dev/null || need+=(qgis python3-qgis) ;; esac
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
[ -d "$MAPSHAPER_MODULES/node_modules/mapshaper" ] && [ -d "$MAPSHAPER_MODULES/node_modules/simple-statistics" ] \
  || npm install --prefix "$MAPSHAPER_MODULES" --no-audit --no-fund mapshaper simple-statistics@7.12.1

# Our runner, published with Native AOT (precompiled like the peers' native libraries; no JIT, no warm-up pass; see
# docs/performance.md "Start-up"). BenchNativeAot (not PublishAot) so that only the runner is AOT-published.
rm -rf "$WORK/cs"
dotnet publish "$ROOT/bench/GeoPrevention.Bench/GeoPrevention.Bench.csproj" -c Release -r linux-x64 -p:BenchNativeAot=true \
  -o "$WORK/cs" -v quiet -nologo
export CS_CMD="$WORK/cs/GeoPrevention.Bench"

bash "$SHARED/bench/run_peers.sh"

# Exact optimal breaks: the strongest peer is ckmeans (simple-statistics), not classInt.
for n in $SIZES; do
  node "$SHARED/bench/ref_js_ckmeans.mjs" --modules "$MAPSHAPER_MODULES" --csv "$DATA/indicators_$n.csv" --year 2023 --repeat 5 \
    > "$RESULTS/ckmeans_$n.json" || echo "ckmeans failed for N=$n"
done

/usr/bin/python3 "$ROOT/bench/compare.py" --results "$RESULTS" --sizes $SIZES
