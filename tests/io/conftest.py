"""Helpers for the reading and writing tests: a small valid chart and a file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from icsviewer.io.problems import Problem

VALID = """\
format: 1
chart:
  title: Test chart
bodies:
  - id: nhse
    name: NHS England
    kind: national_body
  - id: test_icb
    name: Test ICB
    kind: icb
relationships:
  - from: test_icb
    to: nhse
    kind: accountable_to
"""


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str | bytes, str], Path]:
    """Write text (UTF-8) or bytes to a file in the test's folder and return its path."""

    def _write(content: str | bytes, name: str = "chart.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def only_error(problems: list[Problem]) -> Problem:
    """The single error among `problems` (fails the test when there are more or none)."""
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, [str(p) for p in problems]
    return errors[0]


def errors_with(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.is_error and p.code == code]
