"""Every hostile chart that loads exports to a safe SVG and PDF that show its text literally.

Four ways in, because users and the checkers use all of them:
- the command line's own function (`exporters.cli.run_export`) for every corpus case that
  loads, in a child process (`export_child.py`) with every network call booby-trapped, 500 MB
  of address space and a time-out, so a runaway export fails one test, not the whole run;
- the presenter's tour handout (another PDF the file's text reaches), in the same child;
- the real `icsviewer export` command in a memory-limited child, for the nastiest cases;
- hostile text injected through the model into the flagship chart, exported with the
  exporters' functions (how issue 7 says it will be checked).

"Safe" is defined in `safety.py`: strict XML parse, no script/foreignObject/event attributes,
links only https/mailto; a PDF with no active content and no non-https links. "Literally"
means the hostile text itself (`<script>`, `&amp;`, `<font color=...>`) appears in the SVG's
text and in the PDF's extracted text, white space ignored (boxes wrap long names).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.corpus import Case, load_cases
from tests.hostile.runner import run_icsviewer, run_module
from tests.hostile.safety import (
    NETWORK_ATTEMPT,
    pdf_text_and_links,
    pdf_violations,
    squash,
    svg_text,
    svg_violations,
)

ROOT = Path(__file__).resolve().parents[2]
# Exports take 1-3 s here; this only tells a hang (or a runaway page count) from slowness.
EXPORT_TIMEOUT = 60.0
LOADING_CASES = [c for c in load_cases() if c.loads]


def _have(module: str, attr: str | None = None) -> bool:
    if importlib.util.find_spec(module.split(".")[0]) is None:
        return False
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return False
    return attr is None or hasattr(mod, attr)


def _reader_ready() -> bool:
    return _have("icsviewer.io", "load_chart") or _have("icsviewer.io.reader", "load_chart")


needs_export_cli = pytest.mark.skipif(
    not (_have("exporters.cli", "run_export") and _reader_ready()),
    reason="exporters.cli.run_export or the reader's load_chart is not written yet",
)

# Text each case must show literally (white space removed before comparing).
LITERAL: dict[str, list[str]] = {
    "valid_control": ["NHS England", "NHS Test Integrated Care Board"],
    "markup_in_labels": [
        "<script>alert('name')</script>", "</text><script>alert(1)</script><text>",
        "]]><script>alert(2)</script><![CDATA[", '"quoted"', "'single'", "&amp;",
        "&lt;b&gt;", "&#x41;", "S&P", "0.1 < A < 0.9",
    ],
    "reportlab_cve_2023_33733": ['<font color="[[[getattr(pow, Word(', "exploit</font>"],
    "reportlab_img_fetch": ['<img src="http://127.0.0.1:9/x.png"'],
    "long_name_100k": ["Very long name Very long name"],
    "control_chars_in_names": ["NHS", "England"],
    "bidi_overrides": ["England"],
    "emoji_and_combining": ["NHS England"],
}


def _missing_literals(case_name: str, shown: str) -> list[str]:
    flat = squash(shown)
    return [t for t in LITERAL.get(case_name, []) if squash(t) not in flat]


def _export_in_child(path: Path, out: Path) -> None:
    """Export in a limited child with the network booby-trapped; fail on any sign of trouble."""
    run = run_module("tests.hostile.export_child", "file", str(path), str(out),
                     timeout=EXPORT_TIMEOUT)
    assert run.returncode == 0, f"export of {path.name} to {out.suffix} failed\n{run.describe()}"
    assert "Traceback" not in run.output, run.describe()
    assert NETWORK_ATTEMPT not in run.output, f"export used the network\n{run.describe()}"


@needs_export_cli
@pytest.mark.parametrize("case", LOADING_CASES, ids=[c.name for c in LOADING_CASES])
def test_svg_export_is_safe(case: Case, tmp_path: Path) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    out = tmp_path / "out.svg"
    _export_in_child(path, out)
    data = out.read_bytes()
    assert svg_violations(data) == [], case.expect["about"]
    assert b"<script" not in data.lower()
    assert _missing_literals(case.name, svg_text(data)) == [], "hostile text not shown literally"
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"


@needs_export_cli
@pytest.mark.parametrize("case", LOADING_CASES, ids=[c.name for c in LOADING_CASES])
def test_pdf_export_is_safe(case: Case, tmp_path: Path) -> None:
    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    out = tmp_path / "out.pdf"
    _export_in_child(path, out)
    assert pdf_violations(out) == [], case.expect["about"]
    text, _ = pdf_text_and_links(out)
    assert _missing_literals(case.name, text) == [], "hostile text not shown literally"
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"


@pytest.mark.skipif(not (_have("exporters.tour_handout") and _reader_ready()),
                    reason="the tour handout exporter or the reader is not written yet")
@pytest.mark.parametrize("case", LOADING_CASES, ids=[c.name for c in LOADING_CASES])
def test_tour_handout_is_safe(case: Case, tmp_path: Path) -> None:
    """The presenter's handout of the default tour: another PDF the file's text reaches."""
    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    out = tmp_path / "handout.pdf"
    run = run_module("tests.hostile.export_child", "handout", str(path), str(out),
                     timeout=EXPORT_TIMEOUT)
    assert run.returncode == 0 and "Traceback" not in run.output, run.describe()
    assert NETWORK_ATTEMPT not in run.output, f"export used the network\n{run.describe()}"
    assert pdf_violations(out) == []
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"


CLI_CASES = [c for c in LOADING_CASES
             if c.name in ("markup_in_labels", "reportlab_cve_2023_33733", "links_disguised")]


@needs_export_cli
@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
@pytest.mark.parametrize("case", CLI_CASES, ids=[c.name for c in CLI_CASES])
def test_export_command_is_safe(case: Case, suffix: str, tmp_path: Path) -> None:
    """The real command, in a child limited to 500 MB, as a board secretary would run it."""
    marker = tmp_path / "ATTACK-MARKER"
    path = case.materialise(tmp_path, marker)
    out = tmp_path / ("out" + suffix)
    run = run_icsviewer("export", str(path), "-o", str(out), timeout=EXPORT_TIMEOUT)
    assert run.returncode == 0, run.describe()
    assert "Traceback" not in run.output, run.describe()
    violations = svg_violations(out.read_bytes()) if suffix == ".svg" else pdf_violations(out)
    assert violations == []
    assert not marker.exists(), "ATTACK SUCCEEDED: the marker file was created"


# ----- hostile text injected into the flagship chart through the model -------------------------
FLAGSHIP = ROOT / "data" / "cheshire_and_merseyside.yaml"
HOSTILE_NAMES = [
    "<script>alert(1)</script> Board",
    "</text><script>alert(2)</script><text> & Partners",
    "]]> \"Quoted\" & 'single' <b>not bold</b>",
    '<font color="[[[__import__(\'os\').system(\'touch MARKER\')]]]">Trust</font>',
    '<img src="http://127.0.0.1:9/x.png"/> Council',
]
HOSTILE_DESCRIPTION = (
    "Ends here </desc></g><script>alert(3)</script> <foreignObject/> <a onclick='x'> "
    "&amp; &#60; <para>\n<img src=\"http://127.0.0.1:9/y.png\"/> \x00\x07 \u202eevil"
)
HOSTILE_LINKS = [
    "javascript:alert(4)", "java\nscript:alert(5)", "JaVaScRiPt:alert(6)", "  javascript:alert(7)",
    "&#106;avascript:alert(8)", "java\tscript:alert(9)", "data:text/html,<script>x</script>",
    "file:///etc/passwd", "vbscript:msgbox(1)", "\x01javascript:alert(10)",
]
needs_flagship = pytest.mark.skipif(
    not (FLAGSHIP.exists() and _reader_ready() and _have("exporters.svg", "export_svg")),
    reason="data/cheshire_and_merseyside.yaml, the reader's load_chart or the SVG exporter "
    "is not there yet",
)


def _load_chart(path: Path) -> Any:
    """The reader's entry point, wherever the io package exports it from."""
    io = importlib.import_module("icsviewer.io")
    if hasattr(io, "load_chart"):
        return io.load_chart(path)
    return importlib.import_module("icsviewer.io.reader").load_chart(path)


