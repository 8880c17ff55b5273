#!/bin/sh
# Adds this unpacked NetDesk to your desktop menu, for your user only (no root needed):
# the menu entry (absolute paths, so it works before ~/.local/bin is on the session's PATH),
# the icons and the AppStream metainfo under ~/.local/share, and ~/.local/bin/netdesk.
#   ./install.sh         asks before making NetDesk the default application for vCard files
#   ./install.sh --yes   agrees to everything without asking (for scripts)
# ./uninstall.sh undoes it; neither touches your contacts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
agree=no
for arg in "$@"; do
  case $arg in
    -y | --yes) agree=yes ;;
    -h | --help) sed -n '2,7p' "$0" | cut -c3-; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
case $here in
  *[\"\\\`\$]* | *"
"*) echo "install.sh: move this folder to a path without quotes, \\, \`, \$ or newlines" >&2; exit 1 ;;
esac

data=${XDG_DATA_HOME:-$HOME/.local/share}
exe=$here/netdesk
mkdir -p "$data/applications" "$data/metainfo" "$data/icons" "$HOME/.local/bin"
awk -v exe="$exe" '
  /^Exec=netdesk / { $0 = "Exec=\"" exe "\"" substr($0, 13) }
  /^TryExec=/ { $0 = "TryExec=" exe }
  { print }' "$here/share/applications/netdesk.desktop" >"$data/applications/netdesk.desktop"
cp "$here"/share/metainfo/*.metainfo.xml "$data/metainfo/"
cp -R "$here/share/icons/hicolor" "$data/icons/"
ln -sf "$exe" "$HOME/.local/bin/netdesk"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi
echo "NetDesk is in your applications menu (runs $exe)."

if [ "$agree" = no ]; then
  if [ -t 0 ]; then
    printf 'Open vCard files (.vcf) with NetDesk by default? [y/N] '
    read -r answer || answer=
    case $answer in [yY]*) agree=yes ;; esac
  else
    echo "To open vCard files with NetDesk by default: $0 --yes"
  fi
fi
if [ "$agree" = yes ]; then
  if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default netdesk.desktop text/vcard text/x-vcard
  else
    gio mime text/vcard netdesk.desktop >/dev/null && gio mime text/x-vcard netdesk.desktop >/dev/null
  fi
  echo "vCard files now open with NetDesk."
fi
