"""Entry point of the frozen `testigo-cli`."""

import sys

from reporter.cli.main import main

sys.exit(main())
