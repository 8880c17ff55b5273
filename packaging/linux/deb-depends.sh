#!/usr/bin/env bash
# Prints the .deb Depends field for a PyInstaller bundle: the Debian packages that own the shared
# libraries its ELF files link (DT_NEEDED) but the bundle does not carry, and libc6 (>= the newest
# GLIBC_ symbol version the bundle's files use: the oldest glibc they run on).
# Usage: deb-depends.sh BUNDLE_DIR
set -euo pipefail
bundle=$(realpath "$1")

mapfile -t elves < <(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 |
  xargs -0 file -N --mime-type |
  awk -F': *' '$2 ~ /^application\/x-(pie-executable|sharedlib|executable)$/ {print $1}')
carried=$(find "$bundle" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(for f in "${elves[@]}"; do objdump -p "$f" | awk '$1 == "NEEDED" {print $2}'; done |
  sort -u | comm -23 - <(echo "$carried"))

owner() {  # the package owning library $1 as this machine's linker finds it
  local path
  path=$(ldconfig -p | awk -v lib="$1" '$1 == lib && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || { echo "deb-depends: $1 is not installed here" >&2; return 1; }
  for candidate in "$path" "$(realpath "$path")" "/usr$path" "${path#/usr}"; do
    dpkg-query -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return
  done
  echo "deb-depends: no package owns $path" >&2
  return 1
}

newest() {  # the newest symbol version $1_* the bundle's ELF files ask for
  for f in "${elves[@]}"; do objdump -T "$f"; done | grep -o "$1_[0-9][0-9.]*" |
    sed "s/$1_//" | sort -uV | tail -1
}

# The C++ runtime is the system's (it is always newer than the one Qt was built with); its
# package version follows GCC's, and GLIBCXX_3.4.N says which GCC release added a symbol.
cxx_minimum() {
  case $(newest GLIBCXX) in
    3.4.2[0-8] | 3.4.1* | 3.4.[0-9]) echo 10 ;;
    3.4.29) echo 11 ;;
    3.4.30) echo 12 ;;
    3.4.31 | 3.4.32) echo 13 ;;
    3.4.33) echo 14 ;;
    *) echo "deb-depends: GLIBCXX_$(newest GLIBCXX) is newer than this script knows" >&2; return 1 ;;
  esac
}

packages=$(for lib in $needed; do owner "$lib"; done | sort -u | { grep -vx 'libc6' || true; })
if grep -qx 'libstdc++6' <<<"$packages"; then
  packages=$(sed "s/^libstdc++6$/libstdc++6 (>= $(cxx_minimum))/" <<<"$packages")
fi
{ echo "libc6 (>= $(newest GLIBC))"; echo "$packages"; } | paste -sd, | sed 's/,/, /g'
