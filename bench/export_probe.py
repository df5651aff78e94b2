"""Child process: PDF, SVG and PNG export of one chart, each repeated in this one process.

    python bench/export_probe.py CHART.yaml FORMAT REPEATS OUT_DIR [BUDGET_S]

The chart is read and laid out first (cold layout, not timed). The export of FORMAT (pdf, svg
or png) is then timed as the export command runs it after its layout step (`export_pdf`,
`export_svg` or `export_png` with the command's default options, writing a real file).
Prints the list of seconds (`seconds`, and the CPU time of each in `cpu_seconds`, which the
machine's load does not inflate; the first run includes importing the exporter's
libraries, so the median is the figure for an app that has exported before) and the file
size. Repeats stop early once BUDGET_S seconds have been spent, so a very slow export is
measured fewer times rather than stalling the whole benchmark.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import finish


def main() -> int:
    from exporters.options import ExportOptions
    from icsviewer.io.reader import load_chart
    from icsviewer.layout.client import compute_layout
    from icsviewer.style.theme import get_theme

    path, fmt, repeats = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    out_dir = Path(sys.argv[4])
    budget = float(sys.argv[5]) if len(sys.argv) > 5 else float("inf")
    chart = load_chart(path).chart
    if chart is None:
        raise SystemExit(f"cannot read {path}")
    layout = compute_layout(chart, cache=None)
    theme = get_theme("nhs")
    options = ExportOptions(source_name=path.name)
    out: dict[str, Any] = {"errors": []}
    if fmt == "png":
        options = _png_options(chart, layout, theme, options, out)
    times: list[float] = []
    cpu: list[float] = []
    target = out_dir / f"{path.stem}.{fmt}"
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            _export(fmt, chart, layout, theme, target, options)
        except (ValueError, OSError) as exc:
            out["errors"].append(f"{fmt}: {exc}")
            break
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if sum(times) > budget:
            break
    out["seconds"] = times
    out["cpu_seconds"] = cpu
    out["bytes"] = target.stat().st_size if target.exists() else None
    finish(out)
    return 0


def _png_options(chart: Any, layout: Any, theme: Any, options: Any, out: dict[str, Any]) -> Any:
    """The default 2x PNG; or, when the exporter would refuse an image that big (as it does
    for national charts), the largest of 1x, 0.5x and 0.25x it accepts, as a user would then pick.
    Checked with the exporter's own sheet plan and limits, without rendering."""
    import dataclasses

    from exporters.options import MAX_PNG_PIXELS, MAX_PNG_SIDE
    from exporters.svg import plan_sheet

    for scale in (options.scale, 1.0, 0.5, 0.25):
        candidate = dataclasses.replace(options, scale=scale)
        sheet = plan_sheet(chart, layout, theme, candidate)
        width, height = sheet.width * candidate.png_scale, sheet.height * candidate.png_scale
        if max(width, height) <= MAX_PNG_SIDE and width * height <= MAX_PNG_PIXELS:
            out["png_scale"] = scale
            return candidate
    out["png_scale"] = options.scale
    return options


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
