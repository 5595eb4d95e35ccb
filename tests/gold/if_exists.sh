#!/usr/bin/env bash
# Runs a command only when a path from ../shared exists; exit 77 (CTest:
# skipped) otherwise.   usage: if_exists.sh PATH COMMAND [ARGS...]
path=$1; shift
[ -e "$path" ] || { echo "skipped: no $path"; exit 77; }
exec "$@"
