"""Cutting a large bundle into pieces for the wire: each byte copied once, into reused buffers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator


def piece_buffers(size: int) -> list[memoryview]:
    """Two piece buffers for one upload: one on the wire, the next cut into the other."""
    return [memoryview(bytearray(size)) for _ in range(2)]


def cut_pieces(
    chunks: Iterable[bytes], piece_size: Callable[[], int], buffers: list[memoryview]
) -> Iterator[memoryview]:
    """Pieces of ``piece_size()`` bytes (asked as each is cut, so it can change between).

    Each byte is copied once, into the two buffers in turn: a piece is cut into one while the
    one before it, in the other, is on the wire (the caller has the answer to the piece before
    that before it asks for the next). Reused buffers, not a new ``bytes`` per piece: the copy
    then costs no fresh pages, which cost more than the copy.
    """
    turn, held = 0, 0
    for chunk in chunks:
        view = memoryview(chunk)
        while held + len(view) >= (size := piece_size()):
            need = size - held
            buffers[turn][held:size] = view[:need]
            yield buffers[turn][:size]
            view = view[need:]
            turn, held = 1 - turn, 0
        buffers[turn][held : held + len(view)] = view
        held += len(view)
    if held:
        yield buffers[turn][:held]
