"""Compile resources/i18n/*.ts into .qm files (run by the install step).

``--update`` first refreshes the .ts files from the sources with lupdate (for developers);
new strings then show up as unfinished and the translation test fails until translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("es", "en")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))


def update(ts_files: list[Path]) -> None:
    for ts in ts_files:
        subprocess.run(  # noqa: S603
            [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts)],
            check=True,
            capture_output=True,
        )


def release() -> None:
    for lang in LANGS:
        ts = I18N / f"testigo_{lang}.ts"
        subprocess.run(  # noqa: S603
            [
                tool("pyside6-lrelease"),
                str(ts),
                "-qm",
                str(I18N / f"testigo_{lang}.qm"),
            ],
            check=True,
            capture_output=True,
        )


def main() -> int:
    if "--update" in sys.argv:
        update([I18N / f"testigo_{lang}.ts" for lang in LANGS])
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
