"""The text pages' own layout: line breaking, columns and pages, as a reader would notice."""

from __future__ import annotations

from reportlab.lib.colors import black, blue
from reportlab.pdfbase.pdfmetrics import stringWidth

from exporters.pdf_setup import font_names
from exporters.pdf_text_pages import Column, Paginator, TextPage
from exporters.pdf_text_styles import TextStyle
from exporters.pdf_textflow import Bookmark, Keep, Line, Measure, Para, Run, Table, lines_of

REGULAR, BOLD = font_names()
BODY = TextStyle(REGULAR, 10, 12, black, space_after=4)
HEADING = TextStyle(BOLD, 12, 15, black, space_before=10, space_after=2, keep_with_next=True)
WORDS = "Plain words that run on long enough to need several lines in a narrow column. " * 3


def texts(lines: list[Line]) -> list[str]:
    return ["".join(frag.text for _, _, frag in line.frags) for line in lines]


def test_lines_fit_the_column_and_keep_every_word_in_order() -> None:
    lines = lines_of(Para(BODY, [Run(WORDS)]), 150.0, Measure())
    assert len(lines) > 3
    for line in lines:
        for x, _, frag in line.frags:
            assert x + frag.width <= 150.0 + 1e-6
            assert abs(frag.width - stringWidth(frag.text, REGULAR, 10)) < 1e-6
    assert " ".join(texts(lines)).split() == WORDS.split()


def test_white_space_collapses_and_line_breaks_in_the_text_are_kept() -> None:
    lines = lines_of(Para(BODY, [Run("  one \t two\n\n\n\nthree  ")]), 400.0, Measure())
    assert texts(lines) == ["one two", "", "three"]  # blank lines in a row print as one


def test_a_word_wider_than_the_column_is_cut_between_characters() -> None:
    url = "https://example.nhs.uk/" + "a-very-long-path-segment/" * 8
    lines = lines_of(Para(BODY, [Run("See " + url)]), 120.0, Measure())
    assert "".join(texts(lines)).replace(" ", "") == ("See" + url)
    assert all(sum(f.width for _, _, f in line.frags) <= 120.0 + 1e-6 for line in lines)


def test_a_link_covers_its_words_and_not_the_spaces_around_them() -> None:
    runs = [Run("Accountable to "), Run("NHS England", colour=blue, link="#body-1"), Run(" here.")]
    (line,) = lines_of(Para(BODY, runs), 400.0, Measure())
    linked = [frag for _, _, frag in line.frags if frag.link]
    assert [frag.text for frag in linked] == ["NHS England"]
    plain = [frag.text for _, _, frag in line.frags if not frag.link]
    assert "".join([*plain[:1], "NHS England", *plain[1:]]) == "Accountable to NHS England here."


def page_texts(pages: list[TextPage]) -> list[list[str]]:
    """Per page, each line's text in placing order, with its column's x."""
    return [
        [f"{x:.0f}:" + "".join(f.text for _, _, f in line.frags) for x, _, line in page.lines]
        for page in pages
    ]


COLUMNS = [Column(0, 200, 300, 0), Column(250, 200, 300, 0)]  # two columns, 300 pt tall


def test_a_kept_group_moves_to_the_next_column_whole() -> None:
    filler = [Para(BODY, [Run(f"Filler line {i}")]) for i in range(14)]  # 14 x 16 = 224 pt
    group = Keep([Para(HEADING, [Run("Heading")]), Para(BODY, [Run(WORDS)])])
    pages = Paginator(COLUMNS, Measure()).add([*filler, group])
    placed = pages[0].lines
    heading = next((x, top) for x, top, line in placed if line.frags[0][2].text == "Heading")
    assert heading == (250, 300)  # top of the second column, not the foot of the first


def test_a_heading_never_ends_a_column_alone() -> None:
    filler = [Para(BODY, [Run(f"Filler line {i}")]) for i in range(17)]  # 17 x 16 = 272 pt
    heading = Para(HEADING, [Run("Heading")], bookmark=Bookmark("h", "Heading", 0))
    pages = Paginator(COLUMNS, Measure()).add([*filler, heading, Para(BODY, [Run(WORDS)])])
    (x, top, mark) = pages[0].bookmarks[0]
    assert (x, top) == (250, 300) and mark.key == "h"


def test_a_table_continuing_in_the_next_column_repeats_its_header() -> None:
    rows = [(f"Role {i}", f"Person {i}", "") for i in range(40)]
    table = Table(("Role", "Held by", "Nominated by"), rows, (0.4, 0.3, 0.3), BODY, BODY, black)
    pages = Paginator(COLUMNS, Measure()).add([table])
    lines = [line for page in page_texts(pages) for line in page]
    headers = [line for line in lines if line.split(":", 1)[1].startswith("RoleHeld by")]
    assert len(headers) >= 2
    assert all(f"Role {i}" in "".join(lines) for i in range(40))
    first_in_second_column = next(line for line in lines if line.startswith("250:"))
    assert first_in_second_column.startswith("250:RoleHeld by")


def test_space_before_is_dropped_at_the_top_of_a_column() -> None:
    pages = Paginator(COLUMNS, Measure()).add([Para(HEADING, [Run("First")])])
    (x, top, _line) = pages[0].lines[0]
    assert (x, top) == (0, 300)
