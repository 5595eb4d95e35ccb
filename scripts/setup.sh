#!/usr/bin/env bash
# Installs the Debian packages lovelorn needs to build, test and benchmark.
# Idempotent: only missing packages are installed. Run as root (or with sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git python3
  libicu-dev libboost-dev libeigen3-dev libsimdjson-dev libcli11-dev
  libzstd-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
  zstd gzip time
  pybind11-dev python3-dev python3-pytest python3-dask python3-distributed
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi
