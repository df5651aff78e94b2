"""Property: any chart survives save and load unchanged, and saving is a fixed point.

Charts come from `tests.strategies.charts()`: random Unicode (controls, emoji, right-to-left
overrides, odd line breaks) and the strings YAML 1.1 misreads, in every text field, plus
unknown keys and relationships whose ids the reader generates.
"""

from __future__ import annotations

from hypothesis import given

from icsviewer.io.reader import parse_chart_text
from icsviewer.io.writer import dump_chart
from icsviewer.model.chart import Chart
from tests.strategies import charts


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
