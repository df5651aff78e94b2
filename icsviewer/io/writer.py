"""Write a chart as deterministic, readable YAML, and save it atomically.

    text = dump_chart(chart)        # the file's text
    save_chart(chart, path)         # atomic replace, previous version kept as PATH.bak

What the output promises:
- `format:` first, then chart, bodies, relationships, groups, tours; keys of a record in the
  order the file had them (`key_order`), else the order of `schema`; unknown keys kept;
  empty and default values left out; a relationship id the reader made up is not written.
- Block style; short lists of plain ids and names in flow style (`[a, b]`); multi-line text as
  a literal block (`|`), long text folded (`>-`).
- Any string YAML 1.1 would misread (`yes`, `no`, `~`, `0755`, `12:30`, `2025-01-01`,
  leading `#`, `: `...) is quoted. PyYAML's emitter decides this by asking the same resolver
  the reader uses whether the plain form would read back as a string, so it cannot disagree.
- load(dump(c)) == c, and dump(load(dump(c))) == dump(c) byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.representer import SafeRepresenter

from icsviewer.io import schema
from icsviewer.io.atomic import atomic_write_text
from icsviewer.io.comments import Comments, insert_comments
from icsviewer.model.chart import (
    Body,
    Chart,
    ChartMeta,
    Group,
    Link,
    Member,
    Relationship,
    SourceRef,
    Tour,
    TourStep,
)

_T = "tag:yaml.org,2002:"
WIDTH = 88
_FOLD_AT = 72  # single-line text longer than this is folded over several lines
_FLOW_LIST_MAX = 72  # a list of short texts up to this many characters stays on one line


class _Dumper(yaml.SafeDumper):
    """Indents block lists under their key (`bodies:\\n  - id: ...`), as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_REPRESENTER = SafeRepresenter()
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEEDS_ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


# ----- nodes -----------------------------------------------------------------------------------
def text_node(value: str, prose: bool = False) -> ScalarNode:
    """A string; `prose` (descriptions, notes, captions) is folded over lines when long."""
    # A lone surrogate (from pasted, broken UTF-16) has no UTF-8 form and no YAML escape
    # that reads back; U+FFFD marks where it was rather than making the file unreadable.
    value = _SURROGATE.sub("\ufffd", value)
    if _NEEDS_ESCAPES.search(value):
        # Control characters and the odd line breaks (\r, NEL, U+2028) only survive a round
        # trip as escapes, which only the double-quoted style has.
        style: str | None = '"'
    elif "\n" in value:
        style = "|"
    elif prose and len(value) > _FOLD_AT and " " in value.strip():
        style = ">"
    else:
        style = None  # plain if it reads back as this string, else the emitter quotes it
    return ScalarNode(_T + "str", value, style=style)


def value_node(value: Any) -> Node:
    """A node for plain data kept from the file (unknown keys), any depth."""
    if isinstance(value, str):
        return text_node(value)
    if isinstance(value, bool):
        return ScalarNode(_T + "bool", "true" if value else "false")
    if isinstance(value, int):
        return ScalarNode(_T + "int", str(value))
    if isinstance(value, float):
        return _REPRESENTER.represent_float(value)
    if value is None:
        return ScalarNode(_T + "null", "null")
    if isinstance(value, dt.datetime):
        return _REPRESENTER.represent_datetime(value)
    if isinstance(value, dt.date):
        return ScalarNode(_T + "timestamp", value.isoformat())
    if isinstance(value, Mapping):
        return MappingNode(
            _T + "map",
            [(text_node(str(k)), value_node(v)) for k, v in value.items()],
            flow_style=False,
        )
    if isinstance(value, (list, tuple)):
        return SequenceNode(_T + "seq", [value_node(v) for v in value], flow_style=False)
    return text_node(str(value))


