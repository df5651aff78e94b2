"""Child process: PDF, SVG and PNG export of one chart, each repeated in this one process.

    python bench/export_probe.py CHART.yaml REPEATS OUT_DIR

The chart is read and laid out first (cold layout, not timed). Each export is then timed as
the export command runs it after its layout step: `export_pdf`, `export_svg` and
`export_png` with the command's default options, writing a real file. Prints lists of seconds
(`pdf_s`, `svg_s`, `png_s`; the first run of each includes importing its libraries, so the
median is the figure for an app that has exported before) and the file sizes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import emit


def main() -> int:
    from exporters.options import ExportOptions
    from icsviewer.io.reader import load_chart
    from icsviewer.layout.client import compute_layout
    from icsviewer.style.theme import get_theme

    path, repeats, out_dir = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    chart = load_chart(path).chart
    if chart is None:
        raise SystemExit(f"cannot read {path}")
    layout = compute_layout(chart, cache=None)
    theme = get_theme("nhs")
    options = ExportOptions(source_name=path.name)
    out: dict[str, Any] = {}
    for fmt in ("pdf", "svg", "png"):
        times: list[float] = []
        target = out_dir / f"{path.stem}.{fmt}"
        for _ in range(repeats):
            start = time.perf_counter()
            _export(fmt, chart, layout, theme, target, options)
            times.append(time.perf_counter() - start)
        out[f"{fmt}_s"] = times
        out[f"{fmt}_bytes"] = target.stat().st_size
    emit(out)
    return 0


def _export(fmt: str, chart: Any, layout: Any, theme: Any, target: Path, options: Any) -> None:
    """One export, through the same functions `icsviewer export` calls."""
    if fmt == "pdf":
        from exporters.pdf import export_pdf

        export_pdf(chart, layout, theme, target, options)
    elif fmt == "svg":
        from exporters.svg import export_svg

        export_svg(chart, layout, theme, target, options)
    else:
        from exporters.png import export_png

        export_png(chart, layout, theme, target, options)


if __name__ == "__main__":
    sys.exit(main())
