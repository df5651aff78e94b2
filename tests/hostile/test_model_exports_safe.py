"""Hostile text typed into the editor (straight into the model) exports safely too.

A file's validator can refuse a 100,000-character name or a control character, but a user can
paste the same text into the body form, so the exporters must cope with anything the model
holds. This builds charts in the model, lays them out with the instant fallback arrangement
(no Graphviz, so these tests are fast and need no reader), and checks the SVG and the PDF as
`test_exports_safe.py` does.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.safety import (
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

SCRIPT = "<script>alert(1)</script>"
NAMES = {
    "markup": [SCRIPT, "</text><script>x</script>", "]]> & \"q\" 'q' &amp; &#x41;"],
    "controls": ["NHS\x00Eng\x07land\x1b[31m \u202e\u2066x\u2069 \ufffe\uffff\ud800 \x85\x9f"],
    "long_5k": ["Very long name " * 340],
    "long_100k": [("Very long name " * 6667)[:100_000]],
    "no_spaces_100k": ["W" * 100_000],
    "many_lines": ["line\n" * 2000],
    "reportlab": ['<font color="[[[__import__(\'os\').system(\'touch MARKER\')]]]">x</font>',
                  '<img src="http://127.0.0.1:9/x.png"/>', "<para><b>unclosed <i>"],
    "empty": ["", " ", "\n\t"],
}
LINKS = ["javascript:alert(1)", "java\nscript:alert(2)", " JaVaScRiPt:alert(3)",
         "data:text/html,<script>x</script>", "file:///etc/passwd",
         'https://example.org/" onclick="alert(4)', "mailto:a@example.org"]


KINDS = ["icb", "nhs_trust", "committee"] * 4


def _chart(names: list[str], marker: Path) -> Any:
    from icsviewer.model.chart import (
        Body,
        Chart,
        ChartMeta,
        Group,
        Link,
        Member,
        Relationship,
        Tour,
        TourStep,
    )

    texts = [n.replace("MARKER", str(marker)) for n in names]
    bodies = [
        Body(id=f"b{i}", name=t, kind=kind, short_name=t[:50], description=t,
             members=(Member(role=t, holder=t, nominated_by=t, notes=t),),
             links=tuple(Link(url=u, label=t) for u in LINKS), notes=t)
        # Each text twice (so relationships join bodies holding it), kinds cycling.
        for i, (t, kind) in enumerate(zip(texts * 2, KINDS, strict=False))
    ]
    rels = [Relationship(id=f"r{i}", source=bodies[i].id, target=bodies[i + 1].id,
                         kind="member_of", label=bodies[i].name, notes=texts[0],
                         legal_basis=texts[0])
            for i in range(len(bodies) - 1)]
    meta = ChartMeta(title=texts[0], subtitle=texts[-1], organisation=texts[0],
                     marking=texts[0][:100], description=texts[0], authors=(texts[0],))
    groups = [Group(id="g", name=texts[0], kind="place", description=texts[0],
                    members=tuple(b.id for b in bodies[:2]))]
    tours = [Tour(id="t", name=texts[0], steps=(TourStep(bodies=("b0",), caption=texts[0],
                                                         notes=texts[0]),))]
    return Chart(meta, bodies, rels, groups, tours)


def _export(kind: str, chart: Any, path: Path) -> None:
    from icsviewer.layout.fallback import fallback_layout
    from icsviewer.style.theme import get_theme

    layout = fallback_layout(chart)
    if kind == "svg":
        from exporters.svg import export_svg

        export_svg(chart, layout, get_theme("nhs"), path)
    else:
        from exporters.pdf import export_pdf

        export_pdf(chart, layout, get_theme("nhs"), path)


@pytest.mark.parametrize("which", list(NAMES))
def test_model_text_exports_to_safe_svg(which: str, tmp_path: Path, no_network: list[str]) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    out = tmp_path / "out.svg"
    _export("svg", _chart(NAMES[which], marker), out)
    data = out.read_bytes()
    assert svg_violations(data) == []
    assert b"<script" not in data.lower() and b"javascript:" not in data.lower()
    if which == "markup":
        shown = squash(svg_text(data))
        assert all(squash(n) in shown for n in NAMES["markup"])
    assert not marker.exists() and no_network == []


@pytest.mark.parametrize("which", list(NAMES))
def test_model_text_exports_to_safe_pdf(which: str, tmp_path: Path, no_network: list[str]) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    out = tmp_path / "out.pdf"
    _export("pdf", _chart(NAMES[which], marker), out)
    assert pdf_violations(out) == []
    text, uris = pdf_text_and_links(out)
    assert all(u.startswith(("https://", "mailto:")) for u in uris), uris
    assert "javascript:" not in text.lower()
    if which in ("markup", "reportlab"):
        flat = squash(text)
        shown = [n.replace("MARKER", str(marker)) for n in NAMES[which]]
        assert all(squash(n) in flat for n in shown), "hostile text not shown literally"
    assert not marker.exists() and no_network == []