def texts_node(values: Sequence[str]) -> SequenceNode:
    """A list of texts: on one line when short and simple, else one item per line."""
    flow = sum(len(v) + 2 for v in values) <= _FLOW_LIST_MAX and all(
        v and "\n" not in v and len(v) <= 40 for v in values
    )
    return SequenceNode(_T + "seq", [text_node(v) for v in values], flow_style=flow)


def _mapping(
    fields: Iterable[tuple[str, Node | None]],
    canonical: tuple[str, ...],
    extra: Mapping[str, Any],
    key_order: tuple[str, ...] = (),
    flow: bool = False,
) -> MappingNode:
    """Known fields (None = leave out) and unknown keys, in file order, else canonical order."""
    present: dict[str, Node] = {k: n for k, n in fields if n is not None}
    for key, value in extra.items():
        if key not in present and key not in canonical:
            present[key] = value_node(value)
    order = [k for k in key_order if k in present]
    order += [k for k in canonical if k in present and k not in order]
    order += [k for k in present if k not in order]
    return MappingNode(_T + "map", [(text_node(k), present[k]) for k in order], flow_style=flow)


def _text(value: str, required: bool = False) -> Node | None:
    return text_node(value) if value or required else None


def _prose(value: str) -> Node | None:
    return text_node(value, prose=True) if value else None


def _date(value: dt.date | None) -> Node | None:
    return ScalarNode(_T + "timestamp", value.isoformat()) if value is not None else None


def _flag(value: bool, default: bool = False) -> Node | None:
    return ScalarNode(_T + "bool", "true" if value else "false") if value != default else None


def _texts(values: Sequence[str]) -> Node | None:
    return texts_node(values) if values else None


def _records(nodes: list[MappingNode]) -> Node | None:
    return SequenceNode(_T + "seq", list(nodes), flow_style=False) if nodes else None


# ----- records ---------------------------------------------------------------------------------
def source_node(source: SourceRef) -> MappingNode:
    return _mapping(
        [
            ("title", _text(source.title)),
            ("url", _text(source.url)),
            ("verified_on", _date(source.verified_on)),
        ],
        schema.SOURCE_KEYS,
        source.extra,
    )


def _sources(sources: Sequence[SourceRef]) -> Node | None:
    return _records([source_node(s) for s in sources])


def link_node(link: Link) -> MappingNode:
    return _mapping(
        [("url", text_node(link.url)), ("label", _text(link.label))], schema.LINK_KEYS, link.extra
    )


def member_node(member: Member) -> MappingNode:
    return _mapping(
        [
            ("role", text_node(member.role)),
            ("holder", _text(member.holder)),
            ("nominated_by", _text(member.nominated_by)),
            ("notes", _prose(member.notes)),
        ],
        schema.MEMBER_KEYS,
        member.extra,
    )


def body_node(body: Body) -> MappingNode:
    style = None
    if body.style:
        style = _mapping(
            ((k, text_node(v)) for k, v in body.style.items()), schema.STYLE_KEYS, {}, flow=True
        )
    pinned = None
    if body.pinned is not None:
        pinned = _mapping(
            [("x", value_node(float(body.pinned[0]))), ("y", value_node(float(body.pinned[1])))],
            schema.PINNED_KEYS,
            {},
            flow=True,
        )
    return _mapping(
        [
            ("id", text_node(body.id)),
            ("name", text_node(body.name)),
            ("short_name", _text(body.short_name)),
            ("kind", text_node(body.kind)),
            ("aliases", _texts(body.aliases)),
            ("description", _prose(body.description)),
            ("members", _records([member_node(m) for m in body.members])),
            ("links", _records([link_node(k) for k in body.links])),
            ("valid_from", _date(body.valid_from)),
            ("valid_to", _date(body.valid_to)),
            ("sources", _sources(body.sources)),
            ("notes", _prose(body.notes)),
            ("style", style),
            ("pinned", pinned),
        ],
        schema.BODY_KEYS,
        body.extra,
        body.key_order,
    )


