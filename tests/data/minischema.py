"""A small JSON Schema checker for the keywords chart.schema.json uses.

The `jsonschema` package is not a project dependency. So that the data tests still mean
something without it, this checks the subset of draft 2020-12 the chart schema is written in.
It refuses any keyword it does not know, so the schema cannot quietly grow a rule that only
one of the two checkers enforces.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

# Keywords that only describe (for editors such as VS Code) and never constrain.
ANNOTATIONS = frozenset(
    {
        "$schema", "$id", "$comment", "title", "description", "enumDescriptions", "default",
        "examples",
    }
)
ASSERTIONS = frozenset(
    {
        "type", "required", "properties", "additionalProperties", "enum", "const", "pattern",
        "items", "$ref", "format", "$defs",
    }
)

_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


class UnsupportedKeywordError(ValueError):
    """The schema uses a keyword this checker does not implement."""


def iter_errors(instance: Any, schema: dict[str, Any], root: dict[str, Any] | None = None,
                path: str = "$") -> Iterator[str]:
    """Yield one message per rule the instance breaks, each naming where (JSON path)."""
    root = schema if root is None else root
    unknown = set(schema) - ANNOTATIONS - ASSERTIONS
    if unknown:
        raise UnsupportedKeywordError(f"{path}: unsupported schema keywords {sorted(unknown)}")
    if "$ref" in schema:
        yield from iter_errors(instance, _resolve(root, schema["$ref"]), root, path)
    if "type" in schema and not _TYPES[schema["type"]](instance):
        yield f"{path}: expected {schema['type']}, got {type(instance).__name__}"
        return
    if "const" in schema and instance != schema["const"]:
        yield f"{path}: must be {schema['const']!r}"
    if "enum" in schema and instance not in schema["enum"]:
        yield f"{path}: {instance!r} is not one of {schema['enum']}"
    if isinstance(instance, str):
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            yield f"{path}: {instance!r} does not match {schema['pattern']}"
        if schema.get("format") == "date" and not _is_date(instance):
            yield f"{path}: {instance!r} is not a YYYY-MM-DD date"
    if isinstance(instance, dict):
        for key in schema.get("required", ()):
            if key not in instance:
                yield f"{path}: missing required key {key!r}"
        props = schema.get("properties", {})
        for key, value in instance.items():
            if key in props:
                yield from iter_errors(value, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                yield f"{path}: unknown key {key!r}"
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            yield from iter_errors(item, schema["items"], root, f"{path}[{i}]")


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise UnsupportedKeywordError(f"only local $ref is supported, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    resolved: dict[str, Any] = node
    return resolved


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
