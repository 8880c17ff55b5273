#!/usr/bin/env bash
# Builds NetDesk's release (`make package` runs it):
#   packaging/build.sh          Linux: the stripped PyInstaller one-folder bundle, then
#                               dist/netdesk-<version>-linux-x86_64.tar.gz and
#                               dist/netdesk_<version>_amd64.deb (bundle in /usr/lib/netdesk,
#                               /usr/bin/netdesk, desktop file, hicolor icons, AppStream metainfo).
#                               Nothing is rebuilt while the inputs (netdesk/, resources/, packaging/,
#                               pyproject.toml, the Python) are unchanged.
#   packaging/build.sh bundle   any OS: only the bundle (build/package/bundle/netdesk, or
#                               NetDesk.app on macOS), for the Windows and macOS installers.
# The bundle is built in a venv of its own holding only the runtime dependencies and PyInstaller.
# Environment: PYTHON (default python3; needs a shared libpython), NETDESK_FORCE_BUILD=1 to rebuild,
# NETDESK_PACKAGE_QUICK=1 (the tests) for the same files compressed fast: gzip -1 for the .deb (seconds
# instead of xz's minutes; lintian accepts gzip and xz only) and the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
WORK=build/package
VENV=$WORK/venv
APP_ID=io.github.netdesk.netdesk
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' netdesk/__init__.py)
TARBALL=dist/netdesk-$VERSION-linux-x86_64.tar.gz
DEB=dist/netdesk_${VERSION}_amd64.deb
if [ -n "${NETDESK_PACKAGE_QUICK:-}" ]; then
  DEB_COMPRESSION=(-Zgzip -z1) GZIP_LEVEL=1 MODE=quick
else
  DEB_COMPRESSION=(-Zxz) GZIP_LEVEL=6 MODE=release
fi
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=macos ;;
  *) OS=windows ;;
esac

say() { echo "package [${SECONDS}s]: $*" >&2; }

venv_python() { if [ -x "$VENV/bin/python" ]; then echo "$VENV/bin/python"; else echo "$VENV/Scripts/python"; fi; }

# The venv: runtime dependencies from pyproject.toml plus the `package` extra (and Pillow, which
# PyInstaller uses to make the .ico / .icns icons), nothing else. netdesk itself comes from the source.
make_venv() {
  local stamp
  stamp=$VENV/.stamp-$("$PYTHON" -c 'import sys; print(sys.version)' | cat - pyproject.toml \
    | cksum | cut -d' ' -f1)
  [ -f "$stamp" ] && return
  say "creating the build venv ($VENV)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  local py
  py=$(venv_python)
  "$py" -m pip install -q --upgrade pip
  "$py" - >"$WORK/requirements.txt" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["package"]))
PY
  [ "$OS" = linux ] || echo "pillow" >>"$WORK/requirements.txt"
  "$py" -m pip install -q -r "$WORK/requirements.txt"
  if "$py" -m pip show -q PySide6-Addons >/dev/null 2>&1; then
    say "full PySide6 (Addons) got into the build venv; only PySide6-Essentials belongs there"
    exit 1
  fi
  touch "$stamp"
}

build_bundle() {
  local py
  py=$(venv_python)
  say "rendering icons"
  rm -rf "$WORK/icons"
  QT_QPA_PLATFORM=offscreen "$py" packaging/render_icons.py resources/icons/netdesk.svg "$WORK/icons"
  say "running PyInstaller"
  "$py" -m PyInstaller --noconfirm --log-level WARN \
    --workpath "$WORK/pyinstaller" --distpath "$WORK/bundle" packaging/netdesk.spec
  [ "$OS" = linux ] && drop_build_runpaths "$WORK/bundle/netdesk"
  # NetDesk's licence and the third-party notice, where the app (Help → About) finds them.
  local internal=$WORK/bundle/netdesk/_internal
  [ "$OS" = macos ] && internal=$WORK/bundle/NetDesk.app/Contents/Frameworks
  say "writing the licences"
  install -Dm644 LICENSE "$internal/licenses/LICENSE"
  "$py" packaging/notices.py "$internal" "$internal/licenses/THIRD-PARTY-NOTICES.txt"
}

# A Python built by pyenv (or any --prefix build) leaves RUNPATH=<its prefix>/lib in libpython and
# its modules: a build machine's folder that the installed program would search. Qt's $ORIGIN
# paths are the bundle's own and stay.
drop_build_runpaths() {
  local file runpath
  while IFS= read -r -d '' file; do
    runpath=$(patchelf --print-rpath "$file" 2>/dev/null) || continue
    if [ -n "$runpath" ] && [[ $runpath != *'$ORIGIN'* ]]; then
      patchelf --remove-rpath "$file"
    fi
  done < <(find "$1" -type f -name '*.so*' -print0)
}

