#!/usr/bin/env bash
# Regenerates docs/man/probity.1 from the command definitions, after a change to any command's options or help:
#
#   bash scripts/generate-manual.sh
#
# swift-argument-parser's generate-manual plugin writes the NAME, SYNOPSIS, DESCRIPTION (every command and option)
# and its own EXIT STATUS; this script then puts in the sections written for councillors and administrators
# (docs/man/sections.mdoc: EXAMPLES, FILES, ENVIRONMENT, EXIT STATUS) in place of the plugin's EXIT STATUS.
# scripts/install.sh installs the result. Set GENERATE_MANUAL_TOOL to a built generate-manual-tool to skip the plugin.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ -n "${GENERATE_MANUAL_TOOL:-}" ]; then
    swift build --product probity >/dev/null
    "$GENERATE_MANUAL_TOOL" "$(swift build --show-bin-path)/probity" --date 2026-11-29 --authors "Probity" -o "$out"
    page="$out/probity.1"
else
    swift package --disable-sandbox plugin generate-manual --date 2026-11-29 --authors "Probity" >/dev/null
    page="$(find .build/plugins -path '*GenerateManual*' -name probity.1 | head -1)"
fi
[ -f "$page" ] || { echo "generate-manual.sh: no manual was generated" >&2; exit 1; }
awk -v sections="docs/man/sections.mdoc" '
    /^\.Sh "?EXIT STATUS"?/ { while ((getline line < sections) > 0) print line; skipping = 1; next }
    /^\.Sh / { skipping = 0 }
    !skipping { print }
' "$page" > docs/man/probity.1
grep -q '^\.Sh EXAMPLES' docs/man/probity.1 || { echo "generate-manual.sh: the EXIT STATUS section was not found to replace" >&2; exit 1; }
echo "Wrote docs/man/probity.1"
