"""Read the chart to open, and lay it out, in a forked child while the window's process loads Qt.

A cold start used to do everything in series: import Python's and Qt's modules, build the
window, read and check the file, then start laying it out. Reading and laying out need none
of Qt, so the command line forks a child before the QApplication exists (forking after is
unsafe: Qt starts threads) and the child reads the file and, for a chart Graphviz arranges,
lays it out on the machine's other core while this process imports Qt and builds the window.
A big chart's tree layout is computed by the window as before: shipping it back would cost as
much as computing it. The child sends back, through a pipe, pickled messages, one after
another:

    ("read", chart, problems)           or  ("unreadable", reason)
    ("layout", key, layout)             or  ("layout_error", key, message)

`key` is `layout_key(chart, engine)`, so the window uses the layout only for the chart it was
computed for. Graphviz still runs in its own worker process (the child starts it the way the
window would); this module never imports Qt or pygraphviz.

A big file (`io.split_read`) is read by two processes at once, on both cores while the window
waits: the child forks a helper that composes and builds the tail (relationships, groups,
tours) while the child does the head (format, chart, bodies). The helper says whether its
part can be read on its own; if both can, the child sends ("head", Head) and the helper
("tail", Tail) on a pipe of its own, and the window's reading threads put them together into
the ("read", chart, problems) message above (`split_read.assemble`: the same chart and
problems as one read). Otherwise the helper is stopped and the child reads the whole file. If
the tail never comes (the helper died), the head is dropped and the window reads the file.

Where `os.fork` is missing, or a Qt application or other threads are already running (tests),
`start` returns None and the window reads the file itself as before.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from icsviewer.gc_pause import paused_gc

if TYPE_CHECKING:
    from icsviewer.io.split_read import Head

# A chart file smaller than this probably gets Graphviz (one system: about 70 to 1,000 bodies
# and up to ~300 KB; the bundled chart is 110 KB), so its worker process is started before
# the file is read and loads Graphviz meanwhile. A bigger file gets the tree engine, and an
# idle worker would only take CPU from reading. A wrong guess costs a few tenths of a second.
PRESTART_WORKER_BELOW = 300_000
# A file this big (bytes) is read by two processes at once (see `read_in_two`): smaller ones
# take under ~0.3 s to read whole, where a second process and putting the parts together
# save nothing (measured at 2,500 bodies, 0.5 MB). Not imported from `io.split_read`: that
# loads the reader, 0.08 s before the fork that every start waits for.
READ_IN_TWO_ABOVE = 1_000_000
# Environment override of READ_IN_TWO_ABOVE, for tests and for people tuning start-up.
ENV_READ_IN_TWO_ABOVE = "ICSVIEWER_SPLIT_READ_ABOVE"


class Prefetch:
    """The parent's end of one prefetch child: its pid and the pipe its messages come on.

    A thread reads and unpickles the messages as the child writes them, so that the GUI
    thread only picks them up (`receive`): unpickling a 10,000-body chart takes about half a
    second, and done in one call on the GUI thread it would freeze the window for that long.
    The thread's reads wait on the pipe frame by frame, which lets the GUI thread run between.
    `pid` is None when something other than a forked child writes the pipe (tests).
    """

    def __init__(self, path: Path, pid: int | None, fd: int, tail_fd: int | None = None) -> None:
        self.path = path
        self.pid = pid
        self.finished = False  # no more messages: the child ended, or was cancelled
        self.split = False  # the chart came in two parts, read at once by two processes
        self._messages: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        # The tail of a file read in two parts (`read_in_two`), from the helper's own pipe:
        # received by a thread of its own, so both parts arrive at once.
        self._tail: queue.SimpleQueue[Any] = queue.SimpleQueue()
        if tail_fd is None:
            self._tail.put(None)
        else:
            threading.Thread(
                target=self._read_tail, args=(tail_fd,), name="icsviewer-tail", daemon=True
            ).start()
        self._thread = threading.Thread(
            target=self._read_all, args=(fd,), name="icsviewer-prefetch", daemon=True
        )
        self._thread.start()

    def receive(self) -> list[tuple[Any, ...]]:
        """The messages that have arrived since the last call (never blocks)."""
        messages = []
        while not self.finished:
            try:
                message = self._messages.get_nowait()
            except queue.Empty:
                break
            if message is None:
                self.finished = True
            else:
                messages.append(message)
        return messages

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the child has sent everything (for scripts without an event loop)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def cancel(self) -> None:
        """Stop the child (the user cancelled, or the window is closing); nothing more is
        handed out. The reading thread ends when the killed child's pipe closes."""
        if self.finished:
            return
        self.finished = True
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)

    def _read_all(self, fd: int) -> None:
        stream = _PipeReader(fd)
        try:
            while True:
                try:
                    message = _unpickle(stream)
                except Exception:  # EOFError at the end; a cut-off message if it died
                    break
                if message[0] == "head":
                    message = self._whole(message[1])
                    if message is None:
                        continue  # no tail: the window reads the file itself
                self._messages.put(message)
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
            # Reap the child so it does not linger as a zombie: it has ended or been killed.
            if self.pid is not None:
                with contextlib.suppress(OSError):
                    os.waitpid(self.pid, 0)
            self._messages.put(None)

    def _whole(self, head: Head) -> tuple[Any, ...] | None:
        """("read", chart, problems) of a file read in two parts, once the tail is here."""
        tail = self._tail.get()
        if tail is None:
            return None
        from icsviewer.io import split_read

        try:
            with paused_gc():
                result = split_read.assemble(head, tail, os.fspath(self.path))
        except Exception:
            return None
        self.split = True
        return ("read", result.chart, result.problems)

    def _read_tail(self, fd: int) -> None:
        tail = None
        try:
            # EOFError when the helper ended without it: no split, or stopped.
            with contextlib.suppress(Exception):
                message = _unpickle(_PipeReader(fd))
                if isinstance(message, tuple) and message[:1] == ("tail",):
                    tail = message[1]
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
            self._tail.put(tail)  # always: the head waits for it


