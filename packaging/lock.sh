#!/usr/bin/env bash
# Refresh packaging/requirements.lock, the hash-pinned set that install.sh and CI install.
#   bash packaging/lock.sh            keep the pinned versions, add what pyproject.toml gained
#   bash packaging/lock.sh --upgrade  move every pin to the newest release allowed
#   bash packaging/lock.sh --platform windows|macos   the lock of the Windows or macOS build
#        (requirements-windows.lock, requirements-macos.lock: runtime and `build` extra only)
# Run it after changing a dependency in pyproject.toml and commit the lock with that change
# (tests/test_lock.py fails until you do). It resolves the runtime dependencies, the `dev`,
# `relay` and `build` extras and the build backend for the platform Testigo is built on
# (CPython 3.11 on Linux x86_64 with glibc 2.36, as on Debian 12), from PyPI only, with the
# hash of every file of each pinned release.
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."

UPGRADE=()
PLATFORM=linux
while [ $# -gt 0 ]; do
  case "$1" in
    --upgrade) UPGRADE=(--upgrade); shift ;;
    --platform) PLATFORM="${2:-}"; shift 2 ;;
    *) echo "usage: $0 [--upgrade] [--platform linux|windows|macos]" >&2; exit 2 ;;
  esac
done
case "$PLATFORM" in
  linux) EXTRAS=(--extra dev --extra relay --extra build)
         TARGET=x86_64-manylinux_2_36; LOCK=packaging/requirements.lock ;;
  windows) EXTRAS=(--extra build); TARGET=x86_64-pc-windows-msvc
         LOCK=packaging/requirements-windows.lock ;;
  macos) EXTRAS=(--extra build); TARGET=aarch64-apple-darwin
         LOCK=packaging/requirements-macos.lock ;;
  *) echo "unknown platform: $PLATFORM (linux, windows or macos)" >&2; exit 2 ;;
esac

UV="${UV:-.venv/bin/uv}"
[ -x "$UV" ] || UV="$(command -v uv)" || {
  echo "uv not found: .venv/bin/python -m pip install uv (it is in the dev extra)" >&2; exit 1; }

# The build backend is pinned too: install.sh builds the editable install without isolation,
# so no unpinned setuptools is fetched at install time.
python3 -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(["pip", *tomllib.load(f)["build-system"]["requires"]]))
' | "$UV" pip compile pyproject.toml - \
  "${EXTRAS[@]}" \
  --python-version 3.11 --python-platform "$TARGET" \
  --generate-hashes --no-config --default-index https://pypi.org/simple \
  --custom-compile-command "bash packaging/lock.sh$([ "$PLATFORM" = linux ] || echo " --platform $PLATFORM")" \
  "${UPGRADE[@]}" --quiet \
  --output-file "$LOCK"
echo "$LOCK: $(grep -c '^[a-z0-9]' "$LOCK") pinned"
