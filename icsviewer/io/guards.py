"""Checks on a chart file before the YAML composer builds anything from it.

A chart arrives by email or SharePoint and may be broken or crafted. Three layers run here, each
cheap, so nothing harmful reaches `yaml.compose`:

1. Bytes (`decode_chart_bytes`): a size bound, UTF-16/32 byte-order marks, NUL bytes (binary
   files) and invalid UTF-8, each with a plain message and, where it helps, line:column.
2. Text (`check_text`): control characters YAML forbids, an empty or comment-only file, and a
   fast linear scan for absurd nesting (long runs of `[`/`{`, long `- - -` chains, more than
   MAX_DEPTH block indentation levels). libyaml's composer recurses once per level and its C
   code overflows the stack at about 30,000 levels; its scanner is also quadratic in flow depth.
3. Structure: the exact nesting depth, anchors/aliases, extra documents and the number of
   values (MAX_NODES). The text scan in (2) is deliberately conservative and can be fooled by
   quoting tricks; this layer cannot, because it sees exactly what the composer sees. It has
   two forms, which refuse exactly the same files:
   - the quick one (the reader's normal path): a text search shows the file cannot hold an
     anchor (`may_hold_anchors`), and the composer itself counts values and depth as it goes
     (`io.loader`), stopping at the first one over a limit, so composing stays bounded;
   - the careful one, `check_structure`: libyaml's *parser* is iterative (checked to 100,000
     levels), so walking its event stream finds the first offence without building anything.
     The reader runs it when the quick form is in any doubt, and reports what it finds; the
     messages (and their line:column) come only from here.

Anchors and aliases are refused outright: a chart needs none, and a 342-byte alias bomb names
10^8 nodes that any walk of the tree would visit.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import yaml

from icsviewer.io.problems import Problem

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
# Values (scalars, lists, mappings). The flagship chart has about 4,300, a 2,500-body national
# chart about 46,000 and a 10,000-body one about 184,000; this allows some 30,000 bodies while
# keeping a dense hostile file to a few seconds of reading and a few hundred MB.
MAX_NODES = 600_000

# The C loader is ~10x faster; the pure-Python one gives the same nodes and marks.
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "open it in a text editor and save it with the encoding 'UTF-8'"

# Characters YAML does not allow raw in a stream (escaped forms such as "\x07" are fine).
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_CONTENT = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
# A run of more than MAX_DEPTH opening brackets (possibly spaced): nested flow collections.
_FLOW_RUN = re.compile(rf"[\[{{](?:[ \t]*+[\[{{]){{{MAX_DEPTH},}}")
# A line starting with more than MAX_DEPTH `- ` / `? ` / `: ` indicators: compact block nesting.
_BLOCK_CHAIN = re.compile(rf"^[ \t]*+(?:[-?:][ \t]++){{{MAX_DEPTH + 1},}}", re.MULTILINE)
# The same after a line break: a literal first character lets `re` skip ahead quickly.
_BLOCK_CHAIN_AFTER_BREAK = re.compile(rf"\n[ \t]*+(?:[-?:][ \t]++){{{MAX_DEPTH + 1},}}")
_INDENT = re.compile(r"^( *)[^ \n\r#]", re.MULTILINE)
# Any line indented by at least MAX_DEPTH spaces (only then can there be more than MAX_DEPTH
# distinct indentation widths, which is when `scan_nesting` has to follow them).
_DEEP_INDENT = re.compile(rf"\n {{{MAX_DEPTH},}}[^ \n\r#]")
# An `&` that could start an anchor token: one followed by a name (an anchor needs one, so
# `& ` is never an anchor). The character before it is checked separately (the search for a
# plain `&` is much faster than a look-behind at every position of a large file).
_AMPERSAND = re.compile(r"&(?![ \t\r\n])")
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass
class Decoded:
    """The text of a file, or None with the reasons it could not be read as text."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in `text`."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _unreadable(
    label: str, message: str, hint: str, code: str, line: int = 0, col: int = 0
) -> Decoded:
    return Decoded(None, [Problem(label, line, col, "error", message, hint, code=code)])


def too_big_problem(label: str, size: int) -> Problem:
    return Problem(
        label,
        0,
        0,
        "error",
        f"the file is too large to be a chart ({size / 1_048_576:.1f} MB; "
        f"the limit is {MAX_BYTES // 1_048_576} MB)",
        "a chart of thousands of bodies is well under 1 MB; check this is the right file",
        code="too-big",
    )


