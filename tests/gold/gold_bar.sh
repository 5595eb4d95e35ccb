#!/usr/bin/env bash
# Runs `lovelorn eval` on the shared dev gold and fails below a bar.
# Exit 77 (CTest: skipped) when ../shared/gold is absent.
# usage: gold_bar.sh CLI GOLD METRIC MIN [METRIC MIN ...]
set -u
cli=$1 gold=$2; shift 2
[ -f "$gold" ] || { echo "skipped: no $gold"; exit 77; }
status=0
while [ $# -ge 2 ]; do
  "$cli" eval --gold "$gold" --field "$1" --min "$2" | tail -1
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  shift 2
done
exit $status
