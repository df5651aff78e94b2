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
    collapsed_group_box,
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


def _hostile_names() -> list[str]:
    words = " ".join(f"Partnership{i}" for i in range(12_000))  # ~150,000 characters
    return [
        "Trust " * 17_000,  # 100,000 characters of short words
        "x" * 100_000,  # one word, broken between characters
        words,
    ]


def test_a_huge_name_without_a_short_name_is_cut_to_six_lines_with_an_ellipsis() -> None:
    for name in _hostile_names():
        size = box_size(Body("hostile", name, "committee"))
        assert 1 < len(size.lines) <= 6
        assert size.lines[-1].endswith("\u2026")
        assert not any(line.endswith("\u2026") for line in size.lines[:-1])
        # The label starts as the name does and every line fits the box.
        shown = "".join(size.lines).rstrip("\u2026").replace(" ", "")
        assert "".join(name.split()).startswith(shown)
        for line in size.lines:
            assert text_width(line, BASE_FONT_SIZE, MEASURE_BOLD) <= MAX_LABEL_WIDTH + 0.01
        assert size.height <= 6 * line_height(BASE_FONT_SIZE) + 2 * PAD_X + 1


def test_a_name_of_six_lines_or_fewer_is_shown_whole() -> None:
    name = "Alpha Beta Gamma Delta " * 4  # about five lines at the label width
    lines = box_size(Body("x", name, "committee")).lines
    assert 3 < len(lines) <= 6
    assert " ".join(lines) == name.strip()
    assert "\u2026" not in "".join(lines)


def test_a_huge_collapsed_group_name_keeps_its_box_small() -> None:
    size = collapsed_group_box("Group " * 20_000, 4)
    assert len(size.lines) <= MAX_LINES + 1
    assert size.lines[-1] == "(4 bodies)"
    assert size.lines[-2].endswith("\u2026")
