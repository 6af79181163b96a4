#!/usr/bin/env bash
# Wrap a PyInstaller one-folder build as a .deb; build_linux.sh calls it once per flavour:
#   bash packaging/deb/build_deb.sh BUNDLE OUT.deb VERSION [--discreet]
# usual     package `testigo`: /opt/testigo, /usr/bin/testigo and testigo-cli, "Testigo" in
#           the menu with the eye icon.
# discreet  package `plain-notes`: /opt/notes, /usr/bin/notes and notes-cli, "Notes"/"Notas"
#           in the menu with a notebook icon; the programs are renamed and a `notes-install`
#           marker beside them makes them start in discreet mode, with the neutral `notes`
#           data folder, from the first start (reporter/places.py). No name the package shows
#           (dpkg -l, the menu, /usr/bin, /opt) says Testigo.
# The same bundle serves both: no second PyInstaller run.
# TESTIGO_DEB_COMPRESSION=gzip builds faster and larger (default: xz).
set -euo pipefail
umask 022   # the installed program is readable by every user; it holds no user data
[ $# -ge 3 ] || { echo "usage: $0 BUNDLE OUT.deb VERSION [--discreet]" >&2; exit 2; }
BUNDLE="$1"; DEB="$2"; VERSION="$3"; FLAVOUR="${4:-}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MANIFEST="_internal/testigo-files.sha256"   # the name doctor reads (reporter/doctor/files.py)

if [ "$FLAVOUR" = "--discreet" ]; then
  PKG=plain-notes DIR=/opt/notes APP=notes CLI=notes-cli ICON=plain-notes ICONS=notes
  DESKTOP="$HERE/discreet/private-notes.desktop" CONTROL="$HERE/discreet/control"
  COPYRIGHT="$HERE/discreet/copyright"
elif [ -z "$FLAVOUR" ]; then
  PKG=testigo DIR=/opt/testigo APP=testigo CLI=testigo-cli ICON=testigo ICONS=testigo
  DESKTOP="$HERE/testigo.desktop" CONTROL="$HERE/control" COPYRIGHT="$HERE/copyright"
else
  echo "unknown flavour: $FLAVOUR" >&2; exit 2
fi
[ -x "$BUNDLE/testigo" ] && [ -x "$BUNDLE/testigo-cli" ] || {
  echo "$BUNDLE holds no testigo/testigo-cli" >&2; exit 1; }

DEB_ROOT="$(mktemp -d "${DEB%/*}/.deb-root.XXXXXX")"
trap 'rm -rf "$DEB_ROOT"' EXIT
mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" \
  "$DEB_ROOT/usr/share/applications" "$DEB_ROOT/usr/share/doc/$PKG"
cp -a "$BUNDLE" "$DEB_ROOT$DIR"
if [ "$APP" != testigo ]; then
  mv "$DEB_ROOT$DIR/testigo" "$DEB_ROOT$DIR/$APP"
  mv "$DEB_ROOT$DIR/testigo-cli" "$DEB_ROOT$DIR/$CLI"
  : > "$DEB_ROOT$DIR/notes-install"      # the marker: discreet from the first start
  # the program's list of its own files, for the names it has here
  (cd "$DEB_ROOT$DIR" && find . -type f ! -path "./$MANIFEST" -printf '%P\0' | sort -z \
    | xargs -0 sha256sum) > "$DEB_ROOT/manifest"
  mv "$DEB_ROOT/manifest" "$DEB_ROOT$DIR/$MANIFEST"
  chmod 0644 "$DEB_ROOT$DIR/$MANIFEST" "$DEB_ROOT$DIR/notes-install"
fi
ln -s "$DIR/$APP" "$DEB_ROOT/usr/bin/$APP"
ln -s "$DIR/$CLI" "$DEB_ROOT/usr/bin/$CLI"
install -m 0644 "$DESKTOP" "$DEB_ROOT/usr/share/applications/$(basename "$DESKTOP")"
for size in 16 32 48 64 128 256 512; do
  dir="$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "$ROOT/resources/icons/$ICONS-$size.png" "$dir/$ICON.png"
done
mkdir -p "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps"
install -m 0644 "$ROOT/resources/icons/$ICONS.svg" \
  "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps/$ICON.svg"
install -m 0644 "$COPYRIGHT" "$DEB_ROOT/usr/share/doc/$PKG/copyright"
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_KB@/$INSTALLED_KB/" "$CONTROL" \
  > "$DEB_ROOT/DEBIAN/control"
sed -e "s|@DIR@|$DIR|g" "$HERE/postrm" > "$DEB_ROOT/DEBIAN/postrm"
chmod 0755 "$DEB_ROOT/DEBIAN/postrm"
# md5sums lets `dpkg --verify PACKAGE` (and doctor) tell a changed installed file.
(cd "$DEB_ROOT" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum) \
  > "$DEB_ROOT/DEBIAN/md5sums"
chmod 0644 "$DEB_ROOT/DEBIAN/control" "$DEB_ROOT/DEBIAN/md5sums"
chmod 0755 "$DEB_ROOT"
dpkg-deb --root-owner-group -Z"${TESTIGO_DEB_COMPRESSION:-xz}" --build "$DEB_ROOT" "$DEB" >/dev/null
