#!/bin/sh
# Adds MockInt to the desktop's application menu for the current user (after `pip install`).
# The window sets its desktop file name to "mockint", so the menu entry and the window match.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
icon=$(python3 -c 'import mockint.ui, pathlib; print(pathlib.Path(mockint.ui.__file__).parent / "assets/icons/app.svg")')
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -D -m 644 "$here/mockint.desktop" "$data/applications/mockint.desktop"
install -D -m 644 "$icon" "$data/icons/hicolor/scalable/apps/mockint.svg"
echo "MockInt is in your application menu."
