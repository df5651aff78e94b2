"""Charts built straight in the model with hostile text, as a user could type or paste it.

Used by `test_model_exports_safe.py` through `export_child.py`, which builds one of these in a
memory- and time-limited child process and exports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
# Pinned positions far from everything else (a slip of a drag, or a crafted file).
PINS: dict[str, tuple[float, float]] = {"far_pin": (100_000.0, 100_000.0)}
LINKS = ["javascript:alert(1)", "java\nscript:alert(2)", " JaVaScRiPt:alert(3)",
         "data:text/html,<script>x</script>", "file:///etc/passwd",
         'https://example.org/" onclick="alert(4)', "mailto:a@example.org"]


KINDS = ["icb", "nhs_trust", "committee"] * 4


def build_chart(which: str, marker: Path) -> Any:
    """The chart called `which`: NAMES[which] in every text field, or a far pin (PINS)."""
    from dataclasses import replace

    if which in PINS:
        chart = _chart(["Far away body"], marker)
        body = chart.bodies[0]
        chart.replace_body(replace(body, pinned=PINS[which]))
        return chart
    return _chart(NAMES[which], marker)


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
