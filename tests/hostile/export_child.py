"""Export one hostile chart in this (child) process, with the network booby-trapped.

    python -m tests.hostile.export_child file CHART.yaml OUT.svg|OUT.pdf
    python -m tests.hostile.export_child model WHICH OUT.svg|OUT.pdf|OUT.handout.pdf MARKER
    python -m tests.hostile.export_child handout CHART.yaml OUT.pdf

`file` runs the export command's own function (`exporters.cli.run_export`) on a chart file;
`model` builds `model_charts.build_chart(WHICH)` and calls the SVG or PDF exporter directly
with the instant fallback layout (`.handout.pdf`: the presenter's tour handout); `handout` reads
a chart file and writes the handout of its default tour. Any attempt to reach the network prints
`safety.NETWORK_ATTEMPT` on stderr and raises. The exit status is the export's.

The tests run this under `runner.run_python`, so a hostile chart that makes an exporter hang
or eat memory fails one test (time-out, or the 500 MB address-space limit) instead of stalling
or swapping the whole test run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.hostile.safety import network_guards


def _guard_network() -> None:
    for owner, name, replacement in network_guards([], announce=True):
        setattr(owner, name, replacement)


def _export_model(which: str, out: Path, marker: Path) -> int:
    from icsviewer.layout.fallback import fallback_layout
    from icsviewer.style.theme import get_theme
    from tests.hostile.model_charts import build_chart

    chart = build_chart(which, marker)
    layout = fallback_layout(chart)
    if out.name.endswith(".handout.pdf"):
        return _handout(chart, out)
    if out.suffix == ".svg":
        from exporters.svg import export_svg

        export_svg(chart, layout, get_theme("nhs"), out)
    else:
        from exporters.pdf import export_pdf

        export_pdf(chart, layout, get_theme("nhs"), out)
    return 0


def _handout(chart: Any, out: Path) -> int:
    """The default tour's handout, one page per step, framing the step's bodies."""
    from exporters.tour_handout import HandoutStep, write_tour_handout
    from icsviewer.layout.fallback import fallback_layout
    from icsviewer.style.theme import get_theme

    tour = chart.default_tour()
    steps = [HandoutStep(s.caption, s.notes, frozenset(s.bodies), None)
             for s in (tour.steps if tour else ())]
    write_tour_handout(out, chart, fallback_layout(chart), get_theme("nhs"),
                       tour.name if tour else "", steps)
    return 0


def _handout_of_file(path: str, out: Path) -> int:
    from icsviewer.io.reader import load_chart

    result = load_chart(path)
    if result.chart is None:
        print("\n".join(str(p) for p in result.problems), file=sys.stderr)
        return 1
    return _handout(result.chart, out)


def main(argv: list[str]) -> int:
    _guard_network()
    if argv[:1] == ["file"] and len(argv) == 3:
        from exporters.cli import run_export

        return run_export([argv[1], "-o", argv[2]])
    if argv[:1] == ["handout"] and len(argv) == 3:
        return _handout_of_file(argv[1], Path(argv[2]))
    if argv[:1] == ["model"] and len(argv) == 4:
        return _export_model(argv[1], Path(argv[2]), Path(argv[3]))
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
