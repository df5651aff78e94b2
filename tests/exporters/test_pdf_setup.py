"""reportlab's global settings made by `pdf_setup.harden_reportlab`: locked down, and its speed
settings change nothing a reader sees."""

from __future__ import annotations

import zlib
from collections.abc import Callable

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from exporters import pdf_setup


def _outcome(encode: Callable[[object], object], value: object) -> object:
    """What an encoder gives: its bytes, or the kind of error it raises."""
    try:
        return encode(value)
    except UnicodeEncodeError as exc:
        return type(exc)


def test_object_text_is_encoded_exactly_as_reportlab_would() -> None:
    pdf_setup.harden_reportlab()
    original = pdf_setup._PDFDOC_ENCODE
    assert pdfdoc.pdfdocEnc is not original
    samples: list[object] = ["12 0 obj\n", "3 0 R", "/XYZ 36.00 540.00 0", "", b"bytes \x00"]
    samples += [f"a{chr(code)}b" for code in range(0x300)]
    for sample in samples:
        assert _outcome(pdfdoc.pdfdocEnc, sample) == _outcome(original, sample), repr(sample)
    # Among them ASCII controls PDFDocEncoding has no code for: refused, not passed through.
    assert _outcome(pdfdoc.pdfdocEnc, "\x18") is UnicodeEncodeError


def test_streams_are_still_flate_and_nothing_is_fetched() -> None:
    pdf_setup.harden_reportlab()
    flate = pdfdoc.PDFZCompress
    assert flate.pdfname == "FlateDecode"
    data = b"BT /F1 9 Tf (Hello) Tj ET\n" * 100
    assert zlib.decompress(flate.encode(data)) == data
    assert flate.decode(flate.encode("text")) == b"text"
    assert rl_config.trustedHosts == [] and rl_config.trustedSchemes == []
