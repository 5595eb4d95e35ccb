#!/usr/bin/env bash
# Installs the built lovelorn into a temporary prefix, builds
# examples/consumer against it with find_package(lovelorn), and runs it.
set -euo pipefail
build_dir=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/pkgconfig/lovelorn.pc" || test -f "$work/prefix/lib/x86_64-linux-gnu/pkgconfig/lovelorn.pc"
cmake -S "$source_dir/examples/consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"
