#!/usr/bin/env bash
# Installs what Spanfire needs (Debian 12), builds everything with the dev
# preset (ccache when present) and runs the whole test suite with ctest.
# The benchmarks are compiled too (so they cannot rot) but not run; set
# SPANFIRE_BUILD_BENCH=OFF to skip compiling them. With CI=true (or without a
# display) Qt runs headless on the offscreen platform.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
if [ "${CI:-}" = "true" ] || [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  export QT_QPA_PLATFORM=offscreen
fi
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
jobs="$(nproc 2>/dev/null || echo 2)"

cmake --preset dev -DSPANFIRE_BUILD_TESTS=ON -DSPANFIRE_BUILD_BENCH="${SPANFIRE_BUILD_BENCH:-ON}"
cmake --build --preset dev -j "$jobs"
ctest --preset dev --output-on-failure -j "$jobs" "$@"
