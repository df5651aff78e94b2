"""A tour as a PDF handout: one A4 landscape page per step, as the room saw it, with notes.

Each page shows the part of the chart the step frames, drawn by the board-pack PDF's own chart
painter (so colours, fonts and lines match the PDF and the window), with the step's bodies at
full strength and the rest faded, as on screen; then the caption, the bodies named, and the
speaker notes. Build-mode steps show only the bodies revealed so far.

The presenter decides what each step focuses and reveals (icsviewer.present.tour_player) and
passes it in as `HandoutStep`s: this module only draws. No Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph

from exporters.atomic import write_bytes_atomic
from exporters.pdf_chart import ChartPainter
from exporters.pdf_plan import PagePlan, Rect, Tile
from exporters.pdf_setup import DARK_BLUE, MUTED, RULE, TEXT, fit_text, font_names, harden_reportlab
from exporters.safe_text import one_line, para_text
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme

PAGE = landscape(A4)
MARGIN = 36.0
HEADER_H = 30.0
FOOTER_H = 18.0
# Share of the page's usable height the chart takes, whatever the length of the notes.
MIN_CHART_SHARE = 0.45
MAX_CHART_SHARE = 0.8
TEXT_GAP = 14.0
# Air around the framed bodies, in chart points, so their lines can be seen leaving them.
FRAME_PAD = 60.0
# Largest enlargement: one small body should not fill the page with 40 pt text.
MAX_SCALE = 1.5


@dataclass(frozen=True)
class HandoutStep:
    """One step as the presenter shows it."""

    caption: str
    notes: str
    focus: frozenset[str]  # emphasised and framed; empty frames everything shown
    revealed: frozenset[str] | None  # build mode: drawn at all; None draws every body


def _only(layout: Layout, bodies: frozenset[str], edges_touching: bool) -> Layout:
    """A layout cut down to some bodies: with their frames and the lines between them, or
    (edges_touching) with every line touching one of them and no frames."""
    boxes = {k: b for k, b in layout.boxes.items() if k in bodies}
    if edges_touching:
        edges = {k: e for k, e in layout.edges.items() if e.source in bodies or e.target in bodies}
        frames: dict[str, object] = {}
    else:
        edges = {k: e for k, e in layout.edges.items() if e.source in bodies and e.target in bodies}
        frames = dict(layout.frames)
    return replace(layout, boxes=boxes, edges=edges, frames=frames)  # type: ignore[arg-type]


def _region(layout: Layout, ids: frozenset[str]) -> tuple[float, float, float, float]:
    """Bounding box (x, y, w, h; chart coords) of these bodies' boxes, or the whole chart."""
    boxes = [layout.boxes[i] for i in ids if i in layout.boxes]
    if not boxes:
        return (0.0, 0.0, max(layout.width, 1.0), max(layout.height, 1.0))
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x + b.width for b in boxes)
    y1 = max(b.y + b.height for b in boxes)
    return (x0, y0, x1 - x0, y1 - y0)


def frame_step(layout: Layout, step: HandoutStep, area: Rect) -> tuple[float, Tile]:
    """The scale and the chart origin that frame a step's bodies in `area` (centred)."""
    shown = step.focus or step.revealed or frozenset(layout.boxes)
    x, y, w, h = _region(layout, frozenset(shown))
    cx, cy = x + w / 2, y + h / 2
    scale = min(area.width / (w + 2 * FRAME_PAD), area.height / (h + 2 * FRAME_PAD), MAX_SCALE)
    tile = Tile(0, 0, cx - area.width / (2 * scale), cy - area.height / (2 * scale))
    return scale, tile


