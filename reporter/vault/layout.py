"""The names of what a vault's data directory holds, for every module that touches them.

A leaf of the vault package: opening, wiping, backing up and the decoy all need the same
names, and none of them should have to import another to learn them.
"""

from __future__ import annotations

KEY_FILE = "vault.key"
DB_FILE = "vault.db"
LOCK_FILE = "vault.lock"
STATE_FILE = "vault.state"
RESTORED_FILE = "vault.restored"  # left by a restore until the vault takes it in
BLOB_DIR = "blobs"
SPARE_DIR = "spare"
