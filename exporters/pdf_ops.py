"""PDF drawing operators written as text, for the pages that draw thousands of things.

reportlab's canvas formats every number through a pure-Python `fp_str` and builds a path
object per shape; a 2,500-body chart or a 400-page directory spent seconds there. `Ops`
collects the same operators (colours, line widths, dashes, paths, rounded rectangles and real
text in the embedded font) as strings with plain two-decimal numbers, and hands them to the
canvas in one `q ... Q` block (`flush`), so nothing set here leaks into what the canvas draws
next. Text is still real, searchable PDF text: `TextEncoder` encodes each word for the
TrueType font's subsets once per document (the canvas's own bookkeeping, so the font is
subset and embedded as usual). Fonts other than TrueType (the Helvetica fallback when the
bundled font is missing) are drawn through reportlab's canvas instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_linebreak import CharWidths

# reportlab's factor for a quarter circle as a Bézier curve (as in its roundRect).
_ROUND = 0.4472


def num(value: float) -> str:
    """A number for a PDF operator: two decimals, trailing zeros dropped."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


class _FontCodes:
    """One TrueType font's character codes in this document, learnt as characters first appear.

    reportlab gives each new character the next code in a 256-character subset of the font
    (`splitString`); once given, a code never changes. So each character is asked for once,
    in the order it is first drawn (keeping the output repeatable), and after that a whole
    string is encoded and escaped by one `str.translate`.
    """

    def __init__(self, font: str, doc: object) -> None:
        self.face = getFont(font)
        self.doc = doc
        self.table: dict[int, str] = {}  # character -> its escaped code
        self.subset: dict[str, str] = {}  # character -> its subset's font name
        self.known: set[str] = set()
        self.first: str | None = None  # the first subset's name
        self.others: set[str] = set()  # characters in any later subset

    def _learn(self, text: str) -> None:
        for char in text:
            if char in self.known:
                continue
            parts = self.face.splitString(char, self.doc)
            subset, data = parts[0]
            name = self.face.getSubsetInternalName(subset, self.doc)
            self.table[ord(char)] = escapePDF(data)
            self.subset[char] = name
            self.known.add(char)
            if self.first is None:
                self.first = name
            elif name != self.first:
                self.others.add(char)

    def encode(self, text: str) -> list[tuple[str, str]]:
        """(subset font name, escaped codes) runs that draw `text`."""
        chars = set(text)
        if not chars <= self.known:
            self._learn(text)
        if self.first is not None and not (self.others and chars & self.others):
            return [(self.first, text.translate(self.table))]
        out: list[tuple[str, str]] = []
        for char in text:
            name, code = self.subset[char], self.table[ord(char)]
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + code)
            else:
                out.append((name, code))
        return out


class TextEncoder:
    """Encodes text for TrueType fonts' subsets, for one document."""

    def __init__(self, canv: Canvas) -> None:
        # The document the font subsets are counted in (reportlab's text object uses the same).
        self._doc = canv._doc
        self._fonts: dict[str, _FontCodes | None] = {}
        self._widths: dict[str, CharWidths] = {}
        # Encoded strings by (font, text): a directory draws the same names, labels and
        # phrases thousands of times, and a code never changes once given.
        self._encoded: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def _codes(self, font: str) -> _FontCodes | None:
        if font not in self._fonts:
            dynamic = bool(getattr(getFont(font), "_dynamicFont", False))
            self._fonts[font] = _FontCodes(font, self._doc) if dynamic else None
        return self._fonts[font]

    def widths(self, font: str) -> CharWidths:
        """Per-character advance widths of a font, shared by every page of the document."""
        found = self._widths.get(font)
        if found is None:
            found = self._widths[font] = CharWidths(font)
        return found

    def fast(self, font: str) -> bool:
        """Whether the font is a TrueType font this encoder can write directly."""
        return self._codes(font) is not None

    def pieces(self, font: str, text: str) -> list[tuple[str, str]]:
        """(subset font name, escaped codes) runs that draw `text` (a TrueType font)."""
        key = (font, text)
        found = self._encoded.get(key)
        if found is None:
            codes = self._codes(font)
            if codes is None:
                raise ValueError(f"{font} is not a TrueType font")
            found = self._encoded[key] = codes.encode(text)
        return found


