#!/usr/bin/env bash
# Starts a Probity conversation, installing and building what is missing first.
# Any arguments go to `probity` (e.g. --council carlisle --role member).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/fetch-encoder.sh \
  || echo "The sentence encoder could not be made (offline?): Probity will route without its second stage." >&2
swift build -c release --product probity >&2
exec .build/release/probity chat "$@"
