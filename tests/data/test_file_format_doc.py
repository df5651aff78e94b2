"""docs/FILE_FORMAT.md stays true: its complete example is a valid chart and it lists every
kind in the registry and every key the schema allows."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS
from tests.data.conftest import ROOT, as_json
from tests.data.minischema import iter_errors

DOC = ROOT / "docs" / "FILE_FORMAT.md"


@pytest.fixture(scope="module")
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def _complete_example(text: str) -> dict[str, Any]:
    section = text.split("## A complete example", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block, "no yaml block under 'A complete example'"
    loaded: dict[str, Any] = yaml.safe_load(block.group(1))
    return loaded


def test_complete_example_follows_the_schema(doc_text: str, schema: dict[str, Any]) -> None:
    example = as_json(_complete_example(doc_text))
    assert list(iter_errors(example, schema)) == []


def test_complete_example_uses_every_field(doc_text: str, schema: dict[str, Any]) -> None:
    example = _complete_example(doc_text)
    used: dict[str, set[str]] = {"chart": set(example["chart"])}
    used["body"] = set().union(*(b.keys() for b in example["bodies"]))
    used["relationship"] = set().union(*(r.keys() for r in example["relationships"]))
    used["group"] = set().union(*(g.keys() for g in example["groups"]))
    used["tour"] = set().union(*(t.keys() for t in example["tours"]))
    for name, keys in used.items():
        assert keys == set(schema["$defs"][name]["properties"]), name


def test_every_kind_is_documented(doc_text: str) -> None:
    missing = [k for k in (*BODY_KINDS, *RELATION_KINDS) if f"| `{k}` |" not in doc_text]
    assert missing == []


@pytest.mark.skipif(
    importlib.util.find_spec("icsviewer.io.reader") is None, reason="reader not written yet"
)
def test_complete_example_reads_without_problems(doc_text: str, tmp_path: Path) -> None:
    from icsviewer.io.reader import load_chart

    block = re.search(r"```yaml\n(.*?)```", doc_text.split("## A complete example", 1)[1],
                      re.DOTALL)
    assert block
    path = tmp_path / "example.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    result = load_chart(path)
    assert result.chart is not None
    # Not even warnings: the example is what people copy.
    assert [str(p) for p in result.problems] == []
