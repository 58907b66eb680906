#!/usr/bin/env bash
# Installs what Spanfire needs (Debian 12), builds it with the release preset
# and opens the bundled demo: a linked trace (OTLP JSON) and CPU profile (pprof
# with span_id/span_name labels) of one run of scripts/demo (a small Go service).
# Extra arguments are passed to spanfire (e.g. more files to open).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
# Tests and benchmarks are not needed to run the app; ./scripts/run-tests.sh builds them.
cmake --preset release -DSPANFIRE_BUILD_TESTS=OFF -DSPANFIRE_BUILD_BENCH=OFF
cmake --build --preset release --target spanfire spanfire-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run-demo: no display found; run it from a desktop session, or try: xvfb-run -a $0" >&2
fi
exec ./build/release/app/spanfire \
  resources/demo/shop.traces.otlp.json \
  resources/demo/shop.cpu.pb.gz "$@"
