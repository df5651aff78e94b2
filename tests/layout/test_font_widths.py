"""Text is measured from a generated width table exactly as reportlab measures the bundled
TrueType fonts, without loading reportlab or the fonts when the layout starts."""

from __future__ import annotations

import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from icsviewer import paths
from icsviewer.layout import make_font_widths
from icsviewer.layout.text_metrics import text_width, units_width, wrap_label

SAMPLES = [
    "NHS Cheshire and Merseyside Integrated Care Board",
    "Wirral University Teaching Hospital NHS Foundation Trust",
    "Café Señor Ångström Ærø Œuvre Łódź Dvořák Þórsmörk",  # accented Latin
    "Ĳssel ﬁnance ﬂow \u00a0no-break\u2009thin\u2014dash \u2026 \u201cquoted\u201d \u20ac5",
    "Ελληνικά Кириллица עברית",  # Greek, Cyrillic, Hebrew
    "漢字 かな 한글 🙂 \U0001f3e5",  # not in the font: the missing-glyph width
    "tab\there\nnewline \x00 control",  # control characters
    "e\u0301 combining accent",
    "",
]


@pytest.fixture(scope="module")
def reportlab_fonts() -> dict[bool, TTFont]:
    return {
        False: TTFont("TestLiberationSans", str(paths.FONT_REGULAR)),
        True: TTFont("TestLiberationSans-Bold", str(paths.FONT_BOLD)),
    }


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("size", [10.0, 7.5, 14.0])
def test_widths_equal_reportlab_measuring_the_font_file(
    reportlab_fonts: dict[bool, TTFont], bold: bool, size: float
) -> None:
    for text in SAMPLES:
        expected = reportlab_fonts[bold].stringWidth(text, size)
        assert text_width(text, size, bold) == expected, text


def test_a_character_missing_from_the_font_takes_the_missing_glyph_width() -> None:
    # Wide enough that a box sized for it holds whatever a fallback font draws there.
    missing = text_width("\U0001f3e5", 10.0)
    assert missing == text_width("\u4e00", 10.0) > text_width("n", 10.0)
    assert missing > 0


def test_widths_add_up_so_wrapping_can_sum_words() -> None:
    for text in SAMPLES:
        for cut in range(len(text)):
            assert units_width(text[:cut], True) + units_width(text[cut:], True) == (
                units_width(text, True)
            )


def test_wrapping_mixed_scripts_keeps_every_line_within_the_width() -> None:
    for text in SAMPLES:
        for line in wrap_label(text * 3, 60.0, 10.0, True):
            assert text_width(line, 10.0, True) <= 60.0 or len(line) == 1


def test_the_generated_table_matches_the_bundled_fonts() -> None:
    """Fails when the fonts change and `python -m icsviewer.layout.make_font_widths` was
    not run again."""
    assert make_font_widths.TARGET.read_text("utf-8") == make_font_widths.render()


def test_measuring_text_loads_neither_reportlab_nor_a_font_file() -> None:
    code = (
        "import sys\n"
        "from icsviewer.layout.text_metrics import text_width\n"
        "text_width('Integrated Care Board', 10.0, True)\n"
        "print('reportlab' in ' '.join(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_pdf_font_names_are_registered_with_reportlab_when_asked_for() -> None:
    from reportlab.pdfbase import pdfmetrics

    from icsviewer.layout.pdf_fonts import register_fonts
    from icsviewer.layout.text_metrics import FONT_NAME_BOLD, FONT_NAME_REGULAR

    assert register_fonts() == (FONT_NAME_REGULAR, FONT_NAME_BOLD)
    assert {FONT_NAME_REGULAR, FONT_NAME_BOLD} <= set(pdfmetrics.getRegisteredFontNames())
