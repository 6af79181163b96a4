#!/usr/bin/env bash
# Refresh packaging/requirements.lock, the hash-pinned set that install.sh and CI install.
#   bash packaging/lock.sh            keep the pinned versions, add what pyproject.toml gained
#   bash packaging/lock.sh --upgrade  move every pin to the newest release allowed
# Run it after changing a dependency in pyproject.toml and commit the lock with that change
# (tests/test_lock.py fails until you do). It resolves the runtime dependencies, the `dev` and
# `relay` extras and the build backend for the one platform Testigo ships on (CPython 3.11 on
# Linux x86_64 with glibc 2.36, as on Debian 12), from PyPI only, with the hash of every file of
# each pinned release.
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."

UPGRADE=()
for arg in "$@"; do
  case "$arg" in
    --upgrade) UPGRADE=(--upgrade) ;;
    *) echo "usage: $0 [--upgrade]" >&2; exit 2 ;;
  esac
done

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
  --extra dev --extra relay \
  --python-version 3.11 --python-platform x86_64-manylinux_2_36 \
  --generate-hashes --no-config --default-index https://pypi.org/simple \
  --custom-compile-command "bash packaging/lock.sh" \
  "${UPGRADE[@]}" --quiet \
  --output-file packaging/requirements.lock
echo "packaging/requirements.lock: $(grep -c '^[a-z0-9]' packaging/requirements.lock) pinned"
