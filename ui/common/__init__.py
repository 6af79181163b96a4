"""Helpers every part of the desktop app shares: file choices, preferences, common widgets."""
