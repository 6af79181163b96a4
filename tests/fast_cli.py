"""`python -m tests.fast_cli ARGS`: the real CLI with the test suite's cheap key derivation.

Tests that run the CLI as a subprocess use this instead of an environment variable, so that no
variable in a user's shell can weaken a vault (issue 12). It lives under tests/ and is never
installed.
"""

from __future__ import annotations

import sys

from reporter.cli.main import main
from reporter.vault import keyfile

if __name__ == "__main__":
    keyfile.FAST_KDF_FOR_TESTS = True
    sys.exit(main())
