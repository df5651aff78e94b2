"""Reading a file as head and tail gives exactly what reading it whole gives, or is declined.

The parts are read here in one process, one after the other (the prefetch reads them in two);
`split_above=0` makes small charts eligible.
"""

from __future__ import annotations

import pytest

from icsviewer.io import split_read
from icsviewer.io.reader import LoadResult, parse_chart_text
from icsviewer.io.writer import dump_chart
from icsviewer.model.generator import generate_chart

LABEL = "charts/national.yaml"


def _read_in_parts(text: str) -> LoadResult | None:
    cut = split_read.plan_cut(text, LABEL, split_above=0)
    if cut is None:
        return None
    head_part = split_read.compose_head(text, cut)
    tail_part = split_read.compose_tail(text, cut)
    if head_part is None or tail_part is None:
        return None
    if not split_read.fits_together(head_part.nodes, tail_part.nodes):
        return None
    head = split_read.read_head(head_part, LABEL)
    if head is None:
        return None
    return split_read.assemble(head, split_read.read_tail(tail_part, LABEL), LABEL)


def _same(parts: LoadResult, whole: LoadResult) -> None:
    assert parts.chart is not None and whole.chart is not None
    assert parts.chart == whole.chart
    assert parts.chart.bodies == whole.chart.bodies
    assert parts.chart.relationships == whole.chart.relationships
    assert parts.chart.groups == whole.chart.groups
    assert parts.chart.tours == whole.chart.tours
    assert parts.chart.meta == whole.chart.meta
    assert parts.chart.key_order == whole.chart.key_order
    assert parts.chart.extra == whole.chart.extra
    assert parts.problems == whole.problems
    assert parts.comments == whole.comments == {}


@pytest.mark.parametrize("size", [40, 300])
def test_a_generated_chart_read_in_parts_is_the_chart_read_whole(size: int) -> None:
    text = dump_chart(generate_chart(size, seed=5))
    parts = _read_in_parts(text)
    assert parts is not None
    _same(parts, parse_chart_text(text, LABEL))


def _with_problems() -> str:
    """A chart whose records have problems in both parts, some found only across them."""
    text = dump_chart(generate_chart(120, seed=2))
    bodies, rest = text.split("\nrelationships:\n", 1)
    first_id = bodies.split("  - id: ", 2)[1].split("\n", 1)[0]
    bodies = bodies.replace("    kind: icb\n", "    kind: icbb\n", 1)  # an unknown kind
    bodies += f"\n  - id: {first_id}\n    name: A second body with the first id\n    kind: vcse"
    bodies += "\n  - id: Bad Id\n    name: Refused\n    kind: vcse"
    bodies += "\n  - name: No id at all\n    kind: vcse"
    rest = (
        "  - from: nowhere_at_all\n    to: " + first_id + "\n    kind: accountable_to\n"
        "  - from: " + first_id + "\n    to: " + first_id + "\n    kind: partners_with\n"
        "  - from: " + first_id + "\n    to: nobody\n    kind: hosts_badly\n" + rest
    )
    return f"{bodies}\nrelationships:\n{rest}"


def test_problems_found_in_either_part_or_across_them_are_the_same_in_the_same_order() -> None:
    text = _with_problems()
    whole = parse_chart_text(text, LABEL)
    cut_line = text[: text.index("\nrelationships:\n")].count("\n") + 2
    assert any(0 < p.line < cut_line for p in whole.problems)  # found in the head
    assert any(p.line > cut_line for p in whole.problems)  # in the tail
    assert any(p.code == "dangling" or "nowhere_at_all" in p.message for p in whole.problems)
    parts = _read_in_parts(text)
    assert parts is not None
    _same(parts, whole)


def test_lines_and_columns_of_records_are_those_of_the_whole_file() -> None:
    text = dump_chart(generate_chart(60, seed=1))
    parts = _read_in_parts(text)
    assert parts is not None and parts.chart is not None
    last = parts.chart.relationships[-1]
    whole = parse_chart_text(text, LABEL).chart
    assert whole is not None
    assert last.origin == whole.relationships[-1].origin
    assert last.origin is not None and last.origin.line > text.count("\n") // 2


def _declined(text: str) -> bool:
    """The file is read whole: no cut, or a part that cannot be read on its own."""
    return _read_in_parts(text) is None


def test_files_that_might_read_differently_in_parts_are_read_whole() -> None:
    text = dump_chart(generate_chart(40, seed=3))
    assert not _declined(text)
    head, tail = text.split("relationships:\n", 1)
    # Comments are tied to the whole tree; anchors, other line breaks, several documents.
    assert _declined(f"# Our chart\n{text}")
    assert _declined(text.replace("kind: icb", "kind: &k icb", 1))
    assert _declined(text.replace("\n", "\r\n"))
    assert _declined(f"{text}---\nformat: 1\n")
    # Two cut lines, or none (a flow-style or inline list).
    assert _declined(f"{text}relationships:\n  - {{from: a, to: b, kind: hosts}}\n")
    assert _declined(text.replace("relationships:\n", "relationships: []\n", 1))
    # A section in the other part, or one the reader does not know.
    assert _declined(f"{text}bodies: []\n")
    assert _declined(f"{text}notes: kept as is\n")
    assert _declined(f"{head}notes: kept as is\nrelationships:\n{tail}")
    # What check_tree would report (a duplicate key) is left to the whole file's read.
    assert _declined(text.replace("    kind: icb\n", "    kind: icb\n    kind: icp\n", 1))
    # Unusable format number.
    assert _declined(text.replace("format: 1", "format: 9", 1))


def test_a_cut_line_inside_a_quoted_value_is_not_a_cut() -> None:
    text = (
        "format: 1\nbodies:\n  - id: a\n    name: A\n    kind: icb\n"
        '    notes: "see\nrelationships:\n      below"\n'
    )
    whole = parse_chart_text(text, LABEL)
    assert whole.chart is not None and whole.chart.bodies[0].notes == "see relationships: below"
    assert split_read.plan_cut(text, LABEL, split_above=0) is not None
    assert _declined(text)  # the head ends inside the quotes: it does not compose


def test_files_below_the_size_given_are_read_whole() -> None:
    text = dump_chart(generate_chart(40, seed=3))
    assert split_read.plan_cut(text, LABEL, split_above=len(text)) is not None
    assert split_read.plan_cut(text, LABEL, split_above=len(text) + 1) is None
