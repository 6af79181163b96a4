#!/usr/bin/env bash
# Build Testigo's Linux release from a checkout, in one command:
#   bash packaging/build_linux.sh [--key-file FILE] [--out DIR]
# Makes, in DIR (default dist/):
#   testigo_<version>_amd64.deb                 /opt/testigo, testigo and testigo-cli on PATH,
#                                               a menu entry and icons; uninstalls completely
#   plain-notes_<version>_amd64.deb             the discreet install: the same folder as
#                                               /opt/notes, `notes` and `notes-cli`, "Notes"
#                                               in the menu, discreet from the first start
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
DEB="$OUT/testigo_${VERSION}_amd64.deb"
bash packaging/deb/build_deb.sh "$BUNDLE" "$DEB" "$VERSION"
echo "== discreet .deb (the same folder, named Notes)"
DISCREET_DEB="$OUT/plain-notes_${VERSION}_amd64.deb"
bash packaging/deb/build_deb.sh "$BUNDLE" "$DISCREET_DEB" "$VERSION" --discreet

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
"${SIGN[@]}" "$DEB" "$DISCREET_DEB" "$TARBALL"

END=$(date +%s)
echo "== done in $((END - START)) s"
echo "one-folder build: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"
for f in "$DEB" "$DISCREET_DEB" "$TARBALL"; do
  echo "$(du -h "$f" | cut -f1)  $f"
done
echo "check: testigo-cli verify-release $(basename "$DEB") --signature $(basename "$DEB").minisig"
