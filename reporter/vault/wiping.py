"""The panic button: destroy a vault's key, then its data, with no passphrase.

Apart from the vault so that what decides to wipe (too many failed unlocks, a restore that
failed halfway, a half-made vault) needs only this, not the vault that opens it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from reporter.fsutil import destroy_file, fsync_dir, storage_error
from reporter.places import app_settings_files, forget_app_settings
from reporter.vault import duress
from reporter.vault.layout import (
    BLOB_DIR,
    DB_FILE,
    KEY_FILE,
    LOCK_FILE,
    RESTORED_FILE,
    STATE_FILE,
)


def wipe(home: Path, forget_settings: bool = True) -> None:
    """Destroy the wrapped key first (overwrite, fsync, unlink), then the data.

    Needs no passphrase: it is the panic button. Only files a vault owns are removed, and
    the app's preferences for this vault (which language, window sizes: no content), which
    say the app was used here; a restore over the vault keeps them (``forget_settings``).
    """
    # Before the key goes: it tells the install.
    settings = app_settings_files(home) if forget_settings else []
    destroy_file(home / KEY_FILE)
    try:
        duress.remove_spare(home)
        for name in (
            DB_FILE,
            f"{DB_FILE}-wal",
            f"{DB_FILE}-shm",
            f"{DB_FILE}-journal",
            LOCK_FILE,
            STATE_FILE,
            RESTORED_FILE,
        ):
            with contextlib.suppress(FileNotFoundError):
                (home / name).unlink()
        blob_dir = home / BLOB_DIR
        if blob_dir.is_dir():
            for entry in blob_dir.iterdir():
                if entry.is_file():
                    entry.unlink()
            blob_dir.rmdir()
        if forget_settings:
            forget_app_settings(home, settings)
        if home.is_dir():
            fsync_dir(home)
            with contextlib.suppress(OSError):
                home.rmdir()
    except OSError as exc:
        raise storage_error(exc) from None
