"""Problems found in a chart file, reported as `PATH:LINE:COL: error|warning: message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file. Lines and columns are 1-based; 0 means "whole file"."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""
    # The body (or relationship) the problem is about, so the window can select it.
    body_id: str = ""
    # A short stable name for the kind of problem ("duplicate-key", "not-utf8", ...), so tests,
    # the hostile corpus and the window can tell problems apart without parsing the English.
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
