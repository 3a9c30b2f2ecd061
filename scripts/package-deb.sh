#!/usr/bin/env bash
# Builds a Debian package of Probity with the same layout as scripts/install.sh --prefix /usr:
#
#   bash scripts/package-deb.sh [--binary PATH] [--output DIR]     → DIR/probity_VERSION_ARCH.deb (default DIR: .build/deb)
#
# The package depends on libedit2 (line editing) and the Swift runtime libraries it links are bundled by a static
# Swift standard library build (-static-stdlib), so nothing else from Swift is needed on the machine.
# Check it in a clean Debian root with scripts/check-deb-debootstrap.sh.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary=""
output="$repo/.build/deb"
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="${2:?}"; shift 2 ;;
        --output) output="${2:?}"; shift 2 ;;
        *) echo "package-deb.sh: unknown option '$1'" >&2; exit 64 ;;
    esac
done
command -v dpkg-deb >/dev/null || { echo "package-deb.sh: dpkg-deb is needed (apt-get install dpkg)" >&2; exit 1; }
if [ -z "$binary" ]; then
    bash "$repo/scripts/ensure-deps.sh"
    (cd "$repo" && swift build -c release --product probity -Xswiftc -static-stdlib)
    binary="$(cd "$repo" && swift build -c release --show-bin-path)/probity"
fi
version="$("$binary" --version | head -1 | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
bash "$repo/scripts/install.sh" --prefix /usr --destdir "$stage" --binary "$binary" >/dev/null
# Debian packages ship binaries without their debugging symbols (85 MB → about a third of that).
if command -v strip >/dev/null; then strip --strip-unneeded "$stage/usr/bin/probity"; fi
gzip -9n "$stage/usr/share/man/man1/probity.1"
mkdir -p "$stage/DEBIAN" "$stage/etc/probity"
cat > "$stage/etc/probity/config" <<'CONFIG'
# Probity's settings for everyone on this machine (each user's ~/.config/probity/config wins over these).
# council = carlisle
# role = member
CONFIG
echo "/etc/probity/config" > "$stage/DEBIAN/conffiles"
size="$(du -sk "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: probity
Version: $version
Architecture: $arch
Maintainer: Probity <probity@localhost>
Depends: libedit2, libc6, libstdc++6, libgcc-s1
Installed-Size: $size
Section: utils
Priority: optional
Description: advice on a council's member/officer protocol, quoting its own words
 Probity answers councillors' and council officers' questions about their
 council's member/officer protocol, quoting its clauses word for word, and keeps
 every conversation as a transcript for the Monitoring Officer.
CONTROL
mkdir -p "$output"
deb="$output/probity_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
