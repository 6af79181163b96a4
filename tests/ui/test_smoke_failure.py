"""A build check (`testigo --smoke-test`) that fails says where on stderr, never a value."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_a_failing_smoke_test_names_the_exception_and_its_frames_only(
    tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import ui.app

    def broken(*_args: object) -> object:
        raise RuntimeError("canary-secret-9f2c")

    monkeypatch.setattr(ui.app, "create_app", broken)
    status = ui.app.main(["testigo", "--portable", str(tmp_path / "stick"), "--smoke-test"])
    err = capsys.readouterr().err
    assert status == 1
    assert "RuntimeError" in err
    assert "ui/app.py" in err
    assert "canary-secret-9f2c" not in err
