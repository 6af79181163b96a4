#!/usr/bin/env bash
# Build Testigo's Linux release from a checkout, in one command:
#   bash packaging/build_linux.sh [--key-file FILE] [--out DIR]
# Makes, in DIR (default dist/):
#   testigo_<version>_amd64.deb                 /opt/testigo, testigo and testigo-cli on PATH,
#                                               a menu entry and icons; uninstalls completely
#   testigo-<version>-linux-x86_64.tar.gz       the same folder plus a `testigo-portable`
#                                               marker: data lives beside the program
#   SHA256SUMS, and <file>.minisig for each     signed with the release key (minisign format)
# The release key (an unencrypted minisign secret key) comes from --key-file, else from
# $TESTIGO_RELEASE_KEY (a path to the key, or the key's text). Without one the build signs
# with a key made for this build only, writes its public key beside the artifacts and says so.
# Python and PyInstaller come from the hash-pinned lock (packaging/install.sh builds .venv);
# PYTHON=/path/to/python uses another environment that installed the lock.
# TESTIGO_DEB_COMPRESSION=gzip makes the .deb faster to build and larger (default: xz).
set -euo pipefail
umask 022   # the installed program is readable by every user; it holds no user data
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
START=$(date +%s)

KEY_FILE="${TESTIGO_RELEASE_KEY:-}"
OUT="$ROOT/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --key-file) KEY_FILE="$2"; shift 2 ;;
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: $0 [--key-file FILE] [--out DIR]" >&2; exit 2 ;;
  esac
done

if [ -z "${PYTHON:-}" ]; then
  [ -x .venv/bin/python ] || bash packaging/install.sh --no-launch
  PYTHON="$ROOT/.venv/bin/python"
fi
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
  echo "PyInstaller is missing: install the lock (bash packaging/install.sh --no-launch)" >&2
  exit 1; }
for tool in dpkg-deb tar; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done

VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
WORK="$ROOT/build/linux"
rm -rf "$WORK"
mkdir -p "$WORK" "$OUT"

echo "== translations"
"$PYTHON" -m ui.build_translations

export PYTHONPATH="$ROOT"   # this checkout's code, never an installed copy
echo "== PyInstaller one-folder build"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/pyinstaller" packaging/testigo.spec
BUNDLE="$WORK/dist/testigo"
[ -x "$BUNDLE/testigo" ] && [ -x "$BUNDLE/testigo-cli" ] || {
  echo "the build made no testigo/testigo-cli" >&2; exit 1; }
chmod -R u+rwX,go+rX,go-w "$BUNDLE"
# The program's own files and their SHA-256, so a check (doctor, or `sha256sum -c` in the
# folder) can tell a changed or planted file in any copy: installed, portable or on a stick.
MANIFEST="_internal/testigo-files.sha256"
(cd "$BUNDLE" && find . -type f ! -path "./$MANIFEST" -printf '%P\0' | sort -z \
  | xargs -0 sha256sum) > "$WORK/manifest"
mv "$WORK/manifest" "$BUNDLE/$MANIFEST"

echo "== .deb"
DEB_ROOT="$WORK/deb"
mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" \
  "$DEB_ROOT/usr/share/applications" "$DEB_ROOT/usr/share/doc/testigo"
cp -a "$BUNDLE" "$DEB_ROOT/opt/testigo"
ln -s /opt/testigo/testigo "$DEB_ROOT/usr/bin/testigo"
ln -s /opt/testigo/testigo-cli "$DEB_ROOT/usr/bin/testigo-cli"
install -m 0644 packaging/deb/testigo.desktop "$DEB_ROOT/usr/share/applications/testigo.desktop"
for size in 16 32 48 64 128 256 512; do
  dir="$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "resources/icons/testigo-$size.png" "$dir/testigo.png"
done
mkdir -p "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps"
install -m 0644 resources/icons/testigo.svg "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps/testigo.svg"
install -m 0644 packaging/deb/copyright "$DEB_ROOT/usr/share/doc/testigo/copyright"
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_KB@/$INSTALLED_KB/" packaging/deb/control \
  > "$DEB_ROOT/DEBIAN/control"
install -m 0755 packaging/deb/postrm "$DEB_ROOT/DEBIAN/postrm"
# md5sums lets `dpkg --verify testigo` (and doctor) tell a changed installed file.
(cd "$DEB_ROOT" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum) \
  > "$DEB_ROOT/DEBIAN/md5sums"
chmod 0644 "$DEB_ROOT/DEBIAN/control" "$DEB_ROOT/DEBIAN/md5sums"
DEB="$OUT/testigo_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Z"${TESTIGO_DEB_COMPRESSION:-xz}" --build "$DEB_ROOT" "$DEB" >/dev/null

echo "== portable tarball"
NAME="testigo-$VERSION-linux-x86_64"
PORTABLE="$WORK/portable/$NAME"
mkdir -p "$(dirname "$PORTABLE")"
cp -a "$BUNDLE" "$PORTABLE"
: > "$PORTABLE/testigo-portable"       # the marker: data lives in this folder, not in HOME
install -m 0644 packaging/portable-README.txt "$PORTABLE/README.txt"
TARBALL="$OUT/$NAME.tar.gz"
tar -C "$(dirname "$PORTABLE")" --owner=0 --group=0 --numeric-owner --sort=name \
  -czf "$TARBALL" "$NAME"

echo "== checksums and signatures"
SIGN=("$PYTHON" packaging/release_tool.py sign --out "$OUT")
if [ -n "$KEY_FILE" ]; then
  SIGN+=(--key-file "$KEY_FILE")
else
  rm -f "$OUT/ephemeral-release-key.pub"
  SIGN+=(--ephemeral "$OUT/ephemeral-release-key.pub")
fi
"${SIGN[@]}" "$DEB" "$TARBALL"

END=$(date +%s)
echo "== done in $((END - START)) s"
echo "one-folder build: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"
for f in "$DEB" "$TARBALL"; do
  echo "$(du -h "$f" | cut -f1)  $f"
done
echo "check: testigo-cli verify-release $(basename "$DEB") --signature $(basename "$DEB").minisig"
