"""The reading child's side of reading a big chart file in two processes at once.

`icsviewer.prefetch` forks a child to read the chart while the window loads Qt. For a big
file that `io.split_read` can cut safely, the child forks a helper of its own: the helper
composes and builds the tail (relationships, groups, tours) and sends it on the window's tail
pipe, while the child does the head (format, chart, bodies) and sends ("head", Head) on its
usual pipe; the window puts the two together (`Prefetch`). The helper first tells the child,
on a pipe of their own, whether its part can be read alone; if either part cannot, the helper
is stopped and the child reads the whole file as before. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from icsviewer.prefetch import read_in_two_above, send

if TYPE_CHECKING:
    from icsviewer.io.problems import Problem
    from icsviewer.io.split_read import Cut
    from icsviewer.model.chart import Chart


def read_chart(
    path: Path, out: BinaryIO, tail: int | None
) -> tuple[Chart | None, list[Problem]] | None:
    """The chart as `storage.load_chart_file` reads it; or None when it was read in two parts
    instead, this process sending the head ("head", Head) and a helper the tail."""
    from icsviewer.editor import storage
    from icsviewer.io import reader, split_read

    text = reader.read_chart_text(path)
    if isinstance(text, reader.LoadResult):
        return None, list(text.problems)
    label = os.fspath(path)  # as load_chart names it
    cut = split_read.plan_cut(text, label, read_in_two_above()) if tail is not None else None
    if tail is not None and cut is not None and _read_in_two(text, cut, label, out, tail):
        return None
    if tail is not None and cut is None:
        os.close(tail)  # no helper: the window's end of the pipe sees it end
    return storage.chart_from_text(text, label)


def _read_in_two(text: str, cut: Cut, label: str, out: BinaryIO, tail: int) -> bool:
    """Read the head here while a forked helper reads the tail and sends it on `tail`; send the
    head. False, with the helper stopped, when a part cannot be read on its own: the caller
    then reads the whole file (which reports whatever is wrong as usual)."""
    from icsviewer.io import split_read

    try:
        verdict_read, verdict_write = os.pipe()
    except OSError:
        os.close(tail)
        return False
    try:
        helper = os.fork()
    except OSError:
        for fd in (verdict_read, verdict_write, tail):
            os.close(fd)
        return False
    if helper == 0:  # the helper: never returns into the caller's code
        code = 0
        try:
            os.close(verdict_read)
            _read_tail(text, cut, label, verdict_write, tail)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(verdict_write)
    os.close(tail)  # the helper's now; the window sees its pipe end when the helper ends
    head = None
    with contextlib.suppress(Exception):
        part = split_read.compose_head(text, cut)
        built = split_read.read_head(part, label) if part is not None else None
        tail_nodes = _verdict(verdict_read)  # the helper has composed its part by now
        if part is not None and tail_nodes and split_read.fits_together(part.nodes, tail_nodes):
            head = built
    os.close(verdict_read)
    if head is None:
        with contextlib.suppress(OSError):
            os.kill(helper, signal.SIGKILL)
    else:
        send(out, ("head", head))
    with contextlib.suppress(OSError):
        os.waitpid(helper, 0)
    return head is not None


def _read_tail(text: str, cut: Cut, label: str, verdict: int, tail: int) -> None:
    """The helper: compose the tail, tell the reader how it went, then build and send it."""
    from icsviewer.io import split_read

    part = split_read.compose_tail(text, cut)
    os.write(verdict, str(part.nodes if part is not None else 0).encode("ascii"))
    os.close(verdict)
    if part is not None:
        records = split_read.read_tail(part, label)
        with os.fdopen(tail, "wb") as pipe:
            send(pipe, ("tail", records))


def _verdict(fd: int) -> int:
    """The helper's word on its part: how many values it holds (0: it cannot be read alone)."""
    data = b""
    while chunk := os.read(fd, 64):
        data += chunk
    return int(data) if data.isdigit() else 0
