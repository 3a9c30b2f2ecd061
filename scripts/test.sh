#!/usr/bin/env bash
# Runs Probity's tests, installing and building what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift build
swift test "$@"
