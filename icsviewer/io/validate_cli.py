"""`icsviewer validate PATH...`: check chart files and say what is wrong, for people and scripts.

Exit status: 0 every file is valid (warnings allowed), 1 some file has errors, 2 some file
cannot be read at all (missing, a folder, no permission, not UTF-8, too big). Each problem is
one line, `PATH:LINE:COL: error|warning: message (hint: ...)`, then one summary line per file.
Text from the file is printed with control and bidi characters escaped, so a hostile file cannot
drive the terminal or reorder what the reader sees.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from icsviewer.io.reader import LoadResult, load_chart

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def printable(text: str) -> str:
    """`text` with control and format characters (ESC, RLO, zero-width ...) shown as escapes."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def summary(path: str, result: LoadResult) -> str:
    """The one line said about each file."""
    errors, warnings = len(result.errors), len(result.warnings)
    if not result.readable:
        return f"{path}: cannot be read"
    if result.ok and result.chart is not None:
        chart = result.chart
        return (
            f"{path}: OK — {_plural(len(chart.bodies), 'body', 'bodies')}, "
            f"{_plural(len(chart.relationships), 'relationship')}, {_plural(warnings, 'warning')}"
        )
    return f"{path}: FAILED — {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icsviewer validate",
        description="Check chart files. Exit 0 when all are valid, 1 when any has errors, "
        "2 when any cannot be read.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="chart files (.yaml) to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    return parser


def _safe_stream(stream: TextIO) -> None:
    # A Windows console in cp1252 cannot print every name; never let that become a traceback.
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def run_validate(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Validate each path; print problems and summaries; return the exit status."""
    stream = out if out is not None else sys.stdout
    _safe_stream(stream)
    try:
        options = _parser().parse_args(list(argv))
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed by argparse
        return int(exc.code) if isinstance(exc.code, int) else EXIT_UNREADABLE
    status = EXIT_OK
    for path in options.paths:
        result = load_chart(path)
        for problem in result.problems:
            if options.quiet and not problem.is_error:
                continue
            print(printable(str(problem)), file=stream)
        print(printable(summary(path, result)), file=stream)
        if not result.readable:
            status = max(status, EXIT_UNREADABLE)
        elif not result.ok:
            status = max(status, EXIT_ERRORS)
    stream.flush()
    return status
