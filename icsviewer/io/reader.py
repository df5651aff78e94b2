"""Read a chart file into a `Chart`, with every problem as `PATH:LINE:COL: error|warning: ...`.

    result = load_chart("data/cheshire_and_merseyside.yaml")
    if result.chart is not None: ...       # what can be shown, bad records left out
    for problem in result.problems: ...    # errors and warnings, in file order

The path through here: raw bytes are checked (`guards`), the text is scanned, and the file is
composed into nodes with the safe loader, which stops at the first value over the guards'
limits. When the quick path has any doubt (a possible anchor, a limit reached, a syntax
error, a second document), libyaml's event stream is walked as well, and its exact finding is
what the user sees. Records are built from the nodes (`records`), then checked against each
other (`references`) and against what an ICS needs (`domain_checks`).
`load_chart` never raises: whatever goes wrong becomes a Problem.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from icsviewer.gc_pause import paused_gc
from icsviewer.io import guards, references, schema
from icsviewer.io.comments import Comments, collect_comments
from icsviewer.io.domain_checks import validate_chart
from icsviewer.io.fields import Fields
from icsviewer.io.problems import Problem, has_errors
from icsviewer.io.records import build_body, build_group, build_meta, build_relationship, build_tour
from icsviewer.io.yaml_tree import INT, Context, check_tree, compose
from icsviewer.model.chart import (
    FORMAT_VERSION,
    Body,
    Chart,
    ChartMeta,
    Group,
    Relationship,
    Tour,
)

R = TypeVar("R")


@dataclass
class LoadResult:
    """What reading a file gave: the chart (None when nothing could be shown) and problems.

    `readable` is False when the file could not be read as text at all (missing, a folder, no
    permission, not UTF-8, too big): the command line exits 2 for those, 1 for other errors.
    """

    chart: Chart | None
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True
    # The file's full-line comments, for `dump_chart(chart, comments=...)` to put back.
    comments: Comments = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.chart is not None and not has_errors(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def _fail(
    label: str, message: str, hint: str = "", code: str = "", readable: bool = True
) -> LoadResult:
    return LoadResult(None, [Problem(label, 0, 0, "error", message, hint, code=code)], readable)


def _read_error(label: str, exc: OSError) -> LoadResult:
    reasons = {
        errno.ENOENT: ("there is no such file", "check the name and folder", "not-found"),
        errno.EISDIR: (
            "this is a folder, not a chart file",
            "give the path of a .yaml file",
            "folder",
        ),
        errno.EACCES: ("you do not have permission to read this file", "", "permission"),
        errno.EPERM: ("you do not have permission to read this file", "", "permission"),
    }
    message, hint, code = reasons.get(
        exc.errno or 0, (f"the file cannot be read ({exc.strerror or exc})", "", "unreadable")
    )
    return _fail(label, message, hint, code, readable=False)


def load_chart(path: str | os.PathLike[str], *, domain_checks: bool = True) -> LoadResult:
    """Read, check and build the chart in `path`. Never raises."""
    text = read_chart_text(path)
    if isinstance(text, LoadResult):
        return text
    return parse_chart_text(text, os.fspath(path), domain_checks=domain_checks)


def read_chart_text(path: str | os.PathLike[str]) -> str | LoadResult:
    """The text of the chart file at `path`, or why it cannot be read as one (never raises).

    The first step of `load_chart`, for readers that parse the text their own way
    (`split_read`)."""
    label = os.fspath(path)
    try:
        file = Path(path)
        if file.is_dir():
            return _read_error(label, IsADirectoryError(errno.EISDIR, "is a directory"))
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            # A pipe or device could block forever or never end.
            return _fail(
                label,
                "this is not a regular file",
                "give the path of a .yaml file",
                "not-a-file",
                readable=False,
            )
        size = info.st_size
        if size > guards.MAX_BYTES:
            return LoadResult(None, [guards.too_big_problem(label, size)], readable=False)
        with file.open("rb") as stream:
            # Read one byte past the limit: a file that grew since stat() is still refused.
            data = stream.read(guards.MAX_BYTES + 1)
    except OSError as exc:
        return _read_error(label, exc)
    except (ValueError, MemoryError) as exc:  # e.g. an embedded NUL in the path
        return _fail(label, f"the file cannot be read ({exc})", code="unreadable", readable=False)
    decoded = guards.decode_chart_bytes(data, label)
    if decoded.text is None:
        return LoadResult(None, decoded.problems, readable=False)
    return decoded.text


def parse_chart_text(
    text: str, path_label: str = "<text>", *, domain_checks: bool = True
) -> LoadResult:
    """Check and build a chart from its text (`path_label` names it in messages). Never raises."""
    try:
        # Reading builds a few hundred thousand small objects that live until the end and
        # form no cycles: without the pause the collector was over half of a big read.
        with paused_gc():
            return _parse(text, path_label, domain_checks)
    except (RecursionError, MemoryError) as exc:
        what = "too deeply nested" if isinstance(exc, RecursionError) else "too large to read"
        return _fail(path_label, f"the file is {what}", code="too-deep")
    except yaml.MarkedYAMLError as exc:
        return LoadResult(None, [guards.syntax_problem(path_label, exc)])
    except (yaml.YAMLError, UnicodeError, ValueError, TypeError, OverflowError) as exc:
        return _fail(path_label, f"the file cannot be read as a chart ({exc})", code="syntax")
    except Exception as exc:
        return _fail(
            path_label,
            f"internal error while reading the file ({type(exc).__name__}: "
            f"{exc}); please report it",
            code="internal",
        )


def _quick_tree(text: str, label: str) -> tuple[Node | None, Context] | None:
    """The checked node tree when the file is certainly within the structural limits (no
    anchor, values and depth under the bounds, one well-formed document); None otherwise."""
    if guards.may_hold_anchors(text):
        return None
    try:
        root, nodes = compose(text, strict_depth=True)
    except Exception:
        # A limit, a syntax error, a second document, ...: the careful path finds it again and
        # reports it exactly as it always has.
        return None
    ctx = Context(label)
    # Visiting more nodes than were built means one is reached twice: an alias. The anchor
    # search rules that out, but a bomb must never get a full walk whatever happens.
    if root is not None and check_tree(root, ctx, nodes) > nodes:
        return None
    return root, ctx


def _composed(text: str, label: str) -> tuple[Node | None, Context] | list[Problem]:
    """The file's checked node tree (None when it holds no document) with the problems
    `check_tree` found in it, or the structural problems that keep it from being read."""
    quick = _quick_tree(text, label)
    if quick is not None:
        return quick
    problems = guards.check_structure(text, label)
    if problems:
        return problems
    root, _ = compose(text)
    ctx = Context(label)
    if root is not None:
        check_tree(root, ctx)
    return root, ctx


def _parse(text: str, label: str, domain_checks: bool) -> LoadResult:
    problems = guards.check_text(text, label)
    if problems:
        return LoadResult(None, problems)
    composed = _composed(text, label)
    if isinstance(composed, list):
        return LoadResult(None, composed)
    root, ctx = composed
    if root is None or (isinstance(root, ScalarNode) and root.tag.endswith(":null")):
        return _fail(
            label, "the file is empty (it holds no chart)", "start from data/template.yaml", "empty"
        )
    if not isinstance(root, MappingNode):
        what = "a list" if isinstance(root, SequenceNode) else "a single value (text or a number)"
        if id(root) not in ctx.refused:
            ctx.error(
                root,
                f"the top of the file must be a mapping with format:, chart:, bodies: "
                f"and so on, but it is {what}",
                "start from data/template.yaml",
                "root",
            )
        return LoadResult(None, ctx.problems)
    chart = _build_chart(ctx, root)
    problems = checked_problems(ctx, chart, domain_checks)
    comments = collect_comments(text, root, chart) if chart is not None else {}
    return LoadResult(chart, problems, comments=comments)


def format_version(ctx: Context, top: Fields) -> int | None:
    """The file's format number from its top-level fields (None after reporting why not)."""
    node = top.value_node("format", False)
    if node is None:
        ctx.warning(
            top.node,
            "the file has no 'format:' number; reading it as format 1",
            "add 'format: 1' as the first line",
            "format",
        )
        return FORMAT_VERSION
    raw = node.value if isinstance(node, ScalarNode) else None
    if raw is None or node.tag != INT or not raw.isdigit() or len(raw) > 6:
        ctx.error(
            node,
            f"format must be a whole number such as {FORMAT_VERSION}",
            f"write format: {FORMAT_VERSION}",
            "format",
        )
        return None
    version = int(raw)
    if version > FORMAT_VERSION:
        ctx.error(
            node,
            f"this chart uses file format {version}, which is newer than this "
            f"version of ICS Viewer understands (format {FORMAT_VERSION})",
            "update ICS Viewer to open it",
            "format",
        )
        return None
    if version < 1:
        ctx.error(node, f"format {version} does not exist; the first format is 1", code="format")
        return None
    return version