inputs_digest() {
  { echo "$MODE"; cat "$VENV"/.stamp-*; find netdesk resources packaging pyproject.toml -type f \
      ! -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-16
}

# share/: the desktop file, icons and metainfo, as installed under /usr (or a tarball's prefix).
stage_share() {
  local share=$1
  install -Dm644 packaging/linux/netdesk.desktop "$share/applications/netdesk.desktop"
  install -Dm644 "packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
  mkdir -p "$share/icons"
  cp -r "$WORK/icons/hicolor" "$share/icons/"
}

build_tarball() {
  local stage=$WORK/tar/netdesk-$VERSION
  rm -rf "$WORK/tar"
  mkdir -p "$stage"
  cp -a "$WORK/bundle/netdesk/." "$stage/"
  stage_share "$stage/share"
  install -m644 packaging/linux/README-tarball.txt "$stage/README.txt"
  install -m755 packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$WORK/tar" -cf - "netdesk-$VERSION" | gzip -n "-$GZIP_LEVEL" >"$TARBALL"
}

build_deb() {
  local root=$WORK/deb/netdesk_${VERSION}_amd64
  local doc=$root/usr/share/doc/netdesk
  rm -rf "$WORK/deb"
  mkdir -p "$root/usr/lib" "$root/usr/bin" "$root/DEBIAN" "$doc"
  cp -a "$WORK/bundle/netdesk" "$root/usr/lib/netdesk"
  find "$root/usr/lib/netdesk" -type f -name '*.so*' -exec chmod 644 {} +  # loaded, never run
  ln -s ../lib/netdesk/netdesk "$root/usr/bin/netdesk"
  stage_share "$root/usr/share"
  install -m644 packaging/linux/copyright "$doc/copyright"
  gzip -9n <packaging/linux/changelog >"$doc/changelog.gz"
  install -Dm644 packaging/linux/lintian-overrides "$root/usr/share/lintian/overrides/netdesk"
  local depends  # what the bundle links but does not carry; fontconfig-config brings a font
  depends="$(bash packaging/linux/deb-depends.sh "$root/usr/lib/netdesk"), fontconfig-config"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@DEPENDS@/$depends/" \
    -e "s/@SIZE@/$(du -sk "$root" | cut -f1)/" packaging/linux/control.in >"$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z |
    xargs -0 md5sum) >"$root/DEBIAN/md5sums"  # `dpkg --verify` compares against these
  chmod 644 "$root/DEBIAN/md5sums"
  find "$root" -type d -exec chmod 755 {} +
  dpkg-deb --root-owner-group "${DEB_COMPRESSION[@]}" --build "$root" "$DEB" >/dev/null
}

build_linux_release() {
  for tool in dpkg-deb objdump file strip patchelf; do
    command -v "$tool" >/dev/null || { say "$tool is missing (scripts/system-deps.sh package)"; exit 1; }
  done
  # The newest <release> in the metainfo must be this version (it lives in netdesk/__init__.py).
  grep -q "<release version=\"$VERSION\"" "packaging/linux/$APP_ID.metainfo.xml" || {
    say "packaging/linux/$APP_ID.metainfo.xml has no <release version=\"$VERSION\">"; exit 1; }
  head -1 packaging/linux/changelog | grep -q "^netdesk ($VERSION) " || {
    say "packaging/linux/changelog does not start with netdesk ($VERSION)"; exit 1; }
  export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
  local digest
  digest=$(inputs_digest)
  if [ -z "${NETDESK_FORCE_BUILD:-}" ] && [ "$(cat "$WORK/inputs.digest" 2>/dev/null)" = "$digest" ] \
     && [ -f "$TARBALL" ] && [ -f "$DEB" ]; then
    say "up to date ($MODE $digest): $TARBALL $DEB"
    return
  fi
  rm -f "$WORK/inputs.digest"
  build_bundle
  say "building $TARBALL"
  build_tarball
  say "building $DEB"
  build_deb
  echo "$digest" >"$WORK/inputs.digest"
  say "$MODE build: bundle $(du -sh "$WORK/bundle/netdesk" | cut -f1), $(du -h "$TARBALL" | cut -f1) $TARBALL," \
    "$(du -h "$DEB" | cut -f1) $DEB"
}

mkdir -p "$WORK" dist
make_venv
case "${1:-release}" in
  bundle) build_bundle ;;
  release) build_linux_release ;;
  *) say "usage: packaging/build.sh [bundle]"; exit 2 ;;
esac
