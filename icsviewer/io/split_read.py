"""Read a big chart file in two processes at once: its head and its tail.

Reading a national chart (10,000 bodies) takes one core about 1.2 s: composing the YAML and
building the records, while the other core of a small machine has little to do. The file is
therefore cut before its top-level `relationships:` line. The head (`format:`, `chart:`,
`bodies:`) and the tail (`relationships:`, `groups:`, `tours:`) are composed and built into
records on their own (`read_head`, `read_tail`, in two processes: `icsviewer.prefetch`), and
`assemble` puts the records together as `reader.load_chart` would: the same chart, the same
problems in the same order. The tail is composed behind as many blank lines as the head has,
so every node, record and problem keeps its line and column.

A cut is made only where it certainly changes nothing (`plan_cut`): a big file whose text the
reader's guards accept, with no comment (comments are collected from the whole tree), anchor,
document marker or line break other than `\\n`, and exactly one line that is
`relationships:` at the left edge. Such a line, at column 0 and outside any quoted or bracketed
value, can only be a top-level key; inside one, the head does not compose (the quote or bracket
is left open). Each part must compose within the guards' limits (together too), with nothing
`check_tree` would report, and hold only its own sections, each once. Anything else, and any
part that cannot be read on its own, is read whole instead: callers fall back to
`reader.load_chart`, which reports whatever is wrong exactly as it always has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, ScalarNode

from icsviewer.io import guards, schema
from icsviewer.io.fields import Fields
from icsviewer.io.problems import Problem
from icsviewer.io.reader import (
    LoadResult,
    Records,
    chart_meta,
    checked_problems,
    collect,
    format_version,
    resolve_records,
)
from icsviewer.io.records import build_body, build_group, build_relationship, build_tour
from icsviewer.io.yaml_tree import Context, check_tree, compose
from icsviewer.model.chart import Body, ChartMeta, Group, Relationship, Tour

HEAD_KEYS = frozenset({"format", "chart", "bodies"})
TAIL_KEYS = frozenset({"relationships", "groups", "tours"})

_CUT_LINE = "\nrelationships:"
_REST_OF_CUT_LINE = re.compile(r"[ ]*\n")
# Document markers and directives start a line; found with `in` (a regex took 20 ms a file).
_DOCUMENT_MARKS = ("---", "...", "%")
# YAML counts these as line breaks too; the tail's padding counts only "\n".
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


@dataclass(frozen=True)
class Cut:
    """Where the tail starts: its offset in the text and its 0-based line."""

    offset: int
    line: int


@dataclass(frozen=True)
class Part:
    """One part of the file, composed and checked: its top-level mapping and node count."""

    root: MappingNode
    nodes: int


@dataclass
class Head:
    """What the head holds: the format, the metadata and the bodies, as built."""

    version: int
    meta: ChartMeta
    bodies: list[Body]
    key_order: tuple[str, ...]
    problems: list[Problem]


@dataclass
class Tail:
    """What the tail holds: relationships, groups and tours, as built."""

    relationships: list[Relationship]
    groups: list[Group]
    tours: list[Tour]
    key_order: tuple[str, ...]
    problems: list[Problem]


def plan_cut(text: str, label: str, split_above: int) -> Cut | None:
    """Where to cut `text` into head and tail, or None to read it whole (see the docstring);
    a text shorter than `split_above` characters is read whole."""
    if len(text) < split_above or "#" in text or any(b in text for b in _OTHER_BREAKS):
        return None
    if text.startswith(_DOCUMENT_MARKS) or any(f"\n{mark}" in text for mark in _DOCUMENT_MARKS):
        return None
    if guards.may_hold_anchors(text) or guards.check_text(text, label):
        return None
    cuts = _cut_lines(text)
    first = next(cuts, None)
    if first is None or next(cuts, None) is not None:
        return None
    return Cut(first, text.count("\n", 0, first))


def _cut_lines(text: str) -> Iterator[int]:
    """Where each line that is `relationships:` (trailing spaces allowed) starts."""
    found = text.find(_CUT_LINE)
    while found >= 0:
        start = found + 1
        if _REST_OF_CUT_LINE.match(text, start + len(_CUT_LINE) - 1):
            yield start
        found = text.find(_CUT_LINE, start)


def compose_head(text: str, cut: Cut) -> Part | None:
    """The head composed and checked, or None when it cannot be read on its own."""
    return _compose(text[: cut.offset], HEAD_KEYS)


def compose_tail(text: str, cut: Cut) -> Part | None:
    """The tail composed and checked (on its original lines), or None."""
    part = _compose("\n" * cut.line + text[cut.offset :], TAIL_KEYS)
    if part is None or part.root.value[0][0].value != "relationships":
        return None
    return part


def fits_together(head_nodes: int, tail_nodes: int) -> bool:
    """Whether the whole file, of parts of these many values, is within the guards' limit
    (the parts have a root each, the file one)."""
    return head_nodes + tail_nodes - 1 <= guards.MAX_NODES


def read_head(part: Part, label: str) -> Head | None:
    """The head's records; None when its format number is unusable (read whole instead)."""
    ctx = Context(label)
    top = Fields(ctx, part.root, "the file", schema.TOP_KEYS)
    version = format_version(ctx, top)
    if version is None:
        return None
    meta = chart_meta(ctx, top, part.root)
    bodies = collect(ctx, top, "bodies", build_body)
    return Head(version, meta, bodies, top.key_order, ctx.problems)


def read_tail(part: Part, label: str) -> Tail:
    """The tail's records."""
    ctx = Context(label)
    top = Fields(ctx, part.root, "the file", schema.TOP_KEYS)
    relationships = collect(ctx, top, "relationships", build_relationship)
    groups = collect(ctx, top, "groups", build_group)
    tours = collect(ctx, top, "tours", build_tour)
    return Tail(relationships, groups, tours, top.key_order, ctx.problems)


def assemble(head: Head, tail: Tail, label: str, domain_checks: bool = True) -> LoadResult:
    """The chart and problems `reader.load_chart` gives for the whole file."""
    # In file order, as the reader makes them: the head's, the tail's, then the checks'.
    ctx = Context(label, [*head.problems, *tail.problems])
    records = Records(head.meta, head.bodies, tail.relationships, tail.groups, tail.tours)
    chart = resolve_records(ctx, records, {}, head.version, head.key_order + tail.key_order)
    return LoadResult(chart, checked_problems(ctx, chart, domain_checks))


def _compose(text: str, sections: frozenset[str]) -> Part | None:
    try:
        root, nodes = compose(text, strict_depth=True)
    except Exception:  # a limit, a syntax error, ...: the whole file's read reports it
        return None
    if not isinstance(root, MappingNode) or not root.value:
        return None
    ctx = Context("")
    # More nodes visited than composed means an alias; any problem means read whole.
    if check_tree(root, ctx, nodes) > nodes or ctx.problems:
        return None
    keys = [key.value for key, _value in root.value if isinstance(key, ScalarNode)]
    if len(keys) != len(root.value) or not set(keys) <= sections:
        return None
    return Part(root, nodes)