def _build_chart(ctx: Context, root: MappingNode) -> Chart | None:
    top = Fields(ctx, root, "the file", schema.TOP_KEYS)
    version = format_version(ctx, top)
    if version is None:
        return None
    meta = chart_meta(ctx, top, root)
    bodies = collect(ctx, top, "bodies", build_body)
    rels = collect(ctx, top, "relationships", build_relationship)
    groups = collect(ctx, top, "groups", build_group)
    tours = collect(ctx, top, "tours", build_tour)
    # A misspelt section (`bodys:`) would silently empty the chart, so it is an error.
    extra = top.finish(typo_is_error=True)
    records = Records(meta, bodies, rels, groups, tours)
    return resolve_records(ctx, records, extra, version, top.key_order)


def chart_meta(ctx: Context, top: Fields, root: MappingNode) -> ChartMeta:
    """The `chart:` section's metadata (defaults, with the file's position, if absent)."""
    meta_node = top.mapping("chart")
    if meta_node is None:
        meta_node = MappingNode("tag:yaml.org,2002:map", [], root.start_mark, root.start_mark)
    return build_meta(ctx, meta_node)


@dataclass
class Records:
    """The records of a file's sections as built, before they are checked against each other."""

    meta: ChartMeta
    bodies: list[Body]
    relationships: list[Relationship]
    groups: list[Group]
    tours: list[Tour]


