"""The safe YAML loader the reader composes with: bounded while it runs, quick at resolving.

`bounded_loader(base)` gives a subclass of a safe loader (libyaml's `CSafeLoader` or the pure
Python `SafeLoader`) that

- counts every node as the composer enters it, and stops the composer (`OverLimitError`) once the
  file holds more than MAX_NODES values or nests deeper than MAX_DEPTH + 1. The composer calls
  `descend_resolver` before it recurses into a node, so a hostile file can make it neither
  recurse deep enough to exhaust the C stack nor build more than MAX_NODES nodes in memory.
  Aliases are never entered (the composer hands back the anchored node), so they are not
  counted: the reader refuses anchors before composing (`guards.may_hold_anchors`);
- resolves plain scalars (text, numbers, dates, yes/no) with the same rules as PyYAML's
  `Resolver.resolve`, but from a table built once, with a cache of values already seen: chart
  files repeat a few thousand distinct values many times (kinds, dates, role names), and
  PyYAML's own resolver was a fifth of the time to compose a 10,000-body chart.

Nothing here constructs Python objects from the file; the reader only composes nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from icsviewer.io import guards

# Distinct plain values remembered per file; past this, values are resolved without the cache.
_CACHE_LIMIT = 50_000
_CACHE_VALUE_LENGTH = 80


class OverLimitError(Exception):
    """The composer was stopped: the file holds too many values or nests too deep."""


class BoundedLoader(Protocol):
    """What the reader uses of a bounded loader."""

    nodes: int  # values entered so far
    max_nodes: int
    max_depth: int  # deepest nesting allowed, the innermost value included

    def get_single_node(self) -> Node | None: ...

    def dispose(self) -> None: ...


_LOADERS: dict[type, Callable[[str], BoundedLoader]] = {}


def bounded_loader(base: type[yaml.SafeLoader]) -> Callable[[str], BoundedLoader]:
    """A subclass of `base` that counts nodes, bounds depth and resolves quickly (cached)."""
    loader = _LOADERS.get(base)
    if loader is None:
        loader = cast(Callable[[str], BoundedLoader], _make_loader(base))
        _LOADERS[base] = loader
    return loader


def _make_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    # First character -> the implicit resolvers PyYAML tries for a plain scalar, in its order,
    # with the wildcard resolvers (none in the safe loaders) after them, as `resolve` does.
    resolvers: dict[Any, list[tuple[str, Any]]] = base.yaml_implicit_resolvers
    wildcard = list(resolvers.get(None, []))
    table = {key: list(found) + wildcard for key, found in resolvers.items() if key is not None}
    # For any other first character: the wildcards, or None when there are none (plain text).
    others = wildcard or None
    str_tag = base.DEFAULT_SCALAR_TAG
    seq_tag = base.DEFAULT_SEQUENCE_TAG
    map_tag = base.DEFAULT_MAPPING_TAG
    if base.yaml_path_resolvers:
        # Path resolvers change tags by position in the tree; the safe loaders have none, and
        # the reader must not quietly resolve differently if someone registered one.
        raise TypeError(f"{base.__name__} has path resolvers; the bounded loader cannot use it")

    class Bounded(base):  # type: ignore[valid-type,misc]
        """`base`, counting nodes and depth as it composes, with a table-driven resolver."""

        nodes: int  # values entered so far
        depth: int  # current nesting, the node being composed included
        max_nodes: int
        max_depth: int

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.nodes = 0
            self.depth = 0
            # Read here, not imported: tests (and callers) may change the guards' limits.
            self.max_nodes = guards.MAX_NODES
            self.max_depth = guards.MAX_DEPTH + 1  # a scalar inside MAX_DEPTH collections
            self._plain: dict[str, str] = {}

        # These three run once per value in the file, so they are kept lean.
        def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
            depth = self.depth = self.depth + 1
            if depth > self.max_depth:
                raise OverLimitError("too deep")
            nodes = self.nodes = self.nodes + 1
            if nodes > self.max_nodes:
                raise OverLimitError("too many values")

        def ascend_resolver(self) -> None:
            self.depth -= 1

        def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
            if kind is ScalarNode:
                if not implicit[0]:
                    return str_tag  # quoted, or a block scalar
                resolvers = table.get(value[:1], others)
                if resolvers is None:
                    return str_tag  # most text: no implicit type starts with its first letter
                tag = self._plain.get(value)
                return tag if tag is not None else self._resolve_plain(value, resolvers)
            if kind is SequenceNode:
                return seq_tag
            if kind is MappingNode:
                return map_tag
            return str_tag

        def _resolve_plain(self, value: str, resolvers: list[tuple[str, Any]]) -> str:
            """What PyYAML's `Resolver.resolve` gives an unquoted scalar, remembered."""
            tag = str_tag
            for candidate, regexp in resolvers:
                if regexp.match(value):
                    tag = candidate
                    break
            if len(value) <= _CACHE_VALUE_LENGTH and len(self._plain) < _CACHE_LIMIT:
                self._plain[value] = tag
            return tag

    Bounded.__name__ = Bounded.__qualname__ = f"Bounded{base.__name__}"
    return Bounded
