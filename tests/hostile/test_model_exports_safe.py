"""Hostile text typed into the editor (straight into the model) exports safely too.

A file's validator can refuse a 100,000-character name or a control character, but a user can
paste the same text into the body form, so the exporters must cope with anything the model
holds. `model_charts.py` builds such charts; `export_child.py` lays each out with the instant
fallback arrangement and exports it in a child process (network booby-trapped, 500 MB, a
time-out); the SVG and the PDF are then checked as in `test_exports_safe.py`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.hostile.model_charts import NAMES, PINS
from tests.hostile.runner import run_module
from tests.hostile.safety import (
    NETWORK_ATTEMPT,
    pdf_text_and_links,
    pdf_violations,
    squash,
    svg_text,
    svg_violations,
)

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("exporters.pdf_setup") is None,
    reason="the exporters are not written yet",
)
CHARTS = [*NAMES, *PINS]
EXPORT_TIMEOUT = 60.0


def _export(which: str, out: Path, marker: Path) -> None:
    run = run_module("tests.hostile.export_child", "model", which, str(out), str(marker),
                     timeout=EXPORT_TIMEOUT)
    assert run.returncode == 0, f"export of the {which!r} chart failed\n{run.describe()}"
    assert NETWORK_ATTEMPT not in run.output, f"export used the network\n{run.describe()}"
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"


@pytest.mark.parametrize("which", CHARTS)
def test_model_text_exports_to_safe_svg(which: str, tmp_path: Path) -> None:
    out = tmp_path / "out.svg"
    _export(which, out, tmp_path / "ATTACK-MARKER")
    data = out.read_bytes()
    assert svg_violations(data) == []
    assert b"<script" not in data.lower() and b"javascript:" not in data.lower()
    if which == "markup":
        shown = squash(svg_text(data))
        assert all(squash(n) in shown for n in NAMES["markup"])


@pytest.mark.parametrize("which", CHARTS)
def test_model_text_exports_to_safe_pdf(which: str, tmp_path: Path) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    out = tmp_path / "out.pdf"
    _export(which, out, marker)
    assert pdf_violations(out) == []
    text, uris = pdf_text_and_links(out)
    assert all(u.startswith(("https://", "mailto:")) for u in uris), uris
    assert "javascript:" not in text.lower()
    if which in ("markup", "reportlab"):
        flat = squash(text)
        shown = [n.replace("MARKER", str(marker)) for n in NAMES[which]]
        assert all(squash(n) in flat for n in shown), "hostile text not shown literally"


@pytest.mark.skipif(importlib.util.find_spec("exporters.tour_handout") is None,
                    reason="the tour handout exporter is not written yet")
@pytest.mark.parametrize("which", CHARTS)
def test_model_text_exports_to_safe_tour_handout(which: str, tmp_path: Path) -> None:
    """The presenter's handout PDF: captions, notes and names are printed, never parsed."""
    marker = tmp_path / "ATTACK-MARKER"
    out = tmp_path / "tour.handout.pdf"
    _export(which, out, marker)
    assert pdf_violations(out) == []
    text, _ = pdf_text_and_links(out)
    if which == "markup":
        assert squash(NAMES["markup"][0]) in squash(text), "caption not shown literally"
