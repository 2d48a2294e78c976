#!/bin/sh
# Adds MockInt to the desktop's application menu for the current user: the menu entry, the icon at
# every standard size, and the AppStream metainfo software centres read.
#
#   sh install-desktop-entry.sh [PROGRAM]      (--uninstall removes them again)
#
# Works in two places: inside the frozen app's folder (dist/mockint/, where build.sh put this
# script, the icons and the metainfo beside the `mockint` program), and in a checkout after
# `pip install` (the icons are then rendered from the SVG with Qt). PROGRAM is what the menu entry
# starts; by default the frozen folder's `mockint`, else the `mockint` on PATH. The window sets its
# desktop file name to "mockint", so the menu entry and the window match.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
metainfo_name=io.github.mockint.MockInt.metainfo.xml

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/mockint.desktop" "$data/metainfo/$metainfo_name"
  find "$data/icons/hicolor" -path "*/apps/mockint.*" -delete 2>/dev/null || true
  echo "MockInt is no longer in your application menu (your practice data is untouched)."
  exit 0
fi

if [ -x "$here/mockint" ] && [ -d "$here/share/icons/hicolor" ]; then
  program="${1:-$here/mockint}"              # the frozen app's folder
  icons="$here/share/icons/hicolor"
  desktop_file="$here/share/applications/mockint.desktop"
  metainfo="$here/share/metainfo/$metainfo_name"
else
  program="${1:-$(command -v mockint || true)}"  # a checkout, after pip install
  if [ -z "$program" ]; then
    echo "install-desktop-entry.sh: no mockint program found; pip install MockInt first, or give its path" >&2
    exit 2
  fi
  rendered=$(mktemp -d)
  trap 'rm -rf "$rendered"' EXIT
  python3 "$here/../render_icons.py" "$rendered" >/dev/null
  icons="$rendered/hicolor"
  desktop_file="$here/mockint.desktop"
  metainfo="$here/$metainfo_name"
fi
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
if [ ! -x "$program" ]; then
  echo "install-desktop-entry.sh: $program is not a program" >&2
  exit 2
fi

# The menu entry starts this very program (a path with spaces is quoted, as the spec asks)
mkdir -p "$data/applications"
sed "s|^Exec=.*|Exec=\"$program\"|" "$desktop_file" >"$data/applications/mockint.desktop"
chmod 644 "$data/applications/mockint.desktop"
for folder in "$icons"/*/apps; do
  size=$(basename "$(dirname "$folder")")
  for icon in "$folder"/mockint.*; do
    install -D -m 644 "$icon" "$data/icons/hicolor/$size/apps/$(basename "$icon")"
  done
done
install -D -m 644 "$metainfo" "$data/metainfo/$metainfo_name"

# Menus notice new entries by themselves; these only make it immediate where the tools exist
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "MockInt is in your application menu (starts $program)."
