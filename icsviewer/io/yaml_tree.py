"""The YAML node tree of a chart file: composing it safely and checking its shape.

We compose (never construct) with the safe loader, so we get nodes that remember where they
were in the file, and then build the model from the nodes ourselves. `check_tree` refuses what
PyYAML would silently accept: duplicate keys (it keeps the last), merge keys, keys that are
lists or mappings, and any tag beyond the plain YAML types (`!!python/...`, `!!binary`, ...).
Nothing here ever runs a constructor that could execute code.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from icsviewer.io.guards import LOADER
from icsviewer.io.loader import bounded_loader
from icsviewer.io.problems import Problem, Severity

_YAML = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    _YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
MERGE = _YAML + "merge"
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, _YAML + "seq", _YAML + "map"})


def position(node: Node) -> tuple[int, int]:
    """1-based line and column where a node starts."""
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/name:os.system` -> `!!python/name:os.system`."""
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


@dataclass
class Context:
    """Where problems go while one file is read, and which nodes were already refused."""

    label: str
    problems: list[Problem] = field(default_factory=list)
    refused: set[int] = field(default_factory=set)  # id() of nodes check_tree refused

    def add(
        self,
        node: Node | None,
        severity: Severity,
        message: str,
        hint: str = "",
        code: str = "",
        body_id: str = "",
    ) -> None:
        line, col = position(node) if node is not None else (0, 0)
        self.problems.append(Problem(self.label, line, col, severity, message, hint, body_id, code))

    def error(
        self, node: Node | None, message: str, hint: str = "", code: str = "", body_id: str = ""
    ) -> None:
        self.add(node, "error", message, hint, code, body_id)

    def warning(
        self, node: Node | None, message: str, hint: str = "", code: str = "", body_id: str = ""
    ) -> None:
        self.add(node, "warning", message, hint, code, body_id)


class Composed(NamedTuple):
    """A composed file: its root node (None when it holds no document) and how many values
    (scalars, lists and mappings, aliases not counted) the composer built."""

    root: Node | None
    nodes: int


def compose(text: str, *, strict_depth: bool = False) -> Composed:
    """The node tree of a single-document stream, composed with the safe loader.

    Raises `OverLimitError` as soon as the file holds more than `guards.MAX_NODES` values or nests
    deeper than `guards.MAX_DEPTH` lists and mappings (with `strict_depth`, anything at all
    below that depth, even a scalar: the quick path leaves such files to the careful one).
    Raises the loader's YAMLError for a file that is not well formed.
    """
    loader = bounded_loader(LOADER)(text)
    if strict_depth:
        loader.max_depth -= 1
    try:
        root: Node | None = loader.get_single_node()
        return Composed(root, loader.nodes)
    finally:
        loader.dispose()


def check_tree(root: Node, ctx: Context, max_nodes: int | None = None) -> int:
    """Report refused tags, merge keys, non-text keys and duplicate keys anywhere in the tree.

    Returns the number of nodes visited (keys included). With `max_nodes`, stops once it has
    visited more than that: a tree with no shared nodes never does, so the caller knows the
    file holds an alias (a node reached twice) without an alias bomb's walk of 10^8 nodes.
    Iterative, so even a tree deeper than the guards allow could not exhaust the stack.
    """
    budget = max_nodes if max_nodes is not None else math.inf
    visited = 0
    stack: list[tuple[Node, str]] = [(root, "the file")]
    while stack:
        node, where = stack.pop()
        visited += 1
        if visited > budget:
            return visited
        if node.tag not in ALLOWED_TAGS:
            _refuse_tag(node, where, ctx)
            continue
        if isinstance(node, SequenceNode):
            stack.extend((item, where) for item in reversed(node.value))
        elif isinstance(node, MappingNode):
            seen: dict[str, Node] = {}
            visited += len(node.value)  # the keys
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    ctx.error(
                        key,
                        f"{where}: a key must be plain text, not a list or mapping",
                        "write key: value pairs with a word before the colon",
                        "bad-key",
                    )
                    ctx.refused.add(id(key))
                    continue
                if key.tag == MERGE:
                    ctx.error(
                        key,
                        f"{where}: merge keys (<<) are not part of the chart format",
                        "write the keys out in full",
                        "merge-key",
                    )
                    ctx.refused.add(id(key))
                    continue
                if key.value in seen:
                    line, col = position(seen[key.value])
                    ctx.error(
                        key,
                        f"duplicate key '{key.value}' (first at line {line}, column {col}): "
                        "YAML would silently keep only the last one",
                        "remove or rename one of them",
                        "duplicate-key",
                    )
                    ctx.refused.add(id(key))
                else:
                    seen[key.value] = key
                stack.append((value, key.value))
                if key.tag not in ALLOWED_TAGS:
                    _refuse_tag(key, where, ctx)
    return visited


