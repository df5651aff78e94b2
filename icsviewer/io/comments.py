"""Keep a file's own comment lines through load and save.

YAML parsers drop comments, yet people write them (the template is mostly comments, and a
chart's author notes why a fact is uncertain). The reader collects every full-line comment
and ties it to the next thing in the file that the writer will write again: a top-level
section, a record (by its id, so the comment follows the record when others are added or
removed), a key of a record, or a key of `chart:`. The writer puts each block back, indented
like the line it belongs to. A comment at the end of such a line (`format: 1  # note`) goes
back at the end of it, at the same column where possible; one beside something the writer
does not write on a line of its own (an item of a list) becomes a comment line before the
next key. Comments about a record that is deleted go with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from icsviewer.io.guards import LOADER
from icsviewer.model.chart import Chart

Path = tuple[str, ...]
Comments = dict[Path, list[str]]
# How a record's id is found: by where it started (reading) or in chart order (writing).
IdSource = Iterator[str] | dict[tuple[int, int], str]
END: Path = ("<end>",)
# A comment at the end of a line is stored under (*path, EOL) as [column, text].
EOL = "<eol>"
RECORD_SECTIONS = ("bodies", "relationships", "groups", "tours")

_COMMENT_LINE = re.compile(r"^[ \t]*(#.*?)[ \t\r]*$")
_TRAILING = re.compile(r"[ \t](#.*?)[ \t\r]*$")


def _record_ids(chart: Chart, section: str) -> list[str]:
    records: Sequence[object] = getattr(chart, section)
    return [str(getattr(r, "id", "")) for r in records]


def _anchors(root: MappingNode, ids_for: dict[str, IdSource]) -> Iterator[tuple[int, Path]]:
    """(0-based line, path) of every place a comment can belong to, in the given tree."""
    for key, value in root.value:
        if not isinstance(key, ScalarNode):
            continue
        section = str(key.value)
        yield key.start_mark.line, (section,)
        if section == "chart":
            yield from _nested(value, ("chart",))
        elif section in RECORD_SECTIONS and isinstance(value, SequenceNode):
            source = ids_for.get(section)
            for item in value.value:
                record_id = _id_of(item, source)
                if record_id is None:
                    continue
                path = (section, record_id)
                yield item.start_mark.line, path
                yield from _nested(item, path)


def _id_of(item: Node, source: IdSource | None) -> str | None:
    if isinstance(source, dict):  # reading: records found by where they started
        return source.get((item.start_mark.line + 1, item.start_mark.column + 1))
    if source is not None:  # writing: records come out in chart order
        return next(source, None)
    return None


def _nested(node: Node, path: Path) -> Iterator[tuple[int, Path]]:
    """Anchors inside a record: each key, and each item of a list (by position)."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                inner = (*path, str(key.value))
                yield key.start_mark.line, inner
                yield from _nested(value, inner)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            inner = (*path, str(index))
            yield item.start_mark.line, inner
            yield from _nested(item, inner)


def _scan_scalars(root: Node, lines: list[str]) -> tuple[set[int], dict[int, int]]:
    """Lines within multi-line text (a `|` block may hold lines starting with #), and for
    each line the column where its last text ends (a # after that starts a comment)."""
    inside: set[int] = set()
    text_end: dict[int, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            first, last = node.start_mark.line, node.end_mark.line
            if last > first:
                end = last
                if node.style in ("|", ">") and not node.value.endswith("\n\n"):
                    # Blank lines after a block of text belong to it only when it keeps
                    # them (`|+`); otherwise they separate it from what follows.
                    while end - 1 > first and not lines[end - 1].strip():
                        end -= 1
                inside.update(range(first + 1, end))
                # A block scalar ends at the start of the next line (its indentation); a
                # quoted or plain one ends after text on its last line, which is then inside.
                tail = lines[last][: node.end_mark.column] if last < len(lines) else ""
                if tail.strip():
                    inside.add(last)
            else:
                text_end[last] = max(text_end.get(last, 0), node.end_mark.column)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(v for pair in node.value for v in pair)
    return inside, text_end


def collect_comments(text: str, root: Node, chart: Chart) -> Comments:
    """The full-line comments of `text`, each block tied to what follows it."""
    if "#" not in text or not isinstance(root, MappingNode):
        return {}
    ids_for: dict[str, IdSource] = {}
    for section in RECORD_SECTIONS:
        records: Sequence[object] = getattr(chart, section)
        ids_for[section] = {
            (o.line, o.column): str(getattr(r, "id", ""))
            for r in records
            if (o := getattr(r, "origin", None)) is not None
        }
    owner_of_line: dict[int, Path] = {}
    for anchor_line, path in _anchors(root, ids_for):
        owner_of_line.setdefault(anchor_line, path)
    lines = text.splitlines()
    inside_text, text_end = _scan_scalars(root, lines)
    comments: Comments = {}
    pending: list[str] = []
    blank_before = False  # a blank line before a comment is kept with it ("" in the block)
    for number, content in enumerate(lines):
        if number in inside_text:
            blank_before = False
            continue
        match = _COMMENT_LINE.match(content)
        if match:
            if blank_before and number > 0:
                pending.append("")
            pending.append(match.group(1))
            blank_before = False
            continue
        if not content.strip():
            blank_before = True
            continue
        blank_before = False
        trailing = _TRAILING.search(content, text_end.get(number, 0))
        if trailing and number in owner_of_line:
            eol = (*owner_of_line[number], EOL)
            comments[eol] = [str(trailing.start(1)), trailing.group(1)]
        elif trailing:  # not beside anything the writer writes alone: keep it as a line
            pending.append(trailing.group(1))
        if pending and number in owner_of_line:
            comments.setdefault(owner_of_line[number], []).extend(pending)
            pending = []
    if pending:
        comments.setdefault(END, []).extend(pending)
    return comments


def insert_comments(text: str, comments: Comments, chart: Chart) -> str:
    """`text` (the writer's output for `chart`) with the comment blocks put back."""
    if not comments:
        return text
    root = yaml.compose(text, Loader=LOADER)
    if not isinstance(root, MappingNode):
        return text
    ids_for: dict[str, IdSource] = {
        section: iter(_record_ids(chart, section)) for section in RECORD_SECTIONS
    }
    lines = text.splitlines(keepends=True)
    before: dict[int, list[str]] = {}
    seen: set[int] = set()
    for anchor_line, path in _anchors(root, ids_for):
        if anchor_line in seen:  # a record and its first key share a line; the record owns it
            continue
        seen.add(anchor_line)
        content = lines[anchor_line]
        block = comments.get(path)
        if block:
            indent = len(content) - len(content.lstrip(" "))
            before[anchor_line] = [(" " * indent + c if c else "") + "\n" for c in block]
        eol = comments.get((*path, EOL))
        if eol and len(eol) == 2 and eol[0].isdigit():
            body = content.rstrip("\n")
            lines[anchor_line] = body.ljust(int(eol[0]) - 1) + " " + eol[1] + "\n"
    out: list[str] = []
    for number, content in enumerate(lines):
        out.extend(before.get(number, ()))
        out.append(content)
    out.extend(c + "\n" for c in comments.get(END, ()))
    return "".join(out)