def _rgb(colour: Color) -> str:
    return f"{num(colour.red)} {num(colour.green)} {num(colour.blue)}"


class Ops:
    """Drawing operators for one page (or one clipped part of it), flushed into a canvas."""

    def __init__(self, canv: Canvas, encoder: TextEncoder) -> None:
        self.canv = canv
        self.encoder = encoder
        self._out: list[str] = []
        self._colours: dict[str | int, str] = {}
        self._fast: dict[str, bool] = {}  # font -> encoder.fast(font)
        self._keep: list[str | Color] = []
        self._fill_value: str | Color = "#000000"
        self._reset()

    def _reset(self) -> None:
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: float | None = None
        self._dash: tuple[float, ...] = ()
        self._font: tuple[str, float] | None = None

    def _hex(self, value: str | Color) -> str:
        # Colours are few and long-lived (theme and style values): keyed by string or identity.
        key = value if isinstance(value, str) else id(value)
        found = self._colours.get(key)
        if found is None:
            found = _rgb(value if isinstance(value, Color) else HexColor(value))
            self._colours[key] = found
            self._keep.append(value)  # an id stays unique while its object is alive
        return found

    # ----- state ------------------------------------------------------------------------------
    def fill(self, value: str | Color) -> None:
        """Fill (and text) colour: a '#RRGGBB' string or a reportlab colour."""
        rgb = self._hex(value)
        self._fill_value = value
        if rgb != self._fill:
            self._out.append(f"{rgb} rg")
            self._fill = rgb

    def stroke(self, value: str | Color) -> None:
        rgb = self._hex(value)
        if rgb != self._stroke:
            self._out.append(f"{rgb} RG")
            self._stroke = rgb

    def line_width(self, width: float) -> None:
        if width != self._width:
            self._out.append(f"{num(width)} w")
            self._width = width

    def dash(self, pattern: Sequence[float]) -> None:
        """A dash pattern (empty for a solid line); zero or negative patterns draw solid."""
        pattern = tuple(pattern) if pattern and sum(pattern) > 0 and min(pattern) >= 0 else ()
        if pattern != self._dash:
            self._out.append(f"[{' '.join(num(d) for d in pattern)}] 0 d")
            self._dash = pattern

    # ----- shapes -----------------------------------------------------------------------------
    def raw(self, op: str) -> None:
        """A path operator already written out (see `path_point` and friends)."""
        self._out.append(op)

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool, fill: bool) -> None:
        self._out.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {_paint(stroke, fill)}")

    def round_rect(
        self, x: float, y: float, w: float, h: float, r: float, stroke: bool, fill: bool
    ) -> None:
        """A rectangle with quarter-circle corners (x, y = bottom-left), as reportlab's."""
        x0, x1 = min(x, x + w), max(x, x + w)
        y0, y1 = min(y, y + h), max(y, y + h)
        t = _ROUND * r
        self._out.append(
            f"{x0 + r:.2f} {y0:.2f} m {x1 - r:.2f} {y0:.2f} l "
            f"{x1 - t:.2f} {y0:.2f} {x1:.2f} {y0 + t:.2f} {x1:.2f} {y0 + r:.2f} c "
            f"{x1:.2f} {y1 - r:.2f} l "
            f"{x1:.2f} {y1 - t:.2f} {x1 - t:.2f} {y1:.2f} {x1 - r:.2f} {y1:.2f} c "
            f"{x0 + r:.2f} {y1:.2f} l "
            f"{x0 + t:.2f} {y1:.2f} {x0:.2f} {y1 - t:.2f} {x0:.2f} {y1 - r:.2f} c "
            f"{x0:.2f} {y0 + r:.2f} l "
            f"{x0:.2f} {y0 + t:.2f} {x0 + t:.2f} {y0:.2f} {x0 + r:.2f} {y0:.2f} c h "
            + _paint(stroke, fill)
        )

    # ----- text -------------------------------------------------------------------------------
    def text(
        self,
        font: str,
        size: float,
        x: float,
        y: float,
        text: str,
        centred: bool = False,
        right: bool = False,
    ) -> None:
        """Real text in the fill colour at baseline (x, y); centred on x, or ending at x."""
        if not text:
            return
        if centred:
            x -= self._text_width(font, size, text) / 2
        elif right:
            x -= self._text_width(font, size, text)
        if not self.encoder.fast(font):
            self._slow_text(font, size, x, y, text)
            return
        ops = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
        for name, data in self.encoder.pieces(font, text):
            if self._font != (name, size):
                ops.append(f"{name} {size:.2f} Tf")
                self._font = (name, size)
            ops.append(f"({data}) Tj")
        ops.append("ET")
        self._out.append(" ".join(ops))

    def texts(self, items: Iterable[tuple[float, float, str, float, Color, str]]) -> None:
        """Many strings (x, baseline y, font, size, colour, text) in one text object."""
        ops = ["BT"]
        # Looked up once: this loop runs for every line of a 400-page directory.
        encoder, fast, colours = self.encoder, self._fast, self._colours
        for x, y, font, size, colour, text in items:
            if not text:
                continue
            if not fast.get(font) and not fast.setdefault(font, encoder.fast(font)):
                ops.append("ET")
                self._out.append("\n".join(ops))
                ops = ["BT"]
                self.fill(colour)
                self.text(font, size, x, y, text)
                continue
            rgb = colours.get(id(colour)) or self._hex(colour)
            if rgb != self._fill:
                ops.append(f"{rgb} rg")
                self._fill, self._fill_value = rgb, colour
            ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
            for name, data in encoder.pieces(font, text):
                if self._font != (name, size):
                    ops.append(f"{name} {size:.2f} Tf")
                    self._font = (name, size)
                ops.append(f"({data}) Tj")
        ops.append("ET")
        self._out.append("\n".join(ops))

    def _text_width(self, font: str, size: float, text: str) -> float:
        """The text's width, from per-character advances cached for the whole document."""
        widths = self.encoder.widths(font)
        return sum(map(widths.__getitem__, text)) * size / 1000.0

    def _slow_text(self, font: str, size: float, x: float, y: float, text: str) -> None:
        """Text in a font the encoder cannot write: through the canvas, in drawing order."""
        fill = self._fill_value
        state = (self._stroke, self._width, self._dash)
        self.flush()
        canv = self.canv
        canv.saveState()
        canv.setFillColor(HexColor(fill) if isinstance(fill, str) else fill)
        canv.setFont(font, size)
        canv.drawString(x, y, text)
        canv.restoreState()
        # Everything set before carries on for what follows (the flush forgot it).
        self.fill(fill)
        stroke, width, dash = state
        if stroke is not None:
            self._out.append(f"{stroke} RG")
            self._stroke = stroke
        if width is not None:
            self.line_width(width)
        self.dash(dash)

    def take(self) -> str:
        """What was collected as one `q ... Q` block ('' if nothing), and start afresh; for
        operators drawn the same on many pages. Text in a font that is not `fast` is drawn
        through the canvas at once, so is not in the block."""
        block = "q\n" + "\n".join(self._out) + "\nQ" if self._out else ""
        self._out = []
        self._reset()
        return block

    def flush(self) -> None:
        """Write what was collected into the canvas's current page and start afresh."""
        block = self.take()
        if block:
            self.canv.addLiteral(block)


def _paint(stroke: bool, fill: bool) -> str:
    """The path-painting operator: fill and stroke, fill, stroke, or neither."""
    if stroke and fill:
        return "B"
    if fill:
        return "f"
    return "S" if stroke else "n"
