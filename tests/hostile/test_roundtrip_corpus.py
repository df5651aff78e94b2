"""A hostile chart that opens also saves, and the saved file opens to the same chart.

Never lose a chart: a name with NUL or ESC escaped in the YAML, a bidi override, 100,000
characters, markup, a `javascript:` link or a far pin must all be written back so that the next
open reads exactly what was saved. If the writer put a raw control character into the file,
the reader (rightly) would refuse it, and the user's chart would be gone.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, load_cases

LOADING_CASES = [c for c in load_cases() if c.loads]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("icsviewer.io.writer") is None
    or importlib.util.find_spec("icsviewer.io.reader") is None,
    reason="the chart reader or writer is not written yet",
)


@pytest.mark.parametrize("case", LOADING_CASES, ids=[c.name for c in LOADING_CASES])
def test_hostile_chart_saves_and_reopens_unchanged(case: Case, tmp_path: Path) -> None:
    from icsviewer.io.reader import load_chart
    from icsviewer.io.writer import save_chart

    path = case.materialise(tmp_path, tmp_path / "ATTACK-MARKER")
    first = load_chart(path)
    assert first.chart is not None, [str(p) for p in first.problems]
    saved = tmp_path / "saved.yaml"
    save_chart(first.chart, saved)

    again = load_chart(saved)
    assert again.chart is not None, [str(p) for p in again.problems]
    assert [str(p) for p in again.problems if p.is_error] == []
    assert again.chart == first.chart
    # The saved text is plain UTF-8 with no raw control characters for a reader to trip on.
    text = saved.read_bytes().decode("utf-8")
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in text)
