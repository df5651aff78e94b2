"""`icsviewer export PATH -o OUT.pdf|OUT.svg|OUT.png [options]`: rebuild board packs in one go.

Exit codes: 0 written (one line says what), 1 the chart has errors (each printed as
``PATH:LINE:COL: error: message``) or could not be laid out or exported, 2 the input could not
be read or the output could not be written (or the command line was wrong). Never a traceback:
every failure ends as one plain sentence on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exporters.options import FIT_MODES, ORIENTATIONS, PAPER_SIZES, ExportOptions

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_IO = 2
FORMATS = (".pdf", ".svg", ".png")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as our one-line error and exit code 2."""

    def error(self, message: str) -> Any:
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="icsviewer export",
        description="Export a chart to a board-pack PDF, a designer's SVG or a PNG for slides.",
    )
    p.add_argument("path", help="the chart file (YAML)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="file to write; the format follows the extension: .pdf, .svg or .png",
    )
    p.add_argument("--paper", choices=list(PAPER_SIZES), default="A4", help="PDF paper size")
    p.add_argument(
        "--orientation",
        choices=list(ORIENTATIONS),
        default="landscape",
        help="PDF orientation; 'auto' picks the one the chart fits better",
    )
    p.add_argument(
        "--fit",
        choices=list(FIT_MODES),
        default="auto",
        help="PDF: 'one-page' always, 'tile' over several pages, or 'auto' (tile only "
        "when one page would print text under 7 pt; a chart too big to tile legibly on 64 "
        "pages goes on one overview page to zoom on screen)",
    )
    p.add_argument("--theme", default="nhs", help="nhs, high_contrast or greyscale")
    p.add_argument("--title", default="", help="title to print instead of the chart's own")
    p.add_argument(
        "--marking",
        default="",
        help="protective marking for every page, e.g. OFFICIAL (default: the chart's)",
    )
    scale = p.add_mutually_exclusive_group()
    scale.add_argument(
        "--scale",
        type=float,
        default=None,
        help="PNG: pixels per point (default 2, twice screen size)",
    )
    scale.add_argument("--dpi", type=float, default=None, help="PNG: dots per inch")
    p.add_argument(
        "--no-directory", action="store_true", help="PDF: leave out the directory of bodies"
    )
    p.add_argument("--transparent", action="store_true", help="PNG: transparent background")
    return p


def _err(message: str) -> None:
    print(f"icsviewer export: error: {message}", file=sys.stderr)


def run_export(argv: Sequence[str]) -> int:
    """Run the export command; returns the exit code (never raises, never prints a traceback)."""
    try:
        return _run(list(argv))
    except _UsageError as exc:
        _err(f"{exc} (see 'icsviewer export --help')")
        return EXIT_IO
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INVALID
    except MemoryError:
        _err("not enough memory to export this chart")
        return EXIT_INVALID
    except Exception as exc:
        _err(f"the export failed unexpectedly ({type(exc).__name__}: {exc})")
        return EXIT_INVALID


def _run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help exits 0 through argparse
        return int(exc.code or 0)
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        _err(f"cannot tell the format of {out.name!r}: use a name ending .pdf, .svg or .png")
        return EXIT_IO
    if not out.parent.exists() and str(out.parent):
        _err(f"cannot write {out}: folder {out.parent} does not exist")
        return EXIT_IO
    options = _options(args, Path(args.path).name)
    if options is None:
        return EXIT_IO
    from icsviewer.style.theme import get_theme

    try:
        theme = get_theme(args.theme)
    except KeyError as exc:
        _err(str(exc.args[0]))
        return EXIT_IO
    loaded = _load(Path(args.path))
    if isinstance(loaded, int):
        return loaded
    layout = _layout(loaded)
    try:
        summary = _write(suffix, loaded, layout, theme, out, options)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        _err(f"cannot write {out}: {reason}")
        return EXIT_IO
    except ValueError as exc:
        _err(str(exc))
        return EXIT_INVALID
    print(summary)
    return EXIT_OK


def _options(args: argparse.Namespace, source_name: str) -> ExportOptions | None:
    try:
        return ExportOptions(
            paper=args.paper,
            orientation=args.orientation,
            fit=args.fit,
            title=args.title,
            marking=args.marking,
            directory=not args.no_directory,
            source_name=source_name,
            scale=args.scale if args.scale is not None else 2.0,
            dpi=args.dpi,
            transparent=args.transparent,
        )
    except ValueError as exc:
        _err(str(exc))
        return None


def _load(path: Path) -> Any:
    """The chart, or an exit code after printing why not.

    Errors are printed as ``PATH:LINE:COL: error: message``; a file that cannot be read as
    text at all (missing, a folder, no permission, not UTF-8, too big) exits 2, one with
    errors in it exits 1. Warnings do not stop an export.
    """
    try:
        from icsviewer.io.reader import load_chart
    except ImportError as exc:
        _err(f"the chart reader is not available ({exc})")
        return EXIT_INVALID
    result = load_chart(path)
    errors = [p for p in result.problems if getattr(p, "severity", "error") == "error"]
    for problem in errors:
        print(str(problem), file=sys.stderr)
    if not getattr(result, "readable", True):
        if not errors:
            _err(f"cannot read {path}")
        return EXIT_IO
    if errors:
        _err(f"{path.name} has {len(errors)} error(s); fix them and export again")
        return EXIT_INVALID
    if result.chart is None:
        _err(f"{path.name} could not be read as a chart")
        return EXIT_INVALID
    return result.chart


def _layout(chart: Any) -> Any:
    """Graphviz layout; the simple fallback arrangement if Graphviz fails (with a note)."""
    from icsviewer.layout.client import LayoutError, compute_layout
    from icsviewer.layout.fallback import fallback_layout

    try:
        return compute_layout(chart)
    except LayoutError as exc:
        print(
            f"icsviewer export: note: {exc} Using the simple arrangement instead.", file=sys.stderr
        )
        return fallback_layout(chart)


def _write(
    suffix: str, chart: Any, layout: Any, theme: Any, out: Path, options: ExportOptions
) -> str:
    if suffix == ".pdf":
        from exporters.pdf import export_pdf

        return export_pdf(chart, layout, theme, out, options).summary()
    if suffix == ".svg":
        from exporters.svg import export_svg

        export_svg(chart, layout, theme, out, options)
        return f"Wrote {out.name}: SVG, {len(chart.bodies)} bodies."
    from exporters.png import export_png

    return export_png(chart, layout, theme, out, options).summary()
