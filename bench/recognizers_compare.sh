#!/usr/bin/env bash
# Durations: lovelorn vs Microsoft Recognizers-Text, F1 and speed side by side
# on ../shared/gold/dev.jsonl. Installs @microsoft/recognizers-text-suite from
# npm into a temporary folder (nothing is added to the project).
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${GOLD:-../shared/gold/dev.jsonl}
CLI=${CLI:-build/lovelorn}
rt=$(mktemp -d)
trap 'rm -rf "$rt"' EXIT
command -v node >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
(cd "$rt" && npm install --silent --no-audit --no-fund @microsoft/recognizers-text-suite >/dev/null)
python3 bench/recognizers_compare.py "$GOLD" "$CLI" "$rt"
