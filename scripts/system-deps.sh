#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs, only those that are missing.
#   system-deps.sh runtime   libraries for Qt's X11, Wayland and offscreen platforms
#   system-deps.sh package   plus what packaging/build.sh uses (binutils, file, libs to link)
#   system-deps.sh test      plus those, Xvfb, the tray / notification hosts of the display tests
#                            faketime (scripts/time-matrix.sh) and a CJK font for the offscreen
#                            screenshots and tests (fonts-wqy-microhei: a 1.6 MB download; a
#                            desktop has its own, so the app does not depend on it)
set -euo pipefail

# What the Qt libraries and platform plugins NetDesk ships link (tests/packaging/test_plugin_deps.py
# checks the list against `objdump -p` of each plugin): X11 (xcb), Wayland, offscreen.
runtime=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
         libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
         libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
         libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
         libwayland-client0 libwayland-cursor0 libgssapi-krb5-2 libbrotli1 libzstd1 zlib1g
         libstdc++6 fonts-dejavu-core)
test=(xvfb xauth dbus dbus-x11 trayer dunst haskell-status-notifier-item-utils x11-utils
      desktop-file-utils appstream lintian xdg-utils libglib2.0-bin faketime fonts-wqy-microhei)
package=(binutils file patchelf libcups2)
# PyInstaller bundles the interpreter's shared library; Debian ships it apart from python3.
python_lib=$("${PYTHON:-python3}" -c "import sysconfig as s; print(s.get_config_var('LIBDIR') + '/' + s.get_config_var('INSTSONAME'))")
if [ ! -e "$python_lib" ]; then
  package+=("$(basename "$python_lib" | sed 's/\.so.*//')")
fi

wanted=("${runtime[@]}")
# Debian's python3 has no ensurepip until python3-venv is installed (make creates .venv with it).
if ! "${PYTHON:-python3}" -c "import ensurepip" >/dev/null 2>&1; then
  wanted+=(python3-venv)
fi
case "${1:-runtime}" in
  package) wanted+=("${package[@]}") ;;
  test) wanted+=("${package[@]}" "${test[@]}") ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "NetDesk: not a Debian/Ubuntu system; make sure Qt 6's runtime libraries are installed:" >&2
  echo "  ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "NetDesk needs these packages and cannot install them without root or sudo:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >/dev/null
# Optional test hosts may be absent from some releases: install what exists, one by one on failure.
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
  for pkg in "${missing[@]}"; do
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "$pkg" >/dev/null \
      || echo "NetDesk: could not install $pkg; tests that need it will be skipped" >&2
  done
fi
