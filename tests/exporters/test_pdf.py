"""The board-pack PDF, read back as a board secretary's PDF reader would see it."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exporters.options import MIN_LEGIBLE_PT, ExportOptions
from exporters.pdf import build_pdf, export_pdf
from exporters.pdf_directory import DIRECTORY_HEADING
from exporters.reading_order import directory_sections
from icsviewer.layout.geometry import BoxLayout, Layout
from icsviewer.model.chart import Body, Chart, ChartMeta
from icsviewer.style.theme import Theme, get_theme
from tests.exporters.conftest import need_tool
from tests.exporters.pdf_helpers import read_pdf, squash

A4_LANDSCAPE = (841.89, 595.28)


ONE_PAGE = ExportOptions(paper="A3")  # the sample chart fits A3 at a legible size


def test_every_body_name_is_searchable_text(chart: Chart, layout: Layout, theme: Theme) -> None:
    data, result = build_pdf(chart, layout, theme, ONE_PAGE)
    assert not result.tiled
    facts = read_pdf(data)
    text = squash(facts.text)
    for body in chart.bodies:
        assert squash(body.name) in text, body.name
    # The chart page alone carries every label too (not only the directory).
    chart_page = squash(facts.pages_text[0])
    for box in layout.boxes.values():
        assert squash("".join(box.lines)) in chart_page


def test_page_count_size_and_orientation(chart: Chart, layout: Layout, theme: Theme) -> None:
    data, result = build_pdf(chart, layout, theme)
    facts = read_pdf(data)
    assert len(facts.reader.pages) == result.pages
    for page in facts.reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.01)
    data, _ = build_pdf(chart, layout, theme, ExportOptions(paper="A3", orientation="portrait"))
    page = read_pdf(data).reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (841.89, 1190.55), abs=0.01
    )


def test_header_footer_marking_and_page_numbers_on_every_page(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    options = ExportOptions(source_name="c_and_m.yaml", marking="OFFICIAL-SENSITIVE")
    data, result = build_pdf(chart, layout, theme, options)
    facts = read_pdf(data)
    for number, text in enumerate(facts.pages_text, start=1):
        flat = squash(text)
        assert flat.count("OFFICIAL-SENSITIVE") >= 2, f"marking top and bottom of page {number}"
        assert squash(f"Page {number} of {result.pages}") in flat
        assert squash("Version 1.0") in flat and squash("As at 1 November 2025") in flat
        assert "c_and_m.yaml" in flat
    first = squash(facts.pages_text[0])
    assert squash("NHS Cheshire and Merseyside") in first
    assert squash("Integrated Care System structure") in first
    assert "Key" in first  # the legend is on the chart page


def test_outline_has_chart_description_sections_and_every_body(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, _ = build_pdf(chart, layout, theme)
    outline = read_pdf(data).outline
    titles = [title for _, title in outline]
    assert outline[0] == (0, "Chart")
    assert (0, "How this system is organised") in outline
    assert (0, DIRECTORY_HEADING) in outline
    for section in directory_sections(chart):
        assert (1, section.heading) in outline
    for body in chart.bodies:
        assert (2, body.name) in outline
    # Reading order: the directory lists sections in the order of `directory_sections`.
    order = [titles.index(s.heading) for s in directory_sections(chart)]
    assert order == sorted(order)


def test_each_box_links_to_its_entry_and_each_entry_links_back(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, _ = build_pdf(chart, layout, theme, ONE_PAGE)
    facts = read_pdf(data)
    directory_start = next(i for i, t in enumerate(facts.pages_text) if "Directory of bodies" in t)
    from_chart = [link for link in facts.internal_links if link[0] == 0]
    assert len(from_chart) == len(layout.boxes)
    # Each box goes to its own place in the directory (page, column and height).
    pairs = zip(facts.internal_links, facts.link_views, strict=True)
    views = [view for link, view in pairs if link[0] == 0]
    targets = {(page, round(left), round(top)) for page, left, top in views}
    assert len(targets) == len(layout.boxes)
    assert all(page >= directory_start for page, _, _ in targets)
    back = [link for link in facts.internal_links if link[0] >= directory_start and link[1] == 0]
    assert len(back) == len(chart.bodies)


def test_metadata_and_language(chart: Chart, layout: Layout, theme: Theme) -> None:
    data, _ = build_pdf(chart, layout, theme, ExportOptions(title="Board pack: ICS structure"))
    reader = read_pdf(data).reader
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Board pack: ICS structure"
    assert meta.author == "ICS Viewer team"
    assert meta.subject == "Integrated Care System structure"
    assert "integrated care system" in str(meta["/Keywords"])
    assert meta.creator == "ICS Viewer"
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"


def test_same_input_gives_the_same_bytes(chart: Chart, layout: Layout, theme: Theme) -> None:
    first, _ = build_pdf(chart, layout, theme)
    second, _ = build_pdf(chart, layout, theme)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    # ...and a different theme really changes the drawing (the hash is not a constant).
    grey, _ = build_pdf(chart, layout, get_theme("greyscale"))
    assert grey != first


def big_chart(count: int) -> tuple[Chart, Layout]:
    """`count` bodies in one wide row of 10 pt boxes: far too wide for A4 at 7 pt."""
    bodies = [Body(f"b{i}", f"Body number {i}", "nhs_trust") for i in range(count)]
    boxes = {
        f"b{i}": BoxLayout(
            f"b{i}", (i % 40) * 130.0, (i // 40) * 50.0, 120.0, 30.0, (f"Body number {i}",), 10.0
        )
        for i in range(count)
    }
    width = min(count, 40) * 130.0
    height = ((count - 1) // 40 + 1) * 50.0
    return Chart(ChartMeta(title="Big"), bodies), Layout(boxes, {}, {}, width, height)


def test_a_chart_too_big_for_a4_is_tiled_with_marks_and_labels(theme: Theme) -> None:
    chart, layout = big_chart(200)
    data, result = build_pdf(chart, layout, theme)
    assert result.tiled
    assert result.smallest_text >= MIN_LEGIBLE_PT - 1e-6
    facts = read_pdf(data)
    tiles = result.columns * result.rows
    for index in range(tiles):
        assert "Tile" in facts.pages_text[index]
    assert squash(f"Tile A1 of {result.columns}×{result.rows}") in squash(facts.pages_text[0])
    assert [t for lvl, t in facts.outline if lvl == 1][:tiles] == [
        f"Tile {chr(65 + c)}{r + 1} of {result.columns}×{result.rows}"
        for r in range(result.rows)
        for c in range(result.columns)
    ]
    assert "tiled over" in result.summary()
    # Every body is on some tile, and links from the tiles still reach the directory.
    all_tiles = squash("".join(facts.pages_text[:tiles]))
    for body in chart.bodies:
        assert squash(body.name) in all_tiles


def test_forcing_one_page_keeps_a_big_chart_on_one_page(theme: Theme) -> None:
    chart, layout = big_chart(200)
    _, result = build_pdf(chart, layout, theme, ExportOptions(fit="one-page"))
    assert not result.tiled
    assert result.smallest_text < MIN_LEGIBLE_PT
    assert "one page" in result.summary()
    assert "hard to read in print" in result.summary()


def test_a_chart_too_big_to_tile_legibly_is_one_overview_page_and_says_so(theme: Theme) -> None:
    chart, layout = big_chart(8000)  # 200 rows of 40: legible tiles would take over 64 pages
    data, result = build_pdf(chart, layout, theme, ExportOptions(directory=False))
    assert not result.tiled and result.overview
    summary = result.summary()
    assert "one overview page" in summary and "--fit tile" in summary
    facts = read_pdf(data)
    assert "Tile" not in facts.pages_text[0]
    chart_page = squash(facts.pages_text[0])
    for body in chart.bodies[:: len(chart.bodies) // 20]:  # every body is on the one page
        assert squash(body.name) in chart_page


def test_no_directory_leaves_out_the_directory_and_the_box_links(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, _ = build_pdf(chart, layout, theme, ExportOptions(directory=False))
    facts = read_pdf(data)
    assert DIRECTORY_HEADING not in facts.text
    assert "How this system is organised" in facts.text  # the text alternative stays
    assert facts.internal_links == []


def test_links_in_the_directory_are_https_or_mailto(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, _ = build_pdf(chart, layout, theme)
    uris = read_pdf(data).uri_links
    assert "mailto:enquiries@cheshireandmerseyside.nhs.uk" in uris
    assert uris and all(u.startswith(("https://", "mailto:")) for u in uris)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_qpdf_finds_no_errors_and_every_font_is_embedded(
    chart: Chart, layout: Layout, theme: Theme, tmp_path: Path, paper: str
) -> None:
    qpdf = need_tool("qpdf")
    pdffonts = need_tool("pdffonts")
    out = tmp_path / "pack.pdf"
    export_pdf(chart, layout, theme, out, ExportOptions(paper=paper))
    check = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run([pdffonts, str(out)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert row.split()[-5] == "yes", f"not embedded: {row}"


def test_export_writes_the_file_atomically_and_reports_it(
    chart: Chart, layout: Layout, theme: Theme, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    result = export_pdf(chart, layout, theme, out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]  # no temporary file left
    assert result.summary().startswith("Wrote pack.pdf: ")


def test_bodies_hidden_in_a_collapsed_group_still_get_an_entry(chart: Chart, theme: Theme) -> None:
    from dataclasses import replace

    from icsviewer.layout.fallback import fallback_layout

    chart.set_groups([replace(g, collapsed=g.kind == "place") for g in chart.groups])
    layout = fallback_layout(chart)
    assert "liverpool_council" not in layout.boxes
    data, _ = build_pdf(chart, layout, theme, ONE_PAGE)
    facts = read_pdf(data)
    assert (2, "Liverpool City Council") in facts.outline
    assert "Liverpool" in facts.pages_text[0]  # the collapsed group's frame is drawn


def test_a_body_with_20000_seats_is_summarised_not_listed_in_full(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    from dataclasses import replace

    from icsviewer.model.chart import Member

    icb = chart.body("cm_icb")
    seats = tuple(Member(f"Member {i}", f"Person {i}") for i in range(20000))
    chart.replace_body(replace(icb, members=seats))
    data, result = build_pdf(chart, layout, theme, ONE_PAGE)
    text = squash(read_pdf(data).text)
    assert squash("Person 199") in text and squash("Person 200)") not in text
    assert squash("… and 19,800 more seats, listed in the chart file.") in text
    assert squash("has 20000 listed seats") in text and squash("19,980 more") in text
    assert result.pages < 30


def test_outline_opens_on_the_chart_tiles_with_directory_sections_closed(theme: Theme) -> None:
    chart, layout = big_chart(200)
    data, result = build_pdf(chart, layout, theme)
    root: Any = read_pdf(data).reader.trailer["/Root"]
    outlines = root["/Outlines"]
    item = outlines["/First"].get_object()
    assert item["/Title"] == "Chart" and item["/Count"] == result.columns * result.rows
    while item["/Title"] != DIRECTORY_HEADING:
        item = item["/Next"].get_object()
    section = item["/First"].get_object()
    (only,) = directory_sections(chart)
    assert section["/Title"] == only.heading
    assert section["/Count"] == -len(only.bodies)  # closed, with every body inside
