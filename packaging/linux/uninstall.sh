#!/bin/sh
# Removes what install.sh added (menu entry, icons, metainfo, ~/.local/bin/netdesk, NetDesk as
# the vCard default). Your contacts, settings and this folder stay.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}

rm -f "$data/applications/netdesk.desktop" "$data"/metainfo/io.github.netdesk.*.metainfo.xml
rm -f "$data"/icons/hicolor/*/apps/netdesk.png "$data/icons/hicolor/scalable/apps/netdesk.svg"
if [ "$(readlink "$HOME/.local/bin/netdesk" 2>/dev/null)" = "$here/netdesk" ]; then
  rm -f "$HOME/.local/bin/netdesk"
fi
if [ -f "$config/mimeapps.list" ]; then  # the defaults xdg-mime / gio wrote
  sed -i -e '/^text\/\(x-\)\{0,1\}vcard=netdesk\.desktop;\{0,1\}$/d' \
    -e 's/netdesk\.desktop;//g' "$config/mimeapps.list"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" || true
fi
echo "NetDesk is no longer in your applications menu; your data is untouched."