def decode_chart_bytes(data: bytes, label: str) -> Decoded:
    """The file's text, or why it is not a UTF-8 text file of sensible size."""
    if len(data) > MAX_BYTES:
        return Decoded(None, [too_big_problem(label, len(data))])
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _unreadable(
                label, f"the file is saved as {name}; save it as UTF-8", _SAVE_AS_UTF8, "not-utf8"
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        # Every other byte NUL in ASCII-ish text is UTF-16 without a byte-order mark.
        sample = data[:200]
        if len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample):
            return _unreadable(
                label,
                "the file looks like UTF-16 text; save it as UTF-8",
                _SAVE_AS_UTF8,
                "not-utf8",
            )
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        return _unreadable(
            label,
            f"the file contains a NUL byte at line {line}, column {col}: it looks like "
            "a binary file, not a chart",
            "a chart is a YAML text file (.yaml)",
            "binary",
            line,
            col,
        )
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = body.count(b"\n", 0, start) + 1
        line_start = body.rfind(b"\n", 0, start) + 1
        col = len(body[line_start:start].decode("utf-8", errors="replace")) + 1
        return _unreadable(
            label,
            f"the file is not UTF-8 text: byte 0x{body[start]:02X} at line {line}, column {col} "
            "is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252)",
            _SAVE_AS_UTF8,
            "not-utf8",
            line,
            col,
        )
    return Decoded(text)


def check_text(text: str, label: str) -> list[Problem]:
    """Problems visible in the text itself, before any YAML parsing; empty when fine."""
    if len(text) > MAX_BYTES:
        return [too_big_problem(label, len(text.encode("utf-8", errors="replace")))]
    bad = _FORBIDDEN_CHAR.search(text)
    if bad:
        line, col = line_col(text, bad.start())
        return [
            Problem(
                label,
                line,
                col,
                "error",
                f"the file contains the control character U+{ord(bad.group()):04X} at line {line}, "
                f"column {col}; YAML does not allow it",
                "remove it; to put such a character in text, write it escaped inside double "
                'quotes, e.g. "\\x07"',
                code="control-char",
            )
        ]
    if not _CONTENT.search(text.lstrip("\ufeff")):
        return [
            Problem(
                label,
                0,
                0,
                "error",
                "the file is empty (it has no content, only blank lines or comments)",
                "start from data/template.yaml",
                code="empty",
            )
        ]
    return scan_nesting(text, label)


def _too_deep(label: str, line: int, col: int, how: str) -> Problem:
    return Problem(
        label,
        line,
        col,
        "error",
        f"the file nests {how} deeper than {MAX_DEPTH} levels; a chart never needs that",
        "this is not a chart file, or it was damaged",
        code="too-deep",
    )


def _adjacent_brackets(text: str) -> bool:
    """Whether some `[` or `{` is followed, after spaces or tabs only, by another: without
    that there is no run of them for `_FLOW_RUN` to find. (A walk over the brackets is much
    quicker than the regular expression over a large file, which has a few per record.)"""
    for opener in "[{":
        index = text.find(opener)
        count = 0
        while index >= 0:
            after = index + 1
            while text[after : after + 1] in (" ", "\t"):
                after += 1
            count += 1
            if text[after : after + 1] in ("[", "{") or count > 10_000:
                return True  # (or so many brackets that the expression is as quick)
            index = text.find(opener, index + 1)
    return False


def scan_nesting(text: str, label: str) -> list[Problem]:
    """A fast, linear, conservative look for nesting deeper than MAX_DEPTH."""
    run = _FLOW_RUN.search(text) if _adjacent_brackets(text) else None
    if run:
        return [_too_deep(label, *line_col(text, run.start()), "brackets [ {")]
    chain = _BLOCK_CHAIN.match(text)
    start = 0
    if chain is None:
        chain = _BLOCK_CHAIN_AFTER_BREAK.search(text)
        start = 1  # the line starts after the break
    if chain:
        return [_too_deep(label, *line_col(text, chain.start() + start), "lists or keys")]
    if not text.startswith(" " * MAX_DEPTH) and not _DEEP_INDENT.search(text):
        return []  # at most MAX_DEPTH distinct widths (0 to MAX_DEPTH - 1): see below
    indents = _INDENT.findall(text)
    if len(set(indents)) <= MAX_DEPTH:
        return []  # the stack of open indentation levels can never exceed the distinct widths
    stack: list[int] = []
    for match in _INDENT.finditer(text):
        width = len(match.group(1))
        while stack and stack[-1] >= width:
            stack.pop()
        stack.append(width)
        if len(stack) > MAX_DEPTH:
            return [_too_deep(label, *line_col(text, match.end() - 1), "indentation levels")]
    return []


