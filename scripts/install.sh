#!/usr/bin/env bash
# Installs Probity for every user of a machine:
#
#   bash scripts/install.sh [--prefix DIR]      build a release binary and install it under DIR (default /usr/local)
#   bash scripts/install.sh --uninstall [--prefix DIR]   remove exactly what an install there put in place
#
# Installed: DIR/bin/probity; the knowledge in DIR/share/probity/ (with the sentence encoder scripts/fetch-encoder.sh
# makes); the man page DIR/share/man/man1/probity.1; NOTICE and the encoder's licence in DIR/share/doc/probity/;
# completions for bash (DIR/share/bash-completion/completions/probity), zsh (DIR/share/zsh/site-functions/_probity)
# and fish (DIR/share/fish/vendor_completions.d/probity.fish). The list of what was installed is kept in
# DIR/share/probity/installed-files, which --uninstall reads.
#
# Other options: --binary PATH installs an already built probity instead of building one; --destdir DIR stages the
# files under DIR as if DIR were / (for packaging: no list of files is kept, the package manager keeps its own).
set -euo pipefail

prefix=/usr/local
binary=""
destdir=""
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --binary) binary="${2:?--binary needs the path of a built probity}"; shift 2 ;;
        --destdir) destdir="${2:?--destdir needs a folder}"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (see bash scripts/install.sh --help)" >&2; exit 64 ;;
    esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
root="$destdir$prefix"
manifest="$root/share/probity/installed-files"

if [ "$uninstall" = 1 ]; then
    if [ ! -f "$manifest" ]; then
        echo "install.sh: nothing to uninstall: $manifest is missing (was Probity installed with --prefix $prefix?)" >&2
        exit 1
    fi
    # Files first, then the folders the install created, deepest first, each only if it is empty.
    listed="$(cat "$manifest")"
    grep '^f ' <<<"$listed" | cut -c3- | while IFS= read -r file; do rm -f -- "$file"; done
    grep '^d ' <<<"$listed" | cut -c3- | sort -r | while IFS= read -r dir; do rmdir -- "$dir" 2>/dev/null || true; done
    echo "Removed Probity from $prefix."
    exit 0
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "$binary" ]; then
    bash "$repo/scripts/ensure-deps.sh"
    (cd "$repo" && swift build -c release --product probity)
    binary="$(cd "$repo" && swift build -c release --show-bin-path)/probity"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable probity" >&2; exit 1; }
# The sentence encoder (Knowledge/catalogue/encoder.bin, not in git): without it Probity still routes, less well.
bash "$repo/scripts/fetch-encoder.sh" \
    || echo "install.sh: the sentence encoder could not be made; Probity will route without its second stage" >&2

created=()
files=()
# Makes a folder (and its parents), remembering each one it had to create.
make_dir() {
    local dir="$1" missing=()
    while [ ! -d "$dir" ]; do missing+=("$dir"); dir="$(dirname "$dir")"; done
    local i
    for ((i = ${#missing[@]} - 1; i >= 0; i--)); do
        mkdir -m 755 "${missing[$i]}"
        created+=("${missing[$i]}")
    done
}
put() {  # put SOURCE DEST MODE
    make_dir "$(dirname "$2")"
    install -m "$3" "$1" "$2"
    files+=("$2")
}

put "$binary" "$root/bin/probity" 755
while IFS= read -r file; do
    put "$repo/Knowledge/$file" "$root/share/probity/$file" 644
done < <(cd "$repo/Knowledge" && find . -type f ! -name '.*' | sed 's|^\./||' | sort)
put "$repo/docs/man/probity.1" "$root/share/man/man1/probity.1" 644
put "$repo/NOTICE" "$root/share/doc/probity/NOTICE" 644
put "$repo/docs/licenses/Apache-2.0.txt" "$root/share/doc/probity/Apache-2.0.txt" 644

# Completions come from the installed binary, which finds the installed knowledge for ids at Tab time.
completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
"$root/bin/probity" --generate-completion-script bash > "$completions/probity"
"$root/bin/probity" --generate-completion-script zsh > "$completions/_probity"
"$root/bin/probity" --generate-completion-script fish > "$completions/probity.fish"
put "$completions/probity" "$root/share/bash-completion/completions/probity" 644
put "$completions/_probity" "$root/share/zsh/site-functions/_probity" 644
put "$completions/probity.fish" "$root/share/fish/vendor_completions.d/probity.fish" 644

if [ -z "$destdir" ]; then
    {
        for dir in "${created[@]}"; do echo "d $dir"; done
        for file in "${files[@]}"; do echo "f $file"; done
        echo "f $manifest"
    } > "$manifest"
    chmod 644 "$manifest"
fi
echo "Installed Probity in $prefix: run probity (man probity for help)."
