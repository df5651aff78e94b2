"""Write `font_widths.py`, the advance-width table of the bundled fonts, from the TTF files.

Run after changing the bundled fonts (a test fails while the table is out of date):

    .venv/bin/python -m icsviewer.layout.make_font_widths

The table holds each font's advance widths in font units, exactly as reportlab reads them
from the `hmtx` table (reportlab's own reading is used, so its quirks - a no-break space as
wide as a space - come along), run-length grouped by consecutive code points. Layout then
measures text without importing reportlab or parsing a TrueType file at start-up. Only this
script imports reportlab; nothing imports this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from icsviewer import paths

TARGET = Path(__file__).with_name("font_widths.py")
# Values per line in the generated file (keeps lines under the project's length limit).
PER_LINE = 18

HEADER = '''"""Advance widths of the bundled Liberation Sans, generated: do not edit.

Made by `python -m icsviewer.layout.make_font_widths` from resources/fonts/*.ttf (reportlab's
reading of each font's `hmtx` table). Widths are in font units (UNITS_PER_EM to the em); each
run is (first code point, widths of it and the code points that follow, space-separated: text
compiles far faster than thousands of integer literals when no .pyc can be written). A
character in no run has DEFAULT_WIDTH, the width of the font's missing-glyph box, as reportlab
measures it.
"""

'''


def font_runs(path: Path) -> tuple[int, int, list[tuple[int, list[int]]]]:
    """(units per em, default width, runs) of one TrueType font, in font units."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(path))
    per_em = int(face.unitsPerEm)
    to_units = per_em / 1000.0
    runs: list[tuple[int, list[int]]] = []
    for code in sorted(face.charWidths):
        units = _units(face.charWidths[code], to_units)
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(units)
        else:
            runs.append((code, [units]))
    return per_em, _units(face.defaultWidth, to_units), runs


def _units(width: float, to_units: float) -> int:
    """reportlab stores width * 1000 / units-per-em; get the integer advance back."""
    value = width * to_units
    units = round(value)
    if abs(value - units) > 1e-6:
        raise ValueError(f"advance width {value} is not a whole number of font units")
    return units


def render() -> str:
    """The text of font_widths.py for the bundled fonts."""
    parts = [HEADER]
    per_ems = set()
    for name, path in (("REGULAR", paths.FONT_REGULAR), ("BOLD", paths.FONT_BOLD)):
        per_em, default, runs = font_runs(path)
        per_ems.add(per_em)
        parts.append(f"{name}_DEFAULT_WIDTH = {default}\n")
        parts.append(f"{name}_RUNS: tuple[tuple[int, str], ...] = (\n")
        for start, widths in runs:
            parts.append(f"    ({start}, (\n")
            lines = [
                " ".join(str(w) for w in widths[i : i + PER_LINE])
                for i in range(0, len(widths), PER_LINE)
            ]
            parts.extend(f'        "{line}{" " if i < len(lines) - 1 else ""}"\n'
                         for i, line in enumerate(lines))
            parts.append("    )),\n")
        parts.append(")\n\n")
    if len(per_ems) != 1:
        raise ValueError("the bundled fonts differ in units per em")
    parts.insert(1, f"UNITS_PER_EM = {per_ems.pop()}\n\n")
    return "".join(parts).rstrip("\n") + "\n"


def main() -> int:
    TARGET.write_text(render(), "utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
