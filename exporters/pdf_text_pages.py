"""Put the text pages' items into columns and pages: where every line goes, before drawing.

Knowing every page in advance gives "Page X of Y" without holding pages back, and keeps the
rules platypus applied: space before an item is dropped at the top of a column; a `Keep` group
(a heading with its first entry, an entry's name, kind and description) moves to the next
column when it would not fit in what is left of this one but fits in a fresh one; a heading or
list label (`keep_with_next`) travels with what follows; a paragraph does not leave a single
line at the foot of a column; a table repeats its header row after a column break.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from exporters.pdf_textflow import (
    Bookmark,
    Item,
    Keep,
    Line,
    Measure,
    PageBreak,
    Para,
    Table,
    lines_of,
    rows_of,
)


@dataclass(frozen=True)
class Column:
    """A text column on every text page: left edge and width; top and bottom (y up)."""

    x: float
    width: float
    top: float
    bottom: float


@dataclass
class TextPage:
    """One text page: lines at their (x, top) and bookmarks at their (x, top), in order."""

    lines: list[tuple[float, float, Line]] = field(default_factory=list)
    bookmarks: list[tuple[float, float, Bookmark]] = field(default_factory=list)


@dataclass
class _Block:
    """One paragraph or table, broken into lines for the column width."""

    lines: list[Line]
    space_before: float
    space_after: float
    bookmark: Bookmark | None
    is_table: bool

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines)


def _groups(items: Iterable[Item]) -> list[list[Para | Table] | None]:
    """Items as keep-together groups (None is a page break); `keep_with_next` joins a
    paragraph to the group after it."""
    groups: list[list[Para | Table] | None] = []
    carry: list[Para | Table] = []
    for item in items:
        if isinstance(item, PageBreak):
            if carry:
                groups.append(carry)
                carry = []
            groups.append(None)
            continue
        members = item.items if isinstance(item, Keep) else [item]
        carry = carry + list(members)
        last = carry[-1] if carry else None
        if isinstance(last, Para) and last.style.keep_with_next:
            continue
        groups.append(carry)
        carry = []
    if carry:
        groups.append(carry)
    return groups


class Paginator:
    """Flows items down the columns of as many pages as they need."""

    def __init__(self, columns: Sequence[Column], measure: Measure) -> None:
        self.columns = columns
        self.measure = measure
        self.pages: list[TextPage] = [TextPage()]
        self.column = 0
        self.y = columns[0].top
        self.at_top = True

    def _col(self) -> Column:
        return self.columns[self.column]

    def _room(self) -> float:
        return self.y - self._col().bottom

    def next_column(self) -> None:
        self.column += 1
        if self.column >= len(self.columns):
            self.new_page()
            return
        self.y = self._col().top
        self.at_top = True

    def new_page(self) -> None:
        if self.at_top and self.column == 0 and not self.pages[-1].lines:
            return  # already on a fresh page
        self.pages.append(TextPage())
        self.column = 0
        self.y = self.columns[0].top
        self.at_top = True

    def _block(self, item: Para | Table) -> _Block:
        width = self.columns[0].width
        if isinstance(item, Table):
            return _Block(rows_of(item, width, self.measure), 0.0, 0.0, None, True)
        style = item.style
        return _Block(
            lines_of(item, width, self.measure),
            style.space_before,
            style.space_after,
            item.bookmark,
            False,
        )

    def add(self, items: Iterable[Item]) -> list[TextPage]:
        """Place the items after what is already placed; returns all pages so far."""
        for group in _groups(items):
            if group is None:
                self.new_page()
                continue
            blocks = [self._block(item) for item in group]
            if not self.at_top:  # (at the top of a column, a group starts where it is)
                height = sum(b.height + b.space_before + b.space_after for b in blocks)
                height -= blocks[0].space_before + blocks[-1].space_after
                column_height = self._col().top - self._col().bottom
                if height > self._room() and height <= column_height:
                    self.next_column()
            for block in blocks:
                self._place(block)
        return self.pages

    def _place(self, block: _Block) -> None:
        if not self.at_top:
            self.y -= block.space_before
        # No single first line at the foot of a column (unless the paragraph is one line).
        if not self.at_top and not block.is_table:
            first_two = sum(line.height for line in block.lines[:2])
            if first_two > self._room():
                self.next_column()
        # Only tables have header rows to repeat.
        header = [line for line in block.lines if line.repeat] if block.is_table else []
        for n, line in enumerate(block.lines):
            if not self.at_top and line.height > self._room():
                self.next_column()
                if not line.repeat:
                    for head in header:
                        self._put(head)
            if n == 0 and block.bookmark is not None:
                top = min(self.y + (0.0 if self.at_top else block.space_before), self._col().top)
                self.pages[-1].bookmarks.append((self._col().x, top, block.bookmark))
            self._put(line)
        self.y -= block.space_after

    def _put(self, line: Line) -> None:
        self.pages[-1].lines.append((self._col().x, self.y, line))
        self.y -= line.height
        self.at_top = False
