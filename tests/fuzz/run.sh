#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, build-fuzz/) and runs each for
# SECONDS (default 60) from its seed corpus, one after the other, with a
# fixed mutation seed (LOVELORN_FUZZ_SEED, default 1) so CI runs repeat:
#   tests/fuzz/run.sh 60            # all targets
#   tests/fuzz/run.sh 30 model      # only some
# The seeds are tests/fuzz/corpus/<target>/ (written by the team) plus
# tests/fuzz/regressions/<target>/ (inputs that once crashed; they are also
# replayed first). The growing working corpus lives in build-fuzz/corpus/.
# Runs every target; exits non-zero when any of them crashes, leaks, hangs (>25 s on
# one input) or runs out of memory; the crashing input is kept under
# build-fuzz/artifacts/<target>/ and its log is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
build=build-fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(dump_blog dump_jsonl dump_csv dump_text dump_auto tokenizer
           grammar_number grammar_unit grammar_hedge grammar_duration grammar_timestamp
           analyze model)
fi

start=$(date +%s)
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DLOVELORN_BUILD_FUZZERS=ON -DLOVELORN_BUILD_TESTS=OFF -DLOVELORN_BUILD_BENCH=OFF \
    -DLOVELORN_BUILD_EXAMPLES=OFF -DLOVELORN_BUILD_PYTHON=OFF >/dev/null
fi
cmake --build "$build" -j2 --target fuzzers
echo "fuzz: build took $(( $(date +%s) - start )) s"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0
failed=()
for t in "${targets[@]}"; do
  exe="$PWD/$build/tests/fuzz/fuzz_$t"
  work="$PWD/$build/corpus/$t"
  artifacts="$PWD/$build/artifacts/$t"
  logs="$PWD/$build/logs/$t"
  mkdir -p "$work" "$artifacts" "$logs"
  seeds=("$work" "$PWD/tests/fuzz/corpus/$t")
  if [ -d "tests/fuzz/regressions/$t" ]; then
    seeds+=("$PWD/tests/fuzz/regressions/$t")
    # Replay the inputs that crashed before: each must pass now.
    if ! "$exe" -runs=0 "tests/fuzz/regressions/$t"/* >"$logs/regressions.log" 2>&1; then
      echo "fuzz: $t: a regression input fails again:" >&2
      tail -n 60 "$logs/regressions.log" >&2
      status=1
      failed+=("$t")
      continue
    fi
  fi
  t0=$(date +%s)
  rc=0
  # -jobs=1 runs the fuzzer in a child process logging to fuzz-0.log.
  (cd "$logs" && "$exe" -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
      -seed="${LOVELORN_FUZZ_SEED:-1}" -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" "${seeds[@]}" >"$logs/run.log" 2>&1) || rc=$?
  stats=$(grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$logs/fuzz-0.log" 2>/dev/null | tail -n 1 || true)
  echo "fuzz: $t: $(( $(date +%s) - t0 )) s, exit $rc ${stats}"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $t FAILED; crashing input(s): $(ls "$artifacts")" >&2
    tail -n 80 "$logs/fuzz-0.log" >&2 || true
    status=1
    failed+=("$t")
  fi
done
echo "fuzz: total $(( $(date +%s) - start )) s"
[ $status -eq 0 ] || echo "fuzz: FAILED: ${failed[*]}" >&2
exit $status
