#!/usr/bin/env bash
# Wraps build/package/bundle/NetDesk.app (from `packaging/build.sh bundle` on macOS) in a .dmg
# with an Applications link to drag it onto: dist/netdesk-<version>-macos-<arch>.dmg.
# Runs on macOS only (hdiutil). The app is not signed or notarised: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' netdesk/__init__.py)
APP=build/package/bundle/NetDesk.app
DMG=dist/netdesk-$VERSION-macos-$(uname -m).dmg
[ -d "$APP" ] || { echo "make-dmg: $APP is missing; run packaging/build.sh bundle" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$DMG"
hdiutil create -volname "NetDesk $VERSION" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG"
echo "$DMG"