def may_hold_anchors(text: str) -> bool:
    """False only when the file certainly holds no YAML anchor, and so no alias either (an
    alias must name an anchor defined before it, or libyaml refuses the file).

    libyaml starts an anchor token only where a token can start, and a token never starts
    straight after a letter or digit: such an `&` is inside a plain scalar (`R&D`) or a tag, or
    the file has a syntax error (which the careful path then reports). Quoted text such as
    "a &b" is a false alarm; it only sends the file down the careful path.
    """
    for match in _AMPERSAND.finditer(text):
        start = match.start()
        if start == 0 or text[start - 1] not in _WORD_CHARS:
            return True
    return False


def _mark_of(event: yaml.Event | yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = event.problem_mark if isinstance(event, yaml.MarkedYAMLError) else event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def check_structure(text: str, label: str) -> list[Problem]:
    """Walk libyaml's event stream: exact depth, size in nodes, anchors/aliases, extra
    documents, syntax. Stops at the first offence, so a hostile file costs little."""
    depth = nodes = documents = 0
    # type() identity instead of isinstance: this loop runs once per value in the file.
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        for event in yaml.parse(text, Loader=LOADER):
            kind = type(event)
            if kind is scalar or kind in starts:
                nodes += 1
                anchor = getattr(event, "anchor", None)
                if anchor:
                    return [_anchor_problem(label, event, f"the anchor &{anchor}")]
                if nodes > MAX_NODES:
                    return [_too_many_nodes(label, event)]
                if kind is not scalar:
                    depth += 1
                    if depth > MAX_DEPTH:
                        return [_too_deep(label, *_mark_of(event), "lists or mappings")]
            elif kind in ends:
                depth -= 1
            elif kind is alias:
                return [_anchor_problem(label, event, f"the alias *{getattr(event, 'anchor', '')}")]
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return [_several_documents(label, *_mark_of(event))]
    except yaml.MarkedYAMLError as exc:
        if "<document start>" in str(exc.problem):
            # Content after a `...` end marker: a second document without its `---`.
            return [_several_documents(label, *_mark_of(exc))]
        return [syntax_problem(label, exc, text)]
    return []


def _too_many_nodes(label: str, event: yaml.Event) -> Problem:
    return Problem(
        label,
        *_mark_of(event),
        "error",
        f"the file holds more than {MAX_NODES:,} values; a chart never needs that many "
        "(one ICS has a few thousand, the national picture of all 42 under 50,000)",
        "this is not a chart file, or it was generated by mistake",
        code="too-many-values",
    )


def _several_documents(label: str, line: int, col: int) -> Problem:
    return Problem(
        label,
        line,
        col,
        "error",
        "the file holds more than one YAML document (a second one starts here)",
        "a chart file holds one chart: remove the '---' or '...' line and what follows, "
        "or split the file",
        code="several-documents",
    )


def _anchor_problem(label: str, event: yaml.Event, what: str) -> Problem:
    return Problem(
        label,
        *_mark_of(event),
        "error",
        f"{what} is not allowed: chart files do not use YAML anchors (&) or aliases (*)",
        "write the value out in full; if this is text, put it in quotes",
        code="alias",
    )


_SYNTAX_HINTS = (
    ("could not find expected ':'", "", "check the indentation, and that each key ends with ':'"),
    ("mapping values are not allowed", "", "text containing ': ' must be put in quotes"),
    ("found unexpected end of stream", "", "a quote or bracket is never closed"),
    ("did not find expected ',' or ']'", "", "a '[' is never closed, or an item lacks a comma"),
    ("did not find expected ',' or '}'", "", "a '{' is never closed, or an item lacks a comma"),
)


def _char_at(text: str, line: int, column: int) -> str:
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column : start + column + 1]


def syntax_problem(label: str, exc: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """One Problem for a YAML syntax error, at the place libyaml noticed it."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return Problem(
            label,
            line,
            col,
            "error",
            "YAML syntax error: a tab is used to indent",
            "indent with spaces, not tabs",
            code="syntax",
        )
    problem = (exc.problem or "the YAML is not well formed").strip()
    message = f"YAML syntax error: {problem}"
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        message += f" ({exc.context.strip()} at line {exc.context_mark.line + 1})"
    hint = next(
        (h for needle, extra, h in _SYNTAX_HINTS if needle in problem and extra in problem), ""
    )
    return Problem(label, line, col, "error", message, hint, code="syntax")
