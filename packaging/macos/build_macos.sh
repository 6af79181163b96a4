#!/usr/bin/env bash
# Build Testigo for macOS: a PyInstaller Testigo.app and a .dmg (hdiutil), signed like the
# Linux release (SHA256SUMS + .minisig).  Run on a Mac with Python 3.11 from python.org:
#   bash packaging/macos/build_macos.sh [--key-file KEY]
# Dependencies come from packaging/requirements-macos.lock (bash packaging/lock.sh --platform
# macos). Apple code signing and notarization need a Developer ID: set CODESIGN_IDENTITY to
# sign the .app with `codesign --options runtime`, then notarize with `xcrun notarytool`.
set -euo pipefail
umask 022
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
KEY_FILE="${TESTIGO_RELEASE_KEY:-}"
[ "${1:-}" = "--key-file" ] && KEY_FILE="$2"

[ -x .venv/bin/python ] || python3.11 -m venv .venv
PY="$ROOT/.venv/bin/python"
"$PY" -m pip install -q --require-hashes -r packaging/requirements-macos.lock
VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"

"$PY" -m ui.build_translations
PYTHONPATH="$ROOT" "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/macos/dist --workpath build/macos/pyinstaller packaging/testigo.spec
APP=build/macos/dist/Testigo.app
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi

mkdir -p dist build/macos/dmg
rm -rf build/macos/dmg/*
cp -R "$APP" build/macos/dmg/
ln -s /Applications build/macos/dmg/Applications
DMG="dist/testigo-$VERSION-macos.dmg"
rm -f "$DMG"
hdiutil create -volname "Testigo $VERSION" -srcfolder build/macos/dmg -fs HFS+ \
  -format UDZO -o "$DMG"

if [ -n "$KEY_FILE" ]; then
  "$PY" packaging/release_tool.py sign --out dist --key-file "$KEY_FILE" "$DMG"
else
  "$PY" packaging/release_tool.py sign --out dist --ephemeral dist/ephemeral-release-key.pub "$DMG"
fi
du -h "$DMG"
