"""The map's outlines: Mexico's 32 states, keyed by the vocabulary's INEGI codes, licensed."""

from __future__ import annotations

from importlib import resources

import pytest

from reporter.incidents.vocab import vocabulary

pytestmark = pytest.mark.gui


def test_the_outlines_are_the_32_states_of_the_vocabulary_with_their_licence(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.coordinator.map_page import outlines

    box, paths = outlines()
    assert sorted(paths) == vocabulary().codes("mx_state")
    for code, path in paths.items():
        area = path.boundingRect()
        assert box.contains(area), code  # every state inside the drawing
        assert area.width() > 1, code
        assert area.height() > 1, code
    licence = resources.files("resources.maps").joinpath("LICENSE-mexico.md").read_text()
    assert "CC BY 4.0" in licence
    assert "Victor Cazanave" in licence


def test_a_click_on_a_state_names_that_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.coordinator.map_page import MexicoMap

    mexico = MexicoMap()
    qtbot.addWidget(mexico)
    mexico.resize(793, 498)
    assert mexico.state_at(mexico.centre_of("20")) == "20"  # Oaxaca
    assert mexico.state_at(mexico.centre_of("14")) == "14"  # Jalisco
    mexico.set_counts({"20": 4, "14": 1})
    assert mexico.colour("20").name() != mexico.colour("14").name() != "#f2f2f2"
    assert mexico.colour("09").name() == "#f2f2f2"  # no reports: empty
