"""The relay server: stores opaque ciphertext between devices and the coalition.

Needs the `relay` extra (FastAPI, uvicorn); importing this package alone does not.
"""
