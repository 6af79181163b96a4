"""Testigo core: Qt-free. The CLI, the relay and the desktop app all stand on it."""

__version__ = "0.1.0"  # the same as pyproject.toml's (a test checks): --version, packages