class _HandoutWriter:
    """Draws the pages of one handout onto a reportlab canvas."""

    def __init__(self, chart: Chart, layout: Layout, theme: Theme, tour_name: str) -> None:
        self.chart, self.layout, self.theme = chart, layout, theme
        self.tour_name = one_line(tour_name) or "Tour"
        self.fonts = font_names()
        self.chart_area = Rect(0, 0, 0, 0)  # set for each page by `page`
        regular, bold = self.fonts
        self.caption_style = ParagraphStyle(
            "caption", fontName=bold, fontSize=16, leading=20, textColor=DARK_BLUE, spaceAfter=4
        )
        self.bodies_style = ParagraphStyle(
            "bodies", fontName=regular, fontSize=9, leading=12, textColor=MUTED, spaceAfter=8
        )
        self.notes_style = ParagraphStyle(
            "notes", fontName=regular, fontSize=11.5, leading=15, textColor=TEXT
        )

    def page(self, canv: Canvas, step: HandoutStep, number: int, count: int) -> None:
        story = self._story(step)
        self.chart_area = self._chart_area(story)
        self._header(canv, number, count)
        self._chart(canv, step)
        self._text(canv, story)
        self._footer(canv, number, count)
        canv.showPage()

    def _header(self, canv: Canvas, number: int, count: int) -> None:
        width, height = PAGE
        regular, bold = self.fonts
        baseline = height - MARGIN - 16
        right = f"Step {number} of {count}"
        canv.setFont(regular, 12)
        canv.setFillColor(MUTED)
        canv.drawRightString(width - MARGIN, baseline, right)
        canv.setFont(bold, 16)
        canv.setFillColor(DARK_BLUE)
        room = width - 2 * MARGIN - canv.stringWidth(right, regular, 12) - 24
        canv.drawString(MARGIN, baseline, fit_text(self.tour_name, bold, 16, room))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.75)
        canv.line(MARGIN, baseline - 8, width - MARGIN, baseline - 8)

    def _chart(self, canv: Canvas, step: HandoutStep) -> None:
        area = self.chart_area
        scale, tile = frame_step(self.layout, step, area)
        base = self.layout if step.revealed is None else _only(self.layout, step.revealed, False)
        self._painter(base, scale, tile).draw(canv, tile)
        if step.focus:
            # Fade everything, then draw the focused bodies and their lines again on top: the
            # look of the window's dimming, on paper, without transparency groups.
            canv.saveState()
            canv.setFillColorRGB(1, 1, 1, alpha=1.0 - self.theme.dim_opacity)
            canv.rect(area.x, area.y, area.width, area.height, stroke=0, fill=1)
            canv.restoreState()
            on_top = _only(base, step.focus, True)
            self._painter(on_top, scale, tile).draw(canv, tile)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.75)
        canv.rect(area.x, area.y, area.width, area.height, stroke=1, fill=0)

    def _painter(self, layout: Layout, scale: float, tile: Tile) -> ChartPainter:
        width, height = PAGE
        plan = PagePlan(
            page_width=width,
            page_height=height,
            orientation="landscape",
            chart_area=self.chart_area,
            legend_area=Rect(0, 0, 0, 0),
            scale=scale,
            tiles=(tile,),
            columns=1,
            rows=1,
            smallest_text=scale * 10,
        )
        return ChartPainter(self.chart, layout, self.theme, self.fonts, plan, None)

    def _story(self, step: HandoutStep) -> list[Paragraph]:
        names = [
            one_line(self.chart.body(b).name) for b in self.chart.body_ids() if b in step.focus
        ]
        story = [Paragraph(para_text(one_line(step.caption) or "(no caption)"), self.caption_style)]
        if names:
            story.append(Paragraph(para_text("Shown: " + "; ".join(names)), self.bodies_style))
        if step.notes.strip():
            story.append(Paragraph(para_text(step.notes.strip()), self.notes_style))
        return story

    def _chart_area(self, story: list[Paragraph]) -> Rect:
        """The chart gets the page the text does not need, within sensible bounds: short notes
        leave a large chart, long notes still leave a useful one."""
        width, height = PAGE
        usable = height - 2 * MARGIN - HEADER_H - FOOTER_H
        text_h = sum(p.wrap(width - 2 * MARGIN, height)[1] + p.style.spaceAfter for p in story)
        chart_h = min(
            max(usable - text_h - TEXT_GAP, usable * MIN_CHART_SHARE), usable * MAX_CHART_SHARE
        )
        return Rect(MARGIN, height - MARGIN - HEADER_H - chart_h, width - 2 * MARGIN, chart_h)

    def _text(self, canv: Canvas, story: list[Paragraph]) -> None:
        top = self.chart_area.y - 10
        bottom = MARGIN + FOOTER_H
        frame = Frame(MARGIN, bottom, PAGE[0] - 2 * MARGIN, top - bottom, 0, 0, 0, 0)
        # Long notes shrink to fit the page rather than spilling onto the next step's page.
        frame.addFromList(
            [KeepInFrame(PAGE[0] - 2 * MARGIN, top - bottom, story, mode="shrink")], canv
        )

    def _footer(self, canv: Canvas, number: int, count: int) -> None:
        meta = self.chart.meta
        parts = [one_line(meta.title)]
        if meta.as_at is not None:
            parts.append(f"as at {meta.as_at.day} {meta.as_at:%B %Y}")
        if one_line(meta.marking):
            parts.append(one_line(meta.marking))
        regular, _bold = self.fonts
        canv.setFont(regular, 8)
        canv.setFillColor(MUTED)
        canv.drawString(
            MARGIN, MARGIN - 4, fit_text(" · ".join(p for p in parts if p), regular, 8, 600)
        )
        canv.drawRightString(PAGE[0] - MARGIN, MARGIN - 4, f"Page {number} of {count}")


def build_tour_handout(
    chart: Chart, layout: Layout, theme: Theme, tour_name: str, steps: Sequence[HandoutStep]
) -> bytes:
    """The handout PDF as bytes: one page per step (a single explanatory page if none)."""
    harden_reportlab()
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=PAGE, pageCompression=1)
    name = one_line(tour_name) or "Tour"
    canv.setTitle(f"{name} – handout")
    canv.setAuthor(", ".join(one_line(a) for a in chart.meta.authors))
    canv.setSubject(one_line(chart.meta.title))
    writer = _HandoutWriter(chart, layout, theme, name)
    shown = list(steps) or [HandoutStep("This tour has no steps yet.", "", frozenset(), None)]
    for number, step in enumerate(shown, start=1):
        writer.page(canv, step, number, len(shown))
    canv.save()
    return buffer.getvalue()


def write_tour_handout(
    path: Path,
    chart: Chart,
    layout: Layout,
    theme: Theme,
    tour_name: str,
    steps: Sequence[HandoutStep],
) -> Path:
    """Write the handout to `path` atomically (OSError if the folder cannot be written)."""
    return write_bytes_atomic(
        Path(path), build_tour_handout(chart, layout, theme, tour_name, steps)
    )
