"""Draw resources/icons/testigo-<size>.png from the same shapes as testigo.svg (Pillow), and
notes-<size>.png from notes.svg: the plain notebook of the discreet package, which must look
like any notes program and nothing like Testigo's eye.

Run once when the icon changes (the PNGs are committed): ``python packaging/make_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
_SCALE = 4  # drawn larger, then reduced: smooth edges without an SVG renderer


def _eye_outline(n: int = 64) -> list[tuple[float, float]]:
    """The two quadratic curves of the SVG path (28,128)-(128,28|228)-(228,128), in 256 units."""
    top = [
        (
            (1 - t) ** 2 * 28 + 2 * (1 - t) * t * 128 + t * t * 228,
            (1 - t) ** 2 * 128 + 2 * (1 - t) * t * 28 + t * t * 128,
        )
        for t in (i / n for i in range(n + 1))
    ]
    return top + [(x, 256 - y) for x, y in reversed(top)]


def draw(size: int) -> Image.Image:
    big = size * _SCALE
    k = big / 256
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([8 * k, 8 * k, 248 * k, 248 * k], radius=48 * k, fill="#1f4e79")
    d.polygon([(x * k, y * k) for x, y in _eye_outline()], fill="#ffffff")
    for cx, cy, r, colour in (
        (128, 128, 46, "#2e8b57"),
        (128, 128, 22, "#10263d"),
        (142, 114, 8, "#ffffff"),
    ):
        d.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=colour)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def draw_notes(size: int) -> Image.Image:
    """The notebook of notes.svg: a page, its binding, ruled lines and three rings."""
    big = size * _SCALE
    k = big / 256
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([45 * k, 17 * k, 219 * k, 239 * k], radius=16 * k, fill="#8a8478")
    d.rounded_rectangle([51 * k, 23 * k, 213 * k, 233 * k], radius=11 * k, fill="#f4f1e8")
    d.rounded_rectangle([51 * k, 23 * k, 78 * k, 233 * k], radius=9 * k, fill="#c9c2b2")
    for y, end in ((76, 194), (108, 194), (140, 194), (172, 170)):
        d.rounded_rectangle(
            [94 * k, (y - 4) * k, (end + 4) * k, (y + 4) * k], radius=4 * k, fill="#9fb3c8"
        )
    for cy in (60, 128, 196):
        d.ellipse([56 * k, (cy - 7) * k, 70 * k, (cy + 7) * k], fill="#8a8478")
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for size in SIZES:
        draw(size).save(ICONS / f"testigo-{size}.png", optimize=True)
        draw_notes(size).save(ICONS / f"notes-{size}.png", optimize=True)
    draw(256).save(ICONS / "testigo.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])
    draw(512).save(ICONS / "testigo.icns")


if __name__ == "__main__":
    main()
