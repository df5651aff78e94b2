"""Shared pieces for writing the hostile corpus: the case list and small chart helpers.

`build_corpus.py` and `build_corpus_text.py` add cases with `case(...)`; `build_corpus.py` then
writes them all into `cases/`.
"""

from __future__ import annotations

from typing import Any

from corpus import base_chart, to_yaml

ERROR = "error"
LOADS = "loads"
# Exit codes of `icsviewer validate`: 0 valid, 1 the file has errors, 2 it cannot be read.
# Where either 1 or 2 is a fair reading of "cannot be read at all" both are allowed.
EITHER = [1, 2]
# `validate` documents 2 for files it cannot read as text at all: not UTF-8, binary, too big.
UNREADABLE = 2

CASE_LIST: list[tuple[str, bytes | None, dict[str, Any]]] = []


def case(name: str, data: bytes | str | None, **expect: Any) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    CASE_LIST.append((name, raw, expect))


def chart_text(chart: dict[str, Any]) -> str:
    return str(to_yaml(chart))


def body_chart(**fields: Any) -> dict[str, Any]:
    """The base chart with extra fields set on the ICB (the body most exporters show)."""
    chart: dict[str, Any] = base_chart()
    icb: dict[str, Any] = chart["bodies"][1]
    icb.update(fields)
    return chart
