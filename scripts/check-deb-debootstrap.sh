#!/usr/bin/env bash
# Checks that the Debian package installs and runs in a clean Debian root (run by hand, as root; slow, not in CI):
#
#   sudo bash scripts/check-deb-debootstrap.sh [PACKAGE.deb] [SUITE] [MIRROR]
#
# Makes a minimal root with debootstrap (default suite bookworm), installs the package with apt (which fetches
# libedit2), then as a fresh user runs `probity topics`, `probity clause carlisle 116` and `probity --version`
# from their home folder. Without a PACKAGE, builds one with scripts/package-deb.sh first.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb="${1:-}"
suite="${2:-bookworm}"
mirror="${3:-http://deb.debian.org/debian}"
[ "$(id -u)" = 0 ] || { echo "check-deb-debootstrap.sh: run as root (debootstrap and chroot need it)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "check-deb-debootstrap.sh: apt-get install debootstrap first" >&2; exit 1; }
[ -n "$deb" ] || deb="$(bash "$repo/scripts/package-deb.sh" | tail -1)"
root="$(mktemp -d /var/tmp/probity-root.XXXXXX)"
chmod 755 "$root"  # mktemp makes it private; the fresh user must be able to enter /
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
debootstrap --variant=minbase "$suite" "$root" "$mirror"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/probity.deb"
chroot "$root" apt-get install -y /tmp/probity.deb
chroot "$root" useradd -m councillor
run() { chroot "$root" su - councillor -c "$1"; }
run 'cd ~ && probity topics | tail -1'
run 'cd ~ && probity clause carlisle 116 | head -3'
run 'probity --version'
run 'probity tpoics' && { echo "FAIL: a mistyped command was accepted" >&2; exit 1; } || [ $? = 64 ]
echo "The package installs and runs in a clean $suite root."
