"""The Uwazi CSV is a CSV too: a coordinator may open it in a spreadsheet before importing
it, so a hostile device's title or description must not run there as a formula."""

from __future__ import annotations

import csv
import io

from reporter.exports.uwazi import export_uwazi
from tests.exports.test_formats import _ctx, _fixed_reports


def test_a_formula_in_a_shared_title_or_description_stays_text_in_the_uwazi_csv() -> None:
    report = _fixed_reports()[0]
    report["record"] = dict(
        report["record"], title='=HYPERLINK("http://x","y")', description="+cmd|' /C calc'!A0"
    )
    rows = list(csv.reader(io.StringIO(export_uwazi([report], _ctx("en")).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells.count('\'=HYPERLINK("http://x","y")') == 3  # title, title__en, title__es
    assert "'+cmd|' /C calc'!A0" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
