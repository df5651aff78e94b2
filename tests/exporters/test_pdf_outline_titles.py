"""Outline titles are written exactly as reportlab's own PDF strings, hostile ones included."""

from __future__ import annotations

import io
import string

from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_outline import pdf_title


def test_titles_are_the_bytes_reportlab_writes() -> None:
    document = Canvas(io.BytesIO())._doc
    titles = [
        "NHS Cheshire and Merseyside",
        string.printable.strip(),
        "(unbalanced",
        "back\\slash) and (brackets)",
        "",
        "Café – Ōkami",
        "tab\there\nnewline",
        "emoji 🙂",
        "\x00nul",
    ]
    titles += [chr(code) for code in range(0x20, 0x7F)]
    for title in titles:
        assert pdf_title(title, document) == PDFString(title).format(document), repr(title)