def _hostile_flagship(marker: Path) -> Any:
    from icsviewer.model.chart import Link

    result = _load_chart(FLAGSHIP)
    chart = result.chart
    assert chart is not None, [str(p) for p in result.problems]
    bodies = list(chart.bodies)[: len(HOSTILE_NAMES)]
    for body, name in zip(bodies, HOSTILE_NAMES, strict=True):
        links = tuple(Link(url=u, label=f"Click {i}") for i, u in enumerate(HOSTILE_LINKS))
        chart.replace_body(replace(
            body, name=name.replace("MARKER", str(marker)),
            short_name="", description=HOSTILE_DESCRIPTION, links=links,
        ))
    return chart


def _layout(chart: Any) -> Any:
    from icsviewer.layout.client import compute_layout

    return compute_layout(chart, cache=None)


def _call_exporter(func: Any, chart: Any, layout: Any, path: Path) -> None:
    from icsviewer.style.theme import get_theme

    theme = get_theme("nhs")
    params = list(inspect.signature(func).parameters)
    if params[:4] == ["chart", "layout", "theme", "path"]:
        func(chart, layout, theme, path)
    else:  # pragma: no cover - tells the lead the exporters' API changed
        pytest.fail(f"unexpected exporter signature {func.__name__}{params}")


@needs_flagship
def test_flagship_with_injected_text_exports_safe_svg(
    tmp_path: Path, no_network: list[str]
) -> None:
    from exporters.svg import export_svg

    marker = tmp_path / "ATTACK-MARKER"
    chart = _hostile_flagship(marker)
    out = tmp_path / "flagship.svg"
    _call_exporter(export_svg, chart, _layout(chart), out)
    data = out.read_bytes()
    assert svg_violations(data) == []
    assert b"<script" not in data.lower()
    assert b"javascript:" not in data.lower()
    shown = squash(svg_text(data))
    for name in HOSTILE_NAMES[:3]:
        assert squash(name) in shown, f"{name!r} not shown literally in the SVG"
    assert not marker.exists()
    assert no_network == []


@needs_flagship
@pytest.mark.skipif(not _have("exporters.pdf", "export_pdf"),
                    reason="exporters.pdf.export_pdf is not written yet")
def test_flagship_with_injected_text_exports_safe_pdf(
    tmp_path: Path, no_network: list[str]
) -> None:
    from exporters.pdf import export_pdf

    marker = tmp_path / "ATTACK-MARKER"
    chart = _hostile_flagship(marker)
    out = tmp_path / "flagship.pdf"
    _call_exporter(export_pdf, chart, _layout(chart), out)
    assert pdf_violations(out) == []
    text, uris = pdf_text_and_links(out)
    assert all(u.startswith(("https://", "mailto:")) for u in uris), uris
    assert "javascript:" not in squash(text).lower(), "a script link is printed in the PDF"
    flat = squash(text)
    for name in HOSTILE_NAMES:
        shown = name.replace("MARKER", str(marker))
        assert squash(shown) in flat, f"{shown!r} not shown literally in the PDF"
    assert not marker.exists(), "ATTACK SUCCEEDED: reportlab ran the <font color> payload"
    assert no_network == []
