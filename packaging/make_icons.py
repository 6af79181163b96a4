"""Draw resources/icons/testigo-<size>.png from the same shapes as testigo.svg (Pillow).

Run once when the icon changes (the PNGs are committed): ``python packaging/make_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
_SCALE = 4   # drawn larger, then reduced: smooth edges without an SVG renderer


def _eye_outline(n: int = 64) -> list[tuple[float, float]]:
    """The two quadratic curves of the SVG path (28,128)-(128,28|228)-(228,128), in 256 units."""
    top = [((1 - t) ** 2 * 28 + 2 * (1 - t) * t * 128 + t * t * 228,
            (1 - t) ** 2 * 128 + 2 * (1 - t) * t * 28 + t * t * 128)
           for t in (i / n for i in range(n + 1))]
    return top + [(x, 256 - y) for x, y in reversed(top)]


def draw(size: int) -> Image.Image:
    big = size * _SCALE
    k = big / 256
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([8 * k, 8 * k, 248 * k, 248 * k], radius=48 * k, fill="#1f4e79")
    d.polygon([(x * k, y * k) for x, y in _eye_outline()], fill="#ffffff")
    for cx, cy, r, colour in ((128, 128, 46, "#2e8b57"), (128, 128, 22, "#10263d"),
                              (142, 114, 8, "#ffffff")):
        d.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=colour)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for size in SIZES:
        draw(size).save(ICONS / f"testigo-{size}.png", optimize=True)
    draw(256).save(ICONS / "testigo.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])
    draw(512).save(ICONS / "testigo.icns")


if __name__ == "__main__":
    main()
