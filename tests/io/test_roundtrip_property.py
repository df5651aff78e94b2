"""Property: any chart survives save and load unchanged, and saving is a fixed point.

Charts come from `tests.strategies.charts()`: random Unicode (controls, emoji, right-to-left
overrides, odd line breaks) and the strings YAML 1.1 misreads, in every text field, plus
unknown keys and relationships whose ids the reader generates.
"""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from icsviewer.io.comments import _scan_scalars
from icsviewer.io.reader import parse_chart_text
from icsviewer.io.writer import dump_chart
from icsviewer.model.chart import Chart
from tests.strategies import charts, texts


@given(charts())
def test_any_chart_reads_back_equal_and_writes_back_identical(chart: Chart) -> None:
    text = dump_chart(chart)
    result = parse_chart_text(text, "generated.yaml", domain_checks=False)
    assert [str(p) for p in result.errors] == [], text
    assert result.chart == chart, text
    assert dump_chart(result.chart) == text
    # Ids the reader made up are not written, so the file stays as the person wrote it.
    for rel in chart.relationships:
        if rel.id_generated:
            assert f"id: {rel.id}\n" not in text


@given(charts(), st.lists(st.tuples(st.integers(0, 10_000), texts()), max_size=5))
def test_comments_written_anywhere_between_lines_survive_in_order(
    chart: Chart, notes: list[tuple[int, str]]
) -> None:
    plain = dump_chart(chart)
    lines = plain.splitlines(keepends=True)
    inside, _ = _scan_scalars(yaml.compose(plain, Loader=yaml.SafeLoader), plain.splitlines())
    allowed = [n for n in range(len(lines)) if n not in inside]
    wanted: dict[int, list[str]] = {}
    for position, note in notes:
        line = allowed[position % len(allowed)]
        text = " ".join(f"# note {note}".split())  # one line of printable text
        if "\\" in text or any(not c.isprintable() for c in text):
            continue
        wanted.setdefault(line, []).append(text)
    commented = "".join(
        "".join(" " * (len(line) - len(line.lstrip(" "))) + c + "\n" for c in wanted.get(n, ()))
        + line
        for n, line in enumerate(lines)
    )
    result = parse_chart_text(commented, "commented.yaml", domain_checks=False)
    assert result.chart == chart, commented
    out = dump_chart(result.chart, result.comments)
    expected = [c for n in sorted(wanted) for c in wanted[n]]
    assert [ln.strip() for ln in out.splitlines() if ln.lstrip().startswith("# note")] == expected
    again = parse_chart_text(out, "again.yaml", domain_checks=False)
    assert again.chart == chart
    assert dump_chart(again.chart, again.comments) == out
