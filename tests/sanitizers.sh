#!/usr/bin/env bash
# The sanitizer stages of CI (scripts/test.sh runs this with CI=true):
#   asan  build-asan/, g++ with -fsanitize=address,undefined, the whole CTest
#         suite (UBSan errors are fatal, LeakSanitizer on);
#   tsan  build-tsan/, g++ with -fsanitize=thread, only what the concurrency
#         tests need: Analyzer.SharedAcrossThreads (8 threads, one Analyzer)
#         and `lovelorn score --threads 8` on a generated input, whose output
#         must also equal the --threads 1 output byte for byte.
#   tests/sanitizers.sh            # both
#   tests/sanitizers.sh asan|tsan  # one
# Each stage prints its wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
stages=("$@")
[ $# -eq 0 ] && stages=(asan tsan)
common=(-G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS=-O1"
        -DLOVELORN_BUILD_PYTHON=OFF -DLOVELORN_BUILD_BENCH=OFF)

asan() {
  local t0=$SECONDS
  cmake -S . -B build-asan "${common[@]}" -DLOVELORN_SANITIZE=address,undefined >/dev/null
  cmake --build build-asan -j2
  echo "sanitizers: asan build took $((SECONDS - t0)) s"
  local t1=$SECONDS
  # package_consumer builds a plain (unsanitized) project against the
  # installed library, which cannot link an ASan-instrumented archive; it
  # runs in the main build.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2 -E '^package_consumer$'
  echo "sanitizers: asan tests took $((SECONDS - t1)) s (stage $((SECONDS - t0)) s)"
}

tsan() {
  local t0=$SECONDS
  cmake -S . -B build-tsan "${common[@]}" -DLOVELORN_SANITIZE=thread -DLOVELORN_BUILD_EXAMPLES=OFF >/dev/null
  cmake --build build-tsan -j2 --target analyzer_test lovelorn_cli
  echo "sanitizers: tsan build took $((SECONDS - t0)) s"
  local t1=$SECONDS
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
  build-tsan/tests/analyzer_test --gtest_filter='Analyzer.SharedAcrossThreads'
  local work=build-tsan/concurrency
  mkdir -p "$work"
  # 4000 varied comments, a few bad records among them.
  local phrases=("we dated for about eight months and he ghosted me"
                 "my ex texted me 3 times last week after 2 months of no contact"
                 "she has not called since Sunday, should I text her?"
                 "married 10 years, my husband checks my phone every night"
                 "you should block him and focus on yourself")
  for i in $(seq 0 3999); do
    if [ $((i % 997)) -eq 5 ]; then echo "{\"id\":\"bad$i\",\"body\":"
    else echo "{\"id\":\"c$i\",\"body\":\"${phrases[$((i % 5))]} ($i)\",\"created_utc\":$((1600000000 + i * 3600))}"
    fi
  done >"$work/in.jsonl"
  local rc=0
  build-tsan/lovelorn score -q --threads 8 "$work/in.jsonl" >"$work/out8.jsonl" || rc=$?
  [ $rc -le 1 ] || { echo "sanitizers: tsan: score --threads 8 exited $rc" >&2; return 1; }
  build-tsan/lovelorn score -q --threads 1 "$work/in.jsonl" >"$work/out1.jsonl" || true
  [ "$(wc -l <"$work/out8.jsonl")" -eq 4000 ] || { echo "sanitizers: tsan: records in != records out" >&2; return 1; }
  cmp "$work/out1.jsonl" "$work/out8.jsonl" || { echo "sanitizers: tsan: --threads 8 output differs from --threads 1" >&2; return 1; }
  echo "sanitizers: tsan tests took $((SECONDS - t1)) s (stage $((SECONDS - t0)) s)"
}

for s in "${stages[@]}"; do
  case "$s" in
    asan) asan ;;
    tsan) tsan ;;
    *) echo "sanitizers: unknown stage $s (asan|tsan)" >&2; exit 2 ;;
  esac
done