def resolve_records(
    ctx: Context,
    records: Records,
    extra: dict[str, Any],
    version: int,
    key_order: tuple[str, ...],
) -> Chart:
    """The chart of these records, once checked against each other (`references`)."""
    problems = ctx.problems
    bodies = references.unique_bodies(records.bodies, ctx.label, problems)
    ids = {b.id for b in bodies}
    rels = references.resolve_relationships(records.relationships, ids, ctx.label, problems)
    groups = references.resolve_groups(records.groups, ids, ctx.label, problems)
    tours = references.resolve_tours(records.tours, ids, ctx.label, problems)
    return Chart(records.meta, bodies, rels, groups, tours, extra, version, key_order)


def checked_problems(
    ctx: Context, chart: Chart | None, domain_checks: bool = True
) -> list[Problem]:
    """All of a read's problems in file order, the domain checks' included (with `domain_checks`
    and a chart)."""
    if chart is not None and domain_checks:
        ctx.problems.extend(validate_chart(chart, ctx.label))
    ctx.problems.sort(key=lambda p: (p.line == 0, p.line, p.column))
    return ctx.problems


def collect(
    ctx: Context, top: Fields, key: str, build: Callable[[Context, Node, int], R | None]
) -> list[R]:
    """The records of one section (`key`) built with `build`; unusable ones left out."""
    out: list[R] = []
    for index, node in enumerate(top.seq(key)):
        record = build(ctx, node, index)
        if record is not None:
            out.append(record)
    return out


__all__ = ["LoadResult", "load_chart", "parse_chart_text", "read_chart_text"]