def _refuse_tag(node: Node, where: str, ctx: Context) -> None:
    tag = short_tag(node.tag)
    if "python/" in node.tag:
        message = (
            f"{where}: the tag {tag} is a Python tag and is refused: a chart file never runs code"
        )
    else:
        message = (
            f"{where}: the tag {tag} is not allowed; chart files hold plain text, numbers, "
            "dates, lists and mappings"
        )
    ctx.error(node, message, "remove the tag (the part starting with '!')", "tag")
    ctx.refused.add(id(node))


# ----- scalars ---------------------------------------------------------------------------------
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def scalar_value(node: ScalarNode) -> Any:
    """The Python value the safe loader would give a scalar (may raise ValueError/YAMLError)."""
    try:
        return _CONSTRUCTOR.construct_object(node)
    finally:
        # The constructor caches every node it has seen; keep it from growing.
        _CONSTRUCTOR.constructed_objects = {}
        _CONSTRUCTOR.recursive_objects = {}


def describe_misread(node: ScalarNode) -> str:
    """How YAML 1.1 reads an unquoted value that was meant as text, in plain words."""
    raw = node.value
    try:
        value = scalar_value(node)
    except (ValueError, OverflowError, yaml.YAMLError):
        return f"YAML reads {raw} as something other than text"
    if node.tag == BOOL:
        return f"YAML reads {raw} as the yes/no value {'true' if value else 'false'}"
    if node.tag == NULL:
        return f"YAML reads {raw or 'nothing'} as empty"
    if node.tag == TIMESTAMP:
        return f"YAML reads {raw} as a date"
    if node.tag in (INT, FLOAT):
        text = str(value) if len(raw) < 40 else "a number"
        why = ""
        if ":" in raw:
            why = " (YAML 1.1 counts in base 60 when a number has colons)"
        elif raw.lstrip("+-").startswith("0") and raw.lstrip("+-")[1:2].isdigit():
            why = " (YAML 1.1 reads a leading 0 as octal)"
        return f"YAML reads {raw} as the number {text}{why}"
    return f"YAML reads {raw} as {short_tag(node.tag)}"


def quote_hint(key: str, raw: str) -> str:
    escaped = raw.replace("\\", "\\\\").replace('"', '\\"')
    return f'put it in quotes: {key}: "{escaped}"'


def to_python(node: Node, ctx: Context, where: str) -> tuple[bool, Any]:
    """Plain Python data (dict/list/scalars) for a value kept as is, e.g. under an unknown key.

    Returns (ok, value); not ok when something inside could not be read (already reported).
    """
    if id(node) in ctx.refused:
        return False, None
    if isinstance(node, ScalarNode):
        try:
            return True, scalar_value(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            ctx.error(
                node,
                f"{where}: {node.value[:40]!r} cannot be read as {short_tag(node.tag)}",
                code="bad-value",
            )
            return False, None
    if isinstance(node, SequenceNode):
        items = []
        for item in node.value:
            ok, value = to_python(item, ctx, where)
            if not ok:
                return False, None
            items.append(value)
        return True, items
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key, item in node.value:
            if id(key) in ctx.refused:
                return False, None
            ok, value = to_python(item, ctx, where)
            if not ok:
                return False, None
            result.setdefault(str(key.value), value)
        return True, result
    return False, None


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
