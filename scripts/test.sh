#!/usr/bin/env bash
# Builds and runs the whole test suite: the Release build with every
# GoogleTest/CTest test (including the Python binding tests and the gold
# accuracy bars), then — when CI=true or LOVELORN_FULL_TESTS=1 — the
# sanitizer stages and the fuzzers (tests/sanitizers.sh, tests/fuzz/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
if [ "${CI:-}" = "true" ] || [ "${LOVELORN_FULL_TESTS:-}" = "1" ]; then
  [ -x tests/sanitizers.sh ] && tests/sanitizers.sh
  [ -x tests/fuzz/run.sh ] && tests/fuzz/run.sh "${LOVELORN_FUZZ_SECONDS:-60}"
fi