def _unpickle(stream: _PipeReader) -> Any:
    """One message, with the garbage collector paused, then moved out of its sight.

    A chart of 10,000 bodies unpickles into some 500,000 objects, none of them cyclic garbage:
    with the collector on, its passes over the growing heap (Qt's modules included) took
    longer than the unpickling itself (0.55 s instead of 0.2). Frozen afterwards, the chart
    is never walked again by later passes while it is shown; the scene does the same with
    its items (`canvas.population`) and gives everything back when the chart is dropped.
    """
    with paused_gc():
        # Our own forked child writes it on a private pipe: not untrusted data.
        message = pickle.load(stream)  # noqa: S301
    gc.freeze()
    return message


class _PipeReader:
    """The file interface the unpickler needs, over a pipe: `read(n)` gives n bytes (fewer
    only at the end), each system call waiting for the writer without holding the GIL."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def read(self, size: int = -1) -> bytes:
        parts = []
        while size != 0:
            chunk = os.read(self._fd, 1 << 16 if size < 0 else min(size, 1 << 16))
            if not chunk:
                break
            parts.append(chunk)
            if size > 0:
                size -= len(chunk)
        return b"".join(parts)

    def readinto(self, buffer: memoryview | bytearray) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:  # required by the unpickler; binary pickles never use it
        return b""


def can_fork() -> bool:
    """Whether forking now is safe: POSIX, one thread in the process, no Qt application yet.

    Qt's modules may already be imported (importing starts no threads); a QApplication must
    not exist, as the child would share its display connection.
    """
    if not hasattr(os, "fork"):
        return False
    qtcore = sys.modules.get("PySide6.QtCore")
    application = getattr(qtcore, "QCoreApplication", None)
    if application is not None and application.instance() is not None:
        return False
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir()) == 1  # Qt threads too
    except OSError:
        return threading.active_count() == 1 and qtcore is None


def start(path: Path) -> Prefetch | None:
    """Fork a child that reads `path` and lays it out; None when it cannot be done here."""
    if not can_fork() or not path.is_file():
        return None
    parent = os.getpid()
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    tail_read, tail_write = _tail_pipe(path)
    # The child shares the parent's memory copy-on-write: a garbage collection in the child
    # would touch every object the parent made (Qt's modules too) and copy those pages.
    gc.freeze()
    try:
        pid = os.fork()
    except OSError:
        for fd in (read_end, write_end, tail_read, tail_write):
            if fd is not None:
                os.close(fd)
        return None
    finally:
        if os.getpid() == parent:
            gc.unfreeze()
    if pid == 0:  # the child: never returns into the caller's code
        # It lives for one read (and layout) and makes no garbage worth collecting: the
        # collector's passes over the records it builds would only slow it down.
        gc.disable()
        code = 0
        try:
            os.close(read_end)
            if tail_read is not None:
                os.close(tail_read)
            with os.fdopen(write_end, "wb") as out:
                _child(path, out, tail_write)
        except BaseException:  # a closed pipe (the parent cancelled) or anything else
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    if tail_write is not None:
        os.close(tail_write)
    return Prefetch(path, pid, read_end, tail_read)


def read_in_two_above() -> int:
    """The size (bytes, or characters) from which a file is read in two parts."""
    try:
        return int(os.environ.get(ENV_READ_IN_TWO_ABOVE, READ_IN_TWO_ABOVE))
    except ValueError:
        return READ_IN_TWO_ABOVE


def _tail_pipe(path: Path) -> tuple[int, int] | tuple[None, None]:
    """The pipe a helper sends the tail of a big file on (see `read_in_two`), or none."""
    try:
        if path.stat().st_size >= read_in_two_above():
            return os.pipe()
    except OSError:
        pass
    return None, None


def send(out: BinaryIO, message: tuple[Any, ...]) -> None:
    """Write one message to the pipe (the child's side of the protocol): streamed as it is
    pickled, so the parent unpickles the start while the end is still being written."""
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _child(path: Path, out: BinaryIO, tail: int | None) -> None:
    """Read the file as File > Open does, send the chart, then lay it out and send that.

    `tail`: the write end of the pipe a helper may send the tail of a big file on."""
    worker = None
    with contextlib.suppress(OSError):
        if path.stat().st_size < PRESTART_WORKER_BELOW:
            # Only then is the layout package loaded before reading (0.04 s a big file's
            # read need not wait for).
            from icsviewer.layout import client

            with contextlib.suppress(client.LayoutError):
                worker = client.start_worker()
    try:
        _read_and_lay_out(path, out, worker, tail)
    finally:
        if worker is not None:
            from icsviewer.layout import client

            client.stop_unused_worker(worker)


def _read_and_lay_out(
    path: Path, out: BinaryIO, worker: subprocess.Popen[bytes] | None, tail: int | None
) -> None:
    from icsviewer.read_in_two import read_chart

    try:
        read = read_chart(path, out, tail)
    except Exception as exc:
        send(out, ("unreadable", str(exc)))
        return
    if read is None:
        return  # read in two parts: the window puts them together (and lays the chart out)
    chart, problems = read
    send(out, ("read", chart, problems))
    if chart is None:
        return
    from icsviewer.layout.client import LayoutError, choose_engine, compute_layout, layout_key

    engine = choose_engine(chart)
    if engine != "dot":
        # The tree engine (big charts) is left to the window: sending its layout back costs
        # about as much as computing it (pickling 23,000 records at 10,000 bodies, ~0.6 s).
        return
    key = layout_key(chart, engine)
    try:
        layout = compute_layout(chart, timeout=60.0, worker=worker)
    except LayoutError as exc:
        send(out, ("layout_error", key, str(exc)))
        return
    except Exception as exc:
        send(out, ("layout_error", key, f"The chart could not be arranged ({exc})."))
        return
    send(out, ("layout", key, layout))
