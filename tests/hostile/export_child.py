"""Export one hostile chart in this (child) process, with the network booby-trapped.

    python -m tests.hostile.export_child file CHART.yaml OUT.svg|OUT.pdf
    python -m tests.hostile.export_child model WHICH OUT.svg|OUT.pdf MARKER

`file` runs the export command's own function (`exporters.cli.run_export`) on a chart file;
`model` builds `model_charts.build_chart(WHICH)` and calls the SVG or PDF exporter directly
with the instant fallback layout. Any attempt to reach the network prints
`safety.NETWORK_ATTEMPT` on stderr and raises. The exit status is the export's.

The tests run this under `runner.run_python`, so a hostile chart that makes an exporter hang
or eat memory fails one test (time-out, or the 500 MB address-space limit) instead of stalling
or swapping the whole test run.
"""

from __future__ import annotations

import sys
from pathlib import Path

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
    if out.suffix == ".svg":
        from exporters.svg import export_svg

        export_svg(chart, layout, get_theme("nhs"), out)
    else:
        from exporters.pdf import export_pdf

        export_pdf(chart, layout, get_theme("nhs"), out)
    return 0


def main(argv: list[str]) -> int:
    _guard_network()
    if argv[:1] == ["file"] and len(argv) == 3:
        from exporters.cli import run_export

        return run_export([argv[1], "-o", argv[2]])
    if argv[:1] == ["model"] and len(argv) == 4:
        return _export_model(argv[1], Path(argv[2]), Path(argv[3]))
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
