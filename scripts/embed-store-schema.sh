#!/usr/bin/env bash
# Copies store/schema.sql into Sources/ProbityKit/Store/StoreSchema.swift (which `probity store init` runs).
# Run it after editing the SQL; StoreSchemaTests fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '/// The store'"'"'s schema: `store/schema.sql`, the file an administrator reads, word for word (a test checks they'
  echo '/// are the same; `scripts/embed-store-schema.sh` copies it here). `probity store init URL` runs it.'
  echo 'public enum StoreSchema {'
  echo '    public static let sql = #"""'
  cat store/schema.sql
  echo ''
  echo '"""#'
  echo '}'
} > Sources/ProbityKit/Store/StoreSchema.swift
