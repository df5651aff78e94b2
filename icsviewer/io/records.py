"""Build the model's records (bodies, relationships, groups, tours, metadata) from YAML nodes.

Each builder reads one mapping through `Fields`, so every wrong value is reported with its
line:col and the record is still built from what is usable. A builder returns None only when
the record cannot be shown at all (no usable id, name or kind; not a mapping); the reader then
drops it and the rest of the chart still opens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from yaml.nodes import MappingNode, Node

from icsviewer.io import schema
from icsviewer.io.fields import Fields, did_you_mean
from icsviewer.io.references import generated_id
from icsviewer.io.yaml_tree import Context
from icsviewer.model.chart import (
    GROUP_KINDS,
    TOUR_MODES,
    Body,
    ChartMeta,
    Group,
    Link,
    Member,
    Origin,
    Relationship,
    SourceRef,
    Tour,
    TourStep,
)
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS

_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_SAFE_LINK = re.compile(r"(?i)(https?:|mailto:)")


def _as_mapping(ctx: Context, node: Node, what: str) -> MappingNode | None:
    if isinstance(node, MappingNode):
        return node
    ctx.error(
        node,
        f"{what} must be a mapping of key: value pairs (id:, name:, ...)",
        "start each item with '- ' and put its keys on the following lines",
        "type",
    )
    return None


def _origin(ctx: Context, node: Node) -> Origin:
    mark = node.start_mark
    return Origin(ctx.label, mark.line + 1, mark.column + 1)


def _check_dates(fields: Fields, start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        fields.error(
            fields.value_node("valid_to", False),
            f"valid_to {end.isoformat()} is before valid_from {start.isoformat()}",
            "valid_to is the last day it existed; swap the dates if they are reversed",
            "dates",
        )


def _choice(
    fields: Fields, key: str, known: Collection[str], what: str, default: str = ""
) -> str:
    """The text at `key`, which must be one of `known`; an unknown value is an error with a
    did-you-mean hint (`what` names it in the message, e.g. "body kind")."""
    value = fields.text(key, required=not default, default=default)
    if value and value not in known:
        choices = list(known)
        fields.error(
            fields.value_node(key, False),
            f"unknown {what} {value[:60]!r}",
            did_you_mean(value, choices) or f"one of: {', '.join(choices)}",
            "unknown-kind",
        )
    return value


# ----- small records ---------------------------------------------------------------------------
def build_sources(ctx: Context, fields: Fields) -> tuple[SourceRef, ...]:
    out = []
    for node in fields.seq("sources"):
        mapping = _as_mapping(ctx, node, f"{fields.where}: each source")
        if mapping is None:
            continue
        sub = Fields(ctx, mapping, f"{fields.where}: source", schema.SOURCE_KEYS, fields.body_id)
        out.append(
            SourceRef(sub.text("title"), sub.text("url"), sub.date("verified_on"), sub.finish())
        )
    return tuple(out)


def build_links(ctx: Context, fields: Fields) -> tuple[Link, ...]:
    out = []
    for node in fields.seq("links"):
        mapping = _as_mapping(ctx, node, f"{fields.where}: each link")
        if mapping is None:
            continue
        sub = Fields(ctx, mapping, f"{fields.where}: link", schema.LINK_KEYS, fields.body_id)
        url = sub.text("url", required=True)
        if not sub.ok:
            continue
        if not _SAFE_LINK.match(url.strip()):
            sub.warning(
                sub.value_node("url", False),
                f"link {url[:80]!r} is not a web (https) or mail link; it will not be clickable",
                code="link-scheme",
            )
        out.append(Link(url, sub.text("label"), sub.finish()))
    return tuple(out)


def build_members(ctx: Context, fields: Fields) -> tuple[Member, ...]:
    out = []
    for node in fields.seq("members"):
        mapping = _as_mapping(ctx, node, f"{fields.where}: each member")
        if mapping is None:
            continue
        sub = Fields(ctx, mapping, f"{fields.where}: member", schema.MEMBER_KEYS, fields.body_id)
        role = sub.text("role", required=True)
        if sub.ok:
            out.append(
                Member(
                    role,
                    sub.text("holder"),
                    sub.text("nominated_by"),
                    sub.text("notes"),
                    sub.finish(),
                )
            )
    return tuple(out)


def _style(ctx: Context, fields: Fields) -> dict[str, str]:
    node = fields.mapping("style")
    if node is None:
        return {}
    sub = Fields(ctx, node, f"{fields.where}: style", schema.STYLE_KEYS, fields.body_id)
    style: dict[str, str] = {}
    for key in schema.STYLE_KEYS:
        if not sub.has(key):
            continue
        value = sub.text(key)
        if _HEX_COLOUR.fullmatch(value):
            style[key] = value
        elif value == "":
            sub.error(
                sub.value_node(key, False),
                f"{key} is empty",
                f'a colour starting with # must be in quotes, e.g. {key}: "#005EB8" '
                "(unquoted, YAML reads # as the start of a comment)",
                "colour",
            )
        else:
            sub.error(
                sub.value_node(key, False),
                f"{key} {value[:40]!r} is not a colour like #005EB8",
                "write colours as # and six hex digits, in quotes",
                "colour",
            )
    extra = sub.finish()
    style.update((k, v) for k, v in extra.items() if isinstance(v, str))
    return style


def _pinned(ctx: Context, fields: Fields) -> tuple[float, float] | None:
    node = fields.mapping("pinned")
    if node is None:
        return None
    sub = Fields(ctx, node, f"{fields.where}: pinned", schema.PINNED_KEYS, fields.body_id)
    x_node, y_node = sub.value_node("x", True), sub.value_node("y", True)
    sub.finish()
    if x_node is None or y_node is None:
        return None
    x = sub.number(x_node, "pinned x", schema.MAX_COORDINATE)
    y = sub.number(y_node, "pinned y", schema.MAX_COORDINATE)
    return (x, y) if x is not None and y is not None else None


# ----- records ---------------------------------------------------------------------------------
def build_meta(ctx: Context, node: MappingNode) -> ChartMeta:
    fields = Fields(ctx, node, "chart", schema.META_KEYS)
    return ChartMeta(
        title=fields.text("title", default=ChartMeta.title),
        subtitle=fields.text("subtitle"),
        organisation=fields.text("organisation"),
        version=fields.text("version"),
        as_at=fields.date("as_at"),
        marking=fields.text("marking"),
        authors=fields.texts("authors"),
        sources=build_sources(ctx, fields),
        description=fields.text("description"),
        extra=fields.finish(),
        key_order=fields.key_order,
    )


def build_body(ctx: Context, node: Node, index: int) -> Body | None:
    mapping = _as_mapping(ctx, node, f"body {index + 1}")
    if mapping is None:
        return None
    fields = Fields.for_record(ctx, mapping, "body", index, schema.BODY_KEYS)
    body_id = fields.ident("id")
    fields.body_id = body_id
    name = fields.text("name", required=True)
    kind = _choice(fields, "kind", BODY_KINDS, "body kind")
    valid_from, valid_to = fields.date("valid_from"), fields.date("valid_to")
    _check_dates(fields, valid_from, valid_to)
    body = Body(
        id=body_id,
        name=name,
        kind=kind,
        short_name=fields.text("short_name"),
        aliases=fields.texts("aliases"),
        description=fields.text("description"),
        members=build_members(ctx, fields),
        links=build_links(ctx, fields),
        valid_from=valid_from,
        valid_to=valid_to,
        sources=build_sources(ctx, fields),
        notes=fields.text("notes"),
        style=_style(ctx, fields),
        pinned=_pinned(ctx, fields),
        extra=fields.finish(),
        key_order=fields.key_order,
        origin=_origin(ctx, mapping),
    )
    if body_id and name == "" and fields.ok:
        fields.error(
            fields.value_node("name", False), "name is empty", "give the body a name", "empty"
        )
        fields.ok = False
    return body if fields.ok else None


def build_relationship(ctx: Context, node: Node, index: int) -> Relationship | None:
    """A relationship. When the file gives it no id, `id_generated` is set and its id is only
    provisional until `references.resolve_relationships` has seen every id in the file."""
    mapping = _as_mapping(ctx, node, f"relationship {index + 1}")
    if mapping is None:
        return None
    fields = Fields.for_record(ctx, mapping, "relationship", index, schema.RELATIONSHIP_KEYS)
    rel_id = fields.ident("id", required=False)
    source = fields.text("from", required=True)
    target = fields.text("to", required=True)
    fields.body_id = source
    kind = _choice(fields, "kind", RELATION_KINDS, "relationship kind")
    valid_from, valid_to = fields.date("valid_from"), fields.date("valid_to")
    _check_dates(fields, valid_from, valid_to)
    rel = Relationship(
        # Without an id in the file, the id it will most likely get (`resolve_relationships`
        # settles it once every id in the file is known; building the record again costs).
        id=rel_id or generated_id(source, kind, target, set()),
        id_generated=not rel_id,
        source=source,
        target=target,
        kind=kind,
        label=fields.text("label"),
        notes=fields.text("notes"),
        legal_basis=fields.text("legal_basis"),
        valid_from=valid_from,
        valid_to=valid_to,
        sources=build_sources(ctx, fields),
        extra=fields.finish(),
        key_order=fields.key_order,
        origin=_origin(ctx, mapping),
    )
    if fields.has("id") and not rel_id:
        return None  # a bad explicit id was reported; do not silently invent another
    return rel if fields.ok else None


def build_group(ctx: Context, node: Node, index: int) -> Group | None:
    mapping = _as_mapping(ctx, node, f"group {index + 1}")
    if mapping is None:
        return None
    fields = Fields.for_record(ctx, mapping, "group", index, schema.GROUP_KEYS)
    group_id = fields.ident("id")
    name = fields.text("name", required=True)
    kind = _choice(fields, "kind", GROUP_KINDS, "group kind", default="other")
    group = Group(
        id=group_id,
        name=name,
        members=fields.texts("members"),
        kind=kind,
        description=fields.text("description"),
        collapsed=fields.flag("collapsed"),
        extra=fields.finish(),
        key_order=fields.key_order,
        origin=_origin(ctx, mapping),
    )
    return group if fields.ok else None


def build_tour(ctx: Context, node: Node, index: int) -> Tour | None:
    mapping = _as_mapping(ctx, node, f"tour {index + 1}")
    if mapping is None:
        return None
    fields = Fields.for_record(ctx, mapping, "tour", index, schema.TOUR_KEYS)
    tour_id = fields.ident("id")
    name = fields.text("name", required=True)
    mode = _choice(fields, "mode", TOUR_MODES, "tour mode", default="spotlight")
    steps = []
    for number, step_node in enumerate(fields.seq("steps"), start=1):
        step_map = _as_mapping(ctx, step_node, f"{fields.where}: step {number}")
        if step_map is None:
            continue
        sub = Fields(ctx, step_map, f"{fields.where}: step {number}", schema.STEP_KEYS)
        steps.append(
            TourStep(sub.texts("bodies"), sub.text("caption"), sub.text("notes"), sub.finish())
        )
    tour = Tour(
        id=tour_id,
        name=name,
        steps=tuple(steps),
        mode=mode,
        default=fields.flag("default"),
        description=fields.text("description"),
        extra=fields.finish(),
        key_order=fields.key_order,
        origin=_origin(ctx, mapping),
    )
    return tour if fields.ok else None
