"""Boundary data for the coordinator's map (see LICENSE-mexico.md)."""