def relationship_node(rel: Relationship) -> MappingNode:
    return _mapping(
        [
            ("id", None if rel.id_generated else text_node(rel.id)),
            ("from", text_node(rel.source)),
            ("to", text_node(rel.target)),
            ("kind", text_node(rel.kind)),
            ("label", _text(rel.label)),
            ("notes", _prose(rel.notes)),
            ("legal_basis", _text(rel.legal_basis)),
            ("valid_from", _date(rel.valid_from)),
            ("valid_to", _date(rel.valid_to)),
            ("sources", _sources(rel.sources)),
        ],
        schema.RELATIONSHIP_KEYS,
        rel.extra,
        rel.key_order,
    )


def group_node(group: Group) -> MappingNode:
    return _mapping(
        [
            ("id", text_node(group.id)),
            ("name", text_node(group.name)),
            ("kind", _text(group.kind) if group.kind != "other" else None),
            ("description", _prose(group.description)),
            ("members", _texts(group.members)),
            ("collapsed", _flag(group.collapsed)),
        ],
        schema.GROUP_KEYS,
        group.extra,
        group.key_order,
    )


def step_node(step: TourStep) -> MappingNode:
    return _mapping(
        [
            ("bodies", texts_node(step.bodies)),
            ("caption", _prose(step.caption)),
            ("notes", _prose(step.notes)),
        ],
        schema.STEP_KEYS,
        step.extra,
    )


def tour_node(tour: Tour) -> MappingNode:
    return _mapping(
        [
            ("id", text_node(tour.id)),
            ("name", text_node(tour.name)),
            ("mode", _text(tour.mode) if tour.mode != "spotlight" else None),
            ("default", _flag(tour.default)),
            ("description", _prose(tour.description)),
            ("steps", _records([step_node(s) for s in tour.steps])),
        ],
        schema.TOUR_KEYS,
        tour.extra,
        tour.key_order,
    )


def meta_node(meta: ChartMeta) -> MappingNode:
    return _mapping(
        [
            ("title", text_node(meta.title) if meta.title != ChartMeta.title else None),
            ("subtitle", _text(meta.subtitle)),
            ("organisation", _text(meta.organisation)),
            ("version", _text(meta.version)),
            ("as_at", _date(meta.as_at)),
            ("marking", _text(meta.marking)),
            ("authors", _texts(meta.authors)),
            ("description", _prose(meta.description)),
            ("sources", _sources(meta.sources)),
        ],
        schema.META_KEYS,
        meta.extra,
        meta.key_order,
    )


def chart_node(chart: Chart) -> MappingNode:
    meta = meta_node(chart.meta)
    return _mapping(
        [
            ("format", ScalarNode(_T + "int", str(chart.format_version))),
            ("chart", meta if meta.value else None),
            ("bodies", _records([body_node(b) for b in chart.bodies])),
            ("relationships", _records([relationship_node(r) for r in chart.relationships])),
            ("groups", _records([group_node(g) for g in chart.groups])),
            ("tours", _records([tour_node(t) for t in chart.tours])),
        ],
        schema.TOP_KEYS,
        chart.extra,
    )


def dump_chart(chart: Chart, comments: Comments | None = None) -> str:
    """The chart file's text (UTF-8 when written; ends with a newline).

    `comments` (from `LoadResult.comments`) puts the file's own comment lines back.
    """
    text: str = yaml.serialize(
        chart_node(chart),
        Dumper=_Dumper,
        allow_unicode=True,
        width=WIDTH,
        indent=2,
        line_break="\n",
    )
    return insert_comments(text, comments, chart) if comments else text


def save_chart(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    backup: bool = True,
    comments: Comments | None = None,
) -> None:
    """Write the chart to `path` atomically; raises SaveError with a plain reason on failure."""
    atomic_write_text(path, dump_chart(chart, comments), backup=backup)
