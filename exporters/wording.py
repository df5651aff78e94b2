"""Small pieces of British-English wording shared by the exporters (dates, lists, kinds).

Returns plain text; callers escape it for their format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icsviewer.model.chart import Chart, ChartMeta
from icsviewer.model.kinds import body_kind

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(day: dt.date | None) -> str:
    """'1 November 2025' (en-GB, no leading zero), or '' for no date."""
    if day is None:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' (no Oxford comma, as GOV.UK style has it)."""
    items = [n for n in names if n]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


# Names quoted in running text (sentences, cross-references) are cut to this length, so a
# 100,000-character name cannot turn every sentence that mentions it into pages of text.
MAX_NAME = 300


def shorten(text: str, limit: int = MAX_NAME) -> str:
    """The text, cut at `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def body_name(chart: Chart, body_id: str) -> str:
    """The body's name (cut to MAX_NAME), or its id if there is no such body (dangling)."""
    if chart.has_body(body_id):
        body = chart.body(body_id)
        return shorten(body.name.strip() or body.id)
    return shorten(body_id)


def kind_name(kind: str) -> str:
    """The display name of a body kind ('Integrated care board')."""
    return body_kind(kind).display_name


def footer_facts(meta: ChartMeta, source_name: str) -> list[str]:
    """The facts printed in a footer: version, as-at date, source file name (those present)."""
    facts = []
    if meta.version.strip():
        facts.append(f"Version {meta.version.strip()}")
    if meta.as_at is not None:
        facts.append(f"As at {format_date(meta.as_at)}")
    if source_name:
        facts.append(f"Source: {source_name}")
    return facts


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 body', '3 bodies'."""
    word = noun if count == 1 else (plural_form or noun + "s")
    return f"{count} {word}"
