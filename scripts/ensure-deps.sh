#!/usr/bin/env bash
# Installs what Probity needs to build and test on Debian/Ubuntu, if it is missing: libedit (line editing),
# pkg-config, libpq (the PostgreSQL client, for the transcript store) and PostgreSQL itself (the store's tests).
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libedit 2>/dev/null; then missing+=(libedit-dev); fi
if ! pkg-config --exists libpq 2>/dev/null; then missing+=(libpq-dev); fi
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "Swift 6 is needed: install it from swift.org, then run this again." >&2; exit 1; }
