"""reportlab stays locked down even if raw markup ever reached a Paragraph.

The exporters escape every piece of user text before reportlab sees it (first lock; checked
by `test_exports_safe.py`). This file checks the second lock on its own: after
`exporters.pdf_setup.harden_reportlab()`, a Paragraph built from *unescaped* hostile markup
fetches nothing (CVE-2020-28463, `<img src="http://...">`) and evaluates nothing
(CVE-2023-33733, `<font color="[[[...]]]">`). Either it renders or it raises; it never acts.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("exporters.pdf_setup") is None,
    reason="exporters.pdf_setup (harden_reportlab) is not written yet",
)


def _build(markup: str, path: Path) -> Exception | None:
    """Render `markup` as a raw Paragraph into `path`; the exception, if reportlab raised one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from exporters.pdf_setup import harden_reportlab

    harden_reportlab()
    try:
        doc = SimpleDocTemplate(str(path), pagesize=A4)
        doc.build([Paragraph(markup, getSampleStyleSheet()["Normal"])])
    except Exception as exc:  # refusing the markup is a fine outcome
        return exc
    return None


def test_img_src_is_never_fetched(tmp_path: Path, no_network: list[str]) -> None:
    _build('Logo <img src="http://127.0.0.1:9/x.png" width="10" height="10"/> here',
           tmp_path / "img.pdf")
    _build('<img src="https://example.org/x.png"/>', tmp_path / "img2.pdf")
    assert no_network == []


def test_file_and_data_images_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    from reportlab import rl_config

    from exporters.pdf_setup import harden_reportlab

    harden_reportlab()
    assert rl_config.trustedHosts == [] and rl_config.trustedSchemes == []
    from reportlab.lib.utils import open_for_read

    for url in (f"file://{secret}", "data:image/png;base64,iVBORw0KGgo=", "http://127.0.0.1:9/"):
        with pytest.raises(OSError):
            open_for_read(url)


def test_font_colour_expression_is_never_evaluated(tmp_path: Path) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    payload = (
        "<para><font color=\"[[[getattr(pow, Word('__globals__'))['os'].system('touch "
        f"{marker}') for Word in [orgTypeFun('Word', (str,), {{ 'mutated': 1, "
        "'startswith': lambda self, x: False, '__eq__': lambda self,x: self.mutate() and "
        "self.mutated < 0 and str(self) == x, 'mutate': lambda self: {setattr(self, "
        "'mutated', self.mutated - 1)}, '__hash__': lambda self: hash(str(self)) })] ] "
        "for orgTypeFun in [type(type(1))] ] and 'red'\">exploit</font></para>"
    )
    _build(payload, tmp_path / "cve.pdf")
    _build(f"<font color=\"[[[__import__('os').system('touch {marker}')]]]\">x</font>",
           tmp_path / "cve2.pdf")
    assert not marker.exists(), "ATTACK SUCCEEDED: reportlab evaluated a colour expression"
