"""Pause Python's cyclic garbage collector while a big batch of records is built.

Reading a chart, laying it out, building its scene items or a PDF each make some 100,000
small objects (nodes, records, boxes, tuples of points), none of them in a reference cycle.
Each batch of 700 new objects lets the collector run, and every so often it walks the whole
heap, chart included: a third of a layout's time and over half of a big read, for nothing to
collect. `paused_gc()` turns it off for the duration and back on after (it runs again at its
next threshold, so nothing leaks). One counter for the whole app: nested and concurrent
pauses (the window's thread, a background layout, a read) are counted, the last one out turns
it back on, and only if it was on before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off (reference counting still frees)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
