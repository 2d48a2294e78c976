#!/usr/bin/env bash
# Builds the frozen app from a clean checkout: dist/mockint/ (one folder; run dist/mockint/mockint)
# and dist/mockint-VERSION-linux-x86_64.tar.gz to hand out. MockInt and PyInstaller are installed
# into a venv of their own (build/freeze-venv) from the checkout, never the editable install, so
# the app holds exactly what a user's copy holds. Linux here; the same spec builds on Windows and
# macOS (see README, "Install").
#
# Needs at run time, from the system (not bundled): espeak-ng (the voice) and PortAudio
# (libportaudio2, the microphone), as the README's "Install" section says.
#
#   bash packaging/build.sh [--single-file]
#
# --single-file also makes dist/MockInt-VERSION-ARCH, the AppImage-style single program (PyInstaller's
# one-file mode, no other tool): handier to hand out, but it unpacks itself at every start (about
# 4 s here, against under 1 s for the folder), and it takes two more minutes to build.
set -euo pipefail
cd "$(dirname "$0")/.."
single_file=0
case "${1:-}" in
  "") ;;
  --single-file) single_file=1 ;;
  *) echo "usage: bash packaging/build.sh [--single-file]" >&2; exit 2 ;;
esac

venv=build/freeze-venv
rm -rf "$venv" build/pyinstaller dist/mockint dist/mockint-single-file dist/MockInt-*
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check ".[freeze]"
# From inside build/, so the checkout's own mockint/ folder (next to the current folder) cannot
# stand in for the installed package: the app is frozen from what pip installed.
(cd build && MOCKINT_SINGLE_FILE=$single_file "../$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath ../dist --workpath pyinstaller ../packaging/mockint.spec)

# Desktop integration inside the folder: install-desktop-entry.sh finds everything beside it
share=dist/mockint/share
"$venv/bin/python" packaging/render_icons.py "$share/icons" >/dev/null
install -D -m 644 packaging/linux/mockint.desktop "$share/applications/mockint.desktop"
install -D -m 644 packaging/linux/io.github.mockint.MockInt.metainfo.xml "$share/metainfo/io.github.mockint.MockInt.metainfo.xml"
install -m 755 packaging/linux/install-desktop-entry.sh dist/mockint/install-desktop-entry.sh

version=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mockint"))')
archive="dist/mockint-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" mockint
if [ "$single_file" = 1 ]; then
  mv dist/mockint-single-file "dist/MockInt-$version-$(uname -m)"
  echo "built dist/MockInt-$version-$(uname -m) ($(du -h "dist/MockInt-$version-$(uname -m)" | cut -f1)), one file"
fi
echo "built dist/mockint/mockint ($(du -sh dist/mockint | cut -f1)) and $archive ($(du -h "$archive" | cut -f1))"
