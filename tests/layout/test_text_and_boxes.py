"""Labels are measured with the bundled font, wrapped to fit, and boxes hold them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from icsviewer.layout.boxes import (
    BASE_FONT_SIZE,
    MAX_LABEL_WIDTH,
    MAX_LINES,
    MEASURE_BOLD,
    PAD_X,
    box_size,
)
from icsviewer.layout.text_metrics import line_height, text_width, wrap_label
from icsviewer.model.chart import Body


def test_bold_text_is_wider_and_width_scales_with_size() -> None:
    regular = text_width("Integrated Care Board", 10, False)
    assert text_width("Integrated Care Board", 10, True) > regular
    assert abs(text_width("Integrated Care Board", 20, False) - 2 * regular) < 0.01
    # Liberation Sans is metric-compatible with Arial: "W" is much wider than "i".
    assert text_width("W", 10) > 3 * text_width("i", 10)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80))
def test_every_wrapped_line_fits_and_no_word_is_lost(text: str) -> None:
    lines = wrap_label(text, 80.0, 10.0, True)
    for line in lines:
        assert text_width(line, 10.0, True) <= 80.0 or len(line) == 1
    assert "".join(lines).replace(" ", "") == "".join(text.split())


def test_an_over_long_word_is_broken_rather_than_overflowing() -> None:
    lines = wrap_label("Supercalifragilisticexpialidocious", 60.0, 10.0, False)
    assert len(lines) > 1
    assert "".join(lines) == "Supercalifragilisticexpialidocious"


def test_a_long_name_uses_the_short_name_and_a_box_holds_its_label() -> None:
    long_name = (
        "The Very Long Name of a Joint Committee of Several Integrated Care Boards in England"
    )
    body = Body("x", long_name, "committee", short_name="Joint Committee")
    size = box_size(body)
    assert size.lines == ("Joint Committee",)
    full = box_size(Body("y", long_name, "committee"))
    assert len(full.lines) > MAX_LINES  # no short name: the whole name, wrapped
    for box in (size, full):
        widest = max(text_width(line, BASE_FONT_SIZE, MEASURE_BOLD) for line in box.lines)
        assert widest + 2 * PAD_X <= box.width + 0.1
        assert len(box.lines) * line_height(BASE_FONT_SIZE) <= box.height
        assert box.width <= MAX_LABEL_WIDTH + 2 * PAD_X + 0.1
