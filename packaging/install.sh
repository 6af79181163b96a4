#!/usr/bin/env bash
# Install Testigo into a project-local virtual environment (.venv) and start it.
#   bash packaging/install.sh              install everything, then start the app
#   bash packaging/install.sh --no-launch  install only (CI, trainers preparing a laptop)
# On Debian/Ubuntu it also installs the system libraries Qt needs and the `age` tool
# (interop checks); it uses apt-get as root, or sudo when available.
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."

LAUNCH=1
for arg in "$@"; do
  case "$arg" in
    --no-launch) LAUNCH=0 ;;
    *) echo "usage: $0 [--no-launch]" >&2; exit 2 ;;
  esac
done

APT_PACKAGES=(
  age poppler-utils xvfb xauth minisign
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 libxcb-randr0
  postgresql libimage-exiftool-perl
)
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
else
  echo "Not a Debian/Ubuntu system: install the Qt xcb libraries and 'age' yourself." >&2
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Testigo needs Python 3.11 or newer." >&2; exit 1; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
umask 022   # the venv's own files may be world-readable; the data directory never is
# Exactly the versions and files in the lock (refresh it with: bash packaging/lock.sh), pip
# and the build backend included, so nothing unpinned is fetched to build Testigo itself.
.venv/bin/python -m pip install -q --require-hashes -r packaging/requirements.lock
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
umask 077
if [ -f ui/build_translations.py ]; then
  .venv/bin/python -m ui.build_translations
fi
echo "Installed. Start it any time with: .venv/bin/testigo"

if [ "$LAUNCH" = 1 ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec .venv/bin/testigo
  else
    echo "No display found: starting Testigo on a virtual screen is pointless;" \
         "run .venv/bin/testigo from your desktop session." >&2
  fi
fi
