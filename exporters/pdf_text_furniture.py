"""The text pages' furniture, written once and repeated: running header, footer, marking.

Every text page of a pack carries the same header (title left, organisation right, a rule),
footer (facts and a rule) and protective marking; only "Page X of Y" changes. A national
directory has hundreds of text pages, and drawing the same strings through reportlab's canvas
on each (fitting, measuring, encoding and formatting every number again) was a tenth of the
export. `TextPageFurniture` writes those operators once with `pdf_ops.Ops` and adds the same
block to each page; the page number follows the page's text, as before. The drawing is the one
`pdf_furniture` makes: same fonts, sizes, colours, positions and real (searchable) text. When
the fonts are not TrueType (the Helvetica fallback) it simply calls `pdf_furniture`.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_furniture import (
    FOOTER_SIZE,
    MARKING_SIZE,
    Furniture,
    draw_footer,
    draw_marking,
    draw_page_number,
    draw_text_header,
)
from exporters.pdf_ops import Ops, TextEncoder
from exporters.pdf_plan import MARGIN
from exporters.pdf_setup import MUTED, RULE, TEXT, fit_text


class TextPageFurniture:
    """Header, footer, marking and page number of the text pages of one document."""

    def __init__(
        self, canv: Canvas, f: Furniture, page: tuple[float, float], encoder: TextEncoder
    ) -> None:
        self.f = f
        self.page = page
        self.encoder = encoder
        self._fast = all(encoder.fast(font) for font in f.fonts)
        self._block = self._same_on_every_page(canv) if self._fast else ""

    def _same_on_every_page(self, canv: Canvas) -> str:
        """The operators of `draw_text_header`, `draw_footer` and `draw_marking`, as a block."""
        f = self.f
        regular, bold = f.fonts
        width, height = self.page
        ops = Ops(canv, self.encoder)
        top = height - MARGIN
        # The running header (draw_text_header).
        ops.fill(f.accent)
        ops.text(bold, 9, MARGIN, top - 10, fit_text(f.title, bold, 9, (width - 2 * MARGIN) * 0.6))
        if f.organisation:
            ops.fill(MUTED)
            organisation = fit_text(f.organisation, regular, 9, (width - 2 * MARGIN) * 0.35)
            ops.text(regular, 9, width - MARGIN, top - 10, organisation, right=True)
        ops.stroke(RULE)
        ops.line_width(0.5)
        ops.raw(f"{MARGIN:.2f} {top - 16:.2f} m {width - MARGIN:.2f} {top - 16:.2f} l S")
        # The footer (draw_footer).
        y = MARGIN + 8
        ops.raw(f"{MARGIN:.2f} {y + 12:.2f} m {width - MARGIN:.2f} {y + 12:.2f} l S")
        if f.footer:
            ops.fill(MUTED)
            footer = fit_text(f.footer, regular, FOOTER_SIZE, width * 0.7)
            ops.text(regular, FOOTER_SIZE, MARGIN, y, footer)
        # The protective marking, top and bottom (draw_marking).
        if f.marking:
            ops.fill(TEXT)
            marking = fit_text(f.marking, bold, MARKING_SIZE, width - 2 * MARGIN)
            top_y = height - MARGIN / 2 - MARKING_SIZE / 2
            ops.text(bold, MARKING_SIZE, width / 2, top_y, marking, centred=True)
            bottom_y = MARGIN / 2 - MARKING_SIZE / 3
            ops.text(bold, MARKING_SIZE, width / 2, bottom_y, marking, centred=True)
        return ops.take()

    def draw(self, canv: Canvas) -> None:
        """This page's header, footer and marking (before its text, as `pdf_furniture`)."""
        width, height = self.page
        if not self._fast:
            draw_text_header(canv, self.f, width, height)
            draw_footer(canv, self.f, width)
            draw_marking(canv, self.f, width, height)
        elif self._block:
            canv.addLiteral(self._block)

    def draw_number(self, canv: Canvas, number: int, total: int) -> None:
        """The page's "Page `number` of `total`", after its text (so it is read last)."""
        width = self.page[0]
        if not self._fast:
            draw_page_number(canv, self.f, width, number, total)
            return
        ops = Ops(canv, self.encoder)
        ops.fill(MUTED)
        label = f"Page {number} of {total}"
        ops.text(self.f.fonts[0], FOOTER_SIZE, width - MARGIN, MARGIN + 8, label, right=True)
        ops.flush()
