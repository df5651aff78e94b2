"""Typed access to the keys of one YAML mapping, reporting every wrong type with line:col.

`Fields` wraps a mapping node of a record (a body, a relationship, ...). Each accessor returns
a value of the right type, or the field's default after reporting why the value was refused.
`finish()` warns about unknown keys (with a did-you-mean) and returns them, so the record can
keep them in `extra` and the writer can put them back.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from typing import Any

from yaml import YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from icsviewer.io import schema
from icsviewer.io.yaml_tree import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    TIMESTAMP,
    Context,
    describe_misread,
    quote_hint,
    scalar_value,
    short_tag,
    to_python,
)

_DATE = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)")
ID = re.compile(schema.ID_PATTERN)


def _shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    if isinstance(node, SequenceNode):
        return "a list"
    return "this"


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """`did you mean 'name'?` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


class Fields:
    """The keys of one mapping node, read with types checked."""

    # One is made for every record and sub-record of a chart: slots make that cheaper.
    __slots__ = ("_values", "_where", "body_id", "ctx", "key_order", "known", "node", "ok")

    def __init__(
        self,
        ctx: Context,
        node: MappingNode,
        where: str | tuple[str, int],
        known: tuple[str, ...],
        body_id: str = "",
    ) -> None:
        """`where` names the mapping in messages; (kind, index) names a record in a list
        lazily (see `where`)."""
        self.ctx = ctx
        self.node = node
        self._where = where
        self.known = known
        self.body_id = body_id
        self.ok = True  # False once a required field is missing or unusable
        self._values: dict[str, tuple[ScalarNode, Node]]
        if ctx.refused:
            self._values = {}
            for key, value in node.value:
                # Refused keys (duplicates, merge keys, lists as keys) were reported by
                # check_tree.
                if isinstance(key, ScalarNode) and id(key) not in ctx.refused:
                    self._values.setdefault(str(key.value), (key, value))
        else:
            # Nothing refused anywhere: every key is text and none is repeated. (This runs for
            # every record and sub-record, so the common case is worth its own line.)
            self._values = {key.value: (key, value) for key, value in node.value}
        self.key_order = tuple(self._values)

    @classmethod
    def for_record(
        cls, ctx: Context, node: MappingNode, kind: str, index: int, known: tuple[str, ...]
    ) -> Fields:
        """Fields of a record in a list, named in messages `body 'cm_icb'` when its id is
        readable, else `body 3` (1-based position in its list)."""
        return cls(ctx, node, (kind, index), known)

    @property
    def where(self) -> str:
        """What the fields belong to, at the start of every message (`body 'cm_icb'`). For a
        record it is worked out when first needed: most records never have a message."""
        if isinstance(self._where, tuple):
            kind, index = self._where
            raw = self.value_node("id")
            ident = raw.value if isinstance(raw, ScalarNode) else ""
            self._where = (
                f"{kind} '{ident[:60]}'" if ID.fullmatch(ident) else f"{kind} {index + 1}"
            )
        return self._where

    @where.setter
    def where(self, value: str) -> None:
        self._where = value

    # ----- reporting ---------------------------------------------------------------------------
    def error(self, node: Node | None, message: str, hint: str = "", code: str = "type") -> None:
        self.ctx.error(node or self.node, f"{self.where}: {message}", hint, code, self.body_id)

    def warning(self, node: Node | None, message: str, hint: str = "", code: str = "") -> None:
        self.ctx.warning(node or self.node, f"{self.where}: {message}", hint, code, self.body_id)

    def value_node(self, key: str, required: bool = False) -> Node | None:
        """The value node of `key` (None if absent or refused; reported when required)."""
        entry = self._values.get(key)
        if entry is None:
            if required:
                self.error(None, f"'{key}' is missing", code="missing")
                self.ok = False
            return None
        node = entry[1]
        if id(node) in self.ctx.refused:
            if required:
                self.ok = False
            return None
        return node

    def has(self, key: str) -> bool:
        return key in self._values

    def key_node(self, key: str) -> Node | None:
        """The node of the key itself (for pointing at a misspelt key)."""
        entry = self._values.get(key)
        return entry[0] if entry is not None else None

    # ----- scalars -----------------------------------------------------------------------------
    def text_of(self, node: Node, key: str, required: bool = False) -> str | None:
        """The text of a scalar node, or None after reporting why it is not text."""
        if isinstance(node, ScalarNode):
            if node.tag == STR:
                return str(node.value)
            if node.tag == NULL and not node.style:
                if required:
                    self.error(
                        node,
                        f"{key} is empty ({describe_misread(node)})",
                        "give it a value; if it really is '~' or 'null', put it in quotes",
                        "empty",
                    )
                    return None
                return ""
            if not node.style and node.tag in (BOOL, INT, FLOAT, TIMESTAMP):
                self.error(
                    node,
                    f"{key} must be text, but {describe_misread(node)}",
                    quote_hint(key, node.value),
                    "yaml11",
                )
                return None
            self.error(
                node, f"{key} must be text, not {short_tag(node.tag)}", "remove the tag", "type"
            )
            return None
        self.error(
            node,
            f"{key} must be text, not {_shape(node)}",
            "if the value contains '- ', '[' or ': ', put it all in quotes",
            "type",
        )
        return None

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        entry = self._values.get(key)
        if entry is None and not required:
            return default  # absent: the common case for most optional fields
        if entry is not None:
            node = entry[1]
            # Plain text: a str-tagged scalar is never among the refused nodes.
            if node.__class__ is ScalarNode and node.tag == STR:
                return str(node.value)
        found = self.value_node(key, required)
        if found is None:
            return default
        value = self.text_of(found, key, required)
        if value is None:
            if required:
                self.ok = False
            return default
        return value

    def ident(self, key: str, required: bool = True) -> str:
        """An id: lower-case letters, digits and underscores."""
        value = self.text(key, required)
        if value and not ID.fullmatch(value):
            suggestion = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")[:60] or "body_1"
            self.error(
                self.value_node(key, False),
                f"{key} {value[:60]!r} may use only lower-case letters, digits and _",
                f"for example {suggestion}",
                "bad-id",
            )
            self.ok = False
            return ""
        return value

    def date(self, key: str) -> dt.date | None:
        if key not in self._values:
            return None
        node = self.value_node(key, False)
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag in (TIMESTAMP, STR):
            match = _DATE.fullmatch(node.value.strip())
            if match:
                try:
                    return dt.date(*(int(g) for g in match.groups()))
                except ValueError:
                    self.error(node, f"{key} {node.value} is not a real date", code="bad-date")
                    return None
            if node.tag == TIMESTAMP:
                self.error(
                    node, f"{key} must be a date without a time, like 2025-11-01", code="bad-date"
                )
                return None
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return None
        self.error(
            node, f"{key} must be a date written as YYYY-MM-DD, like 2025-11-01", code="bad-date"
        )
        return None

    def flag(self, key: str, default: bool = False) -> bool:
        if key not in self._values:
            return default
        node = self.value_node(key, False)
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.tag == BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, f"{key} must be true or false", code="type")
        return default

    def number(self, node: Node, key: str, limit: float) -> float | None:
        """A number within ±limit (NaN, infinity or 1e308 would poison layout and exports)."""
        if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT) and len(node.value) < 40:
            try:
                value = float(scalar_value(node))
            except (ValueError, OverflowError, TypeError, YAMLError):
                value = math.nan
            if math.isfinite(value) and abs(value) <= limit:
                return value
            if math.isfinite(value):
                self.error(
                    node,
                    f"{key} {node.value} is out of range (at most ±{limit:,.0f})",
                    "remove the pinned position to let the layout place the body",
                    "range",
                )
                return None
        self.error(node, f"{key} must be a finite number (points), like 120.0", code="type")
        return None

    # ----- collections -------------------------------------------------------------------------
    def seq(self, key: str) -> list[Node]:
        """The items of a list value (an empty value counts as an empty list)."""
        if key not in self._values:
            return []
        node = self.value_node(key, False)
        if node is None:
            return []
        if isinstance(node, SequenceNode):
            return [item for item in node.value if id(item) not in self.ctx.refused]
        if isinstance(node, ScalarNode) and node.tag == NULL:
            return []
        self.error(node, f"{key} must be a list", "write it as [a, b] or as lines starting '- '")
        return []

    def texts(self, key: str) -> tuple[str, ...]:
        if key not in self._values:
            return ()
        values = (self.text_of(item, f"an item of {key}") for item in self.seq(key))
        return tuple(v for v in values if v is not None)

    def mapping(self, key: str, required: bool = False) -> MappingNode | None:
        if not required and key not in self._values:
            return None
        node = self.value_node(key, required)
        if node is None or (isinstance(node, ScalarNode) and node.tag == NULL and not required):
            return None
        if isinstance(node, MappingNode):
            return node
        self.error(node, f"{key} must be a mapping of key: value pairs")
        if required:
            self.ok = False
        return None

    # ----- unknown keys ------------------------------------------------------------------------
    def finish(self, typo_is_error: bool = False) -> dict[str, Any]:
        """Warn about keys this version does not know and return them, in file order.

        With `typo_is_error`, an unknown key that is close to a known key the mapping lacks
        (`bodys:` without `bodies:`) is an error: keeping it as an unknown key would silently
        lose what it holds.
        """
        extra: dict[str, Any] = {}
        for name, (key, value) in self._values.items():
            if name in self.known:
                continue
            ok, data = to_python(value, self.ctx, f"{self.where}: {name}")
            if not ok:
                continue
            extra[name] = data
            close = difflib.get_close_matches(name, list(self.known), n=1, cutoff=0.7)
            if typo_is_error and close and not self.has(close[0]):
                self.error(
                    key,
                    f"unknown section '{name}': did you mean '{close[0]}'?",
                    f"rename it to {close[0]}:",
                    "unknown-section",
                )
                continue
            hint = did_you_mean(name, self.known) or f"known keys: {', '.join(self.known)}"
            self.warning(key, f"unknown key '{name}' (kept as is)", hint, "unknown-key")
        return extra
