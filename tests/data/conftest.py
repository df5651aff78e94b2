"""Shared fixtures for the data-file tests: the two bundled charts and the JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "data" / "cheshire_and_merseyside.yaml"
TEMPLATE = ROOT / "data" / "template.yaml"
SCHEMA = ROOT / "resources" / "schema" / "chart.schema.json"
DATA_FILES = (FLAGSHIP, TEMPLATE)


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def as_json(value: Any) -> Any:
    """The document as an editor's YAML 1.2 reader sees it: dates become YYYY-MM-DD text."""

    def default(obj: object) -> str:
        if isinstance(obj, dt.date):
            return obj.isoformat()
        raise TypeError(f"not JSON-compatible: {obj!r}")

    return json.loads(json.dumps(value, default=default))


@pytest.fixture(scope="session")
def schema() -> dict[str, Any]:
    with SCHEMA.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


@pytest.fixture(scope="session")
def flagship() -> dict[str, Any]:
    doc: dict[str, Any] = load_yaml(FLAGSHIP)
    return doc


@pytest.fixture(scope="session")
def template() -> dict[str, Any]:
    doc: dict[str, Any] = load_yaml(TEMPLATE)
    return doc
