"""The drawing the PDF and the app share (``reporter.exports.charts``) never cuts a word unmarked.

Every label of every vocabulary, in Spanish and English, is wrapped between words on at most
three lines or ends with "…"; the bars' tick labels read back from the matplotlib Axes are those;
every value axis and the map's scale count in whole numbers.
"""

from __future__ import annotations

import io

import pytest
from matplotlib.figure import Figure
from PIL import Image

from reporter.exports.charts import (
    ELLIPSIS,
    bar_chart,
    draw_bars,
    even_periods,
    scale_classes,
    scale_ticks,
    wrap_label,
)
from reporter.incidents.vocab import vocabulary
from reporter.stats.figures import LABEL_KINDS
from reporter.stats.geometry import EMPTY, fill_colour, fill_share


def whole_or_marked(shown: str, label: str) -> bool:
    """``shown`` (a tick label, maybe on several lines) is ``label`` broken between words,
    or its first words then "…" (the last word may be cut only when a mark follows it)."""
    words, got = label.split(), shown.split()
    if got == words:
        return True
    if not shown.endswith(ELLIPSIS):
        return False
    got[-1] = got[-1].removesuffix(ELLIPSIS)
    if not got[-1]:
        got.pop()
    head = words[: len(got)]
    return bool(got) and got[:-1] == head[:-1] and head[-1].startswith(got[-1])


def all_labels() -> list[str]:
    v = vocabulary()
    found = []
    for kind in sorted(set(LABEL_KINDS.values())):
        try:
            codes = v.codes(kind)
        except Exception:  # noqa: S112 - a key labelled in code, not by a vocabulary
            continue
        found += [v.label(kind, c, lang) for c in codes for lang in ("es", "en")]
    return found


def test_the_check_catches_a_label_cut_mid_word() -> None:
    assert not whole_or_marked("Software espía dirigid", "Software espía dirigido")
    assert not whole_or_marked("Persona defensora de d", "Persona defensora de derechos")
    assert whole_or_marked("Software espía\ndirigido", "Software espía dirigido")
    assert whole_or_marked("Revisión con\nMobile…", "Revisión con Mobile Verification")


@pytest.mark.parametrize("width", [12, 20, 30])
def test_every_vocabulary_label_wraps_whole_or_ends_with_an_ellipsis(width: int) -> None:
    labels = all_labels()
    assert len(labels) > 200
    assert max(len(x) for x in labels) > 3 * 12  # some do not fit three short lines
    for label in labels:
        shown = wrap_label(label, width)
        assert whole_or_marked(shown, label), (label, shown)
        lines = shown.split("\n")
        assert len(lines) <= 3, shown
        assert all(len(line) <= width for line in lines), shown
        if len(label) <= width:
            assert shown == label  # what fits stays on one line


def test_a_word_longer_than_a_line_is_cut_with_a_mark() -> None:
    assert wrap_label("Supercalifragilisticexpialidocious", 10) == "Supercali" + ELLIPSIS
    assert wrap_label("Acoso judicial o administrativo", 20) == "Acoso judicial o\nadministrativo"


@pytest.mark.parametrize("horizontal", [True, False])
def test_the_drawn_tick_labels_are_the_wrapped_labels_and_counts_are_whole(
    horizontal: bool,
) -> None:
    labels = [
        "Notificación de la plataforma (p. ej. Apple, Google, Meta)",
        "Persona defensora de la tierra y el medio ambiente",
        "Amenaza",
    ]
    for values in ([3, 2, 1], [1, 1, 1], [7, 0, 0]):
        fig = Figure(figsize=(4.2, 2.2), dpi=90)
        ax = fig.add_subplot()
        bars = draw_bars(ax, labels, values, "reportes", horizontal=horizontal)
        fig.canvas.draw()
        assert [round(b.get_width() if horizontal else b.get_height()) for b in bars] == values
        ticks = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
        for tick, label in zip(ticks, labels, strict=True):
            assert whole_or_marked(tick.get_text(), label), tick.get_text()
        numbers = ax.get_xticklabels() if horizontal else ax.get_yticklabels()
        texts = [t.get_text().replace("\u2212", "-") for t in numbers if t.get_text()]
        assert texts
        assert all(t.isdigit() for t in texts), texts  # no 0.5: counts are whole


def test_a_chart_whose_bars_are_all_hidden_still_counts_in_whole_numbers() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    draw_bars(ax, ["a", "b"], [1, 2], "reports", horizontal=True, hidden=[True, True])
    fig.canvas.draw()
    texts = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert texts
    assert all(t.isdigit() for t in texts), texts


def test_the_pdf_chart_is_drawn_whole() -> None:
    png = bar_chart(
        ["Software espía dirigido (intento o infección)", "Amenaza"],
        [2, 1],
        "Por tipo",
        "reportes",
        horizontal=True,
    )
    assert Image.open(io.BytesIO(png)).size[0] == 1050  # 7 inches at 150 dpi


@pytest.mark.parametrize(("low", "top"), [(1, 1), (1, 2), (1, 3), (1, 7), (1, 1234), (3, 17)])
def test_the_scale_is_labelled_with_whole_counts_from_its_start_to_its_top(
    low: int, top: int
) -> None:
    ticks = scale_ticks(low, top)
    assert ticks[0] == (low if top > low else top)
    assert ticks[-1] == top
    assert ticks == sorted(set(ticks))
    assert all(isinstance(t, int) for t in ticks)
    assert len(ticks) <= 5


def test_the_legend_s_shades_are_the_map_s() -> None:
    states = {"09": 12, "14": 1, "20": 5}
    classes = scale_classes(states)
    assert classes[0] == (0, EMPTY)
    assert [n for n, _ in classes[1:]] == scale_ticks(1, 12)
    for n, colour in classes[1:]:
        assert colour == fill_colour(fill_share({**states, "01": n}, "01"))
    assert scale_classes({}) == [(0, EMPTY)]


def test_the_time_chart_shows_a_quiet_period_as_zero_and_leaves_others_alone() -> None:
    assert even_periods(["2025-12", "2026-03", "NONE"], [2, 1, 4]) == (
        ["2025-12", "2026-01", "2026-02", "2026-03", "NONE"],
        [2, 0, 0, 1, 4],
    )
    assert even_periods(["2025-H1", "2026-H1"], [1, 2]) == (
        ["2025-H1", "2025-H2", "2026-H1"],
        [1, 0, 2],
    )
    assert even_periods(["2026", "2024"], [1, 2]) == (["2024", "2025", "2026"], [2, 0, 1])
    assert even_periods(["Amenaza", "Acoso"], [3, 1]) == (["Amenaza", "Acoso"], [3, 1])
    assert even_periods(["1800-01", "2026-01"], [1, 1]) == (["1800-01", "2026-01"], [1, 1])
