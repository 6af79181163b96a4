"""Exports that the coalition's other tools take as they are (pure functions over reports)."""
