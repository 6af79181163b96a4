"""Testigo core: Qt-free. The CLI, the relay and the desktop app all stand on it."""
