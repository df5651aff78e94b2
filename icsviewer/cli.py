"""The `icsviewer` command: open the window, validate files, or export board-pack files.

    icsviewer [PATH]                 open PATH (default: the bundled flagship chart)
    icsviewer validate PATH...       check files; exit 0 valid, 1 errors, 2 unreadable
    icsviewer export PATH -o OUT     write OUT.pdf, OUT.svg or OUT.png

Each subcommand lives in its own module and is imported only when used, so `validate` and
`export` never load Qt widgets and the window never loads reportlab up front.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from icsviewer import __version__

SUBCOMMANDS = ("validate", "export", "open")


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icsviewer",
        description="View, edit, present and export the chart of an NHS Integrated Care System.",
        epilog="Subcommands: 'icsviewer validate PATH...' and 'icsviewer export PATH -o OUT'. "
        "Run 'icsviewer SUBCOMMAND --help' for their options.",
    )
    parser.add_argument("--version", action="version", version=f"icsviewer {__version__}")
    parser.add_argument("path", nargs="?", help="chart file to open (default: the bundled chart)")
    parser.add_argument("--theme", help="theme to start with (nhs, high_contrast, greyscale)")
    parser.add_argument("--present", action="store_true", help="start presenting at once")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "validate":
        from icsviewer.io.validate_cli import run_validate

        return run_validate(args[1:])
    if args and args[0] == "export":
        from exporters.cli import run_export

        return run_export(args[1:])
    if args and args[0] == "open":
        args = args[1:]
    options = _open_parser().parse_args(args)
    # Before Qt is imported (the app package imports it): a child process starts reading and
    # laying out the chart on the other core while this one loads Qt and builds the window.
    from icsviewer import paths, prefetch

    early = prefetch.start(Path(options.path) if options.path else paths.FLAGSHIP_CHART)
    from icsviewer.app.launch import run_app

    return run_app(options.path, theme=options.theme, present=options.present, prefetch=early)


if __name__ == "__main__":
    sys.exit(main())
