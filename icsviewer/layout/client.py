"""Compute a chart's layout: Graphviz in a child process, or the tree engine for big charts.

This is the layout API the window and the exporters call:

    layout = compute_layout(chart)            # blocking; the GUI calls it in a worker thread
    layout = fallback_layout(chart)           # instant rows, no Graphviz (first paint, errors)

Graphviz never loads in the calling process: the graph description goes as JSON to
`python -m icsviewer.layout.worker` and the answer comes back as JSON (pygraphviz crashes a
QApplication on X11; a child process also bounds Graphviz's time and survives its crashes).
Every failure becomes a `LayoutError` whose message can be shown to a user as it is.

Graphviz layouts are cached by `layout_key`, a hash of what the layout depends on (ids,
kinds, label texts, relationship ends and kinds, groups, pins, collapsed groups; not colours,
descriptions or the theme), in memory and on disk, so reopening a file or re-theming does not
run Graphviz again. The tree engine's layouts are not cached (computing one costs little more
than hashing the chart for its key).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from icsviewer import appdirs
from icsviewer.gc_pause import paused_gc
from icsviewer.layout.blocks import PAGE_AREAS
from icsviewer.layout.dot_reader import read_answer
from icsviewer.layout.frames import collapsed_groups_as_frames
from icsviewer.layout.geometry import Layout
from icsviewer.layout.graph_builder import candidate_specs
from icsviewer.layout.pins import apply_pins
from icsviewer.layout.structure import build_structure
from icsviewer.layout.tree_layout import layout_structure as tree_layout
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import body_kind


def _code_version() -> str:
    """A hash of the layout package's own source, so a cached layout is never reused after
    the layout rules change (no version number to forget to bump)."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


LAYOUT_VERSION = _code_version()
WORKER_MODULE = "icsviewer.layout.worker"
# Above this many bodies the linear-time tree layout replaces Graphviz: our shaped graph
# (clusters, shelves, flat edges) costs `dot` about as much as plain `dot` at 1,000 bodies and
# grows steeply; plain `dot` needs seconds at 2,500 ICS-shaped bodies and ~35 s at 10,000.
TREE_THRESHOLD = 1000
# More national, regional or system-level bodies than this on one tier means several systems
# (Cheshire and Merseyside has five at system level): the tree engine lays those out better.
WIDEST_TOP_RANK = 12
# Environment overrides, for tests and for people tuning a big chart.
ENV_WORKER = "ICSVIEWER_LAYOUT_WORKER"
ENV_TREE_THRESHOLD = "ICSVIEWER_TREE_THRESHOLD"


class LayoutError(Exception):
    """The layout could not be computed; `str(error)` is a sentence for the user."""


class LayoutCancelledError(LayoutError):
    """The caller cancelled the layout."""


# Most layouts kept on disk (a national chart's layout is a few MB of JSON).
DISK_LIMIT = 40


class LayoutCache:
    """Layouts by key: a small in-memory LRU in front of JSON files in a folder."""

    def __init__(self, folder: Path | None = None, size: int = 16) -> None:
        self._folder = folder
        self._size = size
        self._memory: OrderedDict[str, Layout] = OrderedDict()
        self._lock = threading.Lock()

    def folder(self) -> Path | None:
        if self._folder is not None:
            return self._folder
        try:
            return appdirs.cache_dir() / "layouts"
        except OSError:
            return None

    def get(self, key: str) -> Layout | None:
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        layout = self._read(key)
        if layout is not None:
            self._remember(key, layout)
        return layout

    def put(self, key: str, layout: Layout, disk: bool = True) -> None:
        """Keep `layout` in memory and, with `disk`, in the folder for the next start."""
        self._remember(key, layout)
        folder = self.folder() if disk else None
        if folder is None:
            return
        # The disk copy is a convenience: a read-only or full disk must not stop the layout.
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{key}.{os.getpid()}.{threading.get_ident()}.tmp"
            tmp.write_text(json.dumps({"key": key, "layout": layout.to_dict()}), "utf-8")
            tmp.replace(folder / f"{key}.json")
            self._prune(folder)

    def _prune(self, folder: Path) -> None:
        """Keep the disk cache small: only the most recently written DISK_LIMIT layouts."""
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[DISK_LIMIT:]:
            old.unlink(missing_ok=True)

    def clear_memory(self) -> None:
        with self._lock:
            self._memory.clear()

    def _remember(self, key: str, layout: Layout) -> None:
        with self._lock:
            self._memory[key] = layout
            self._memory.move_to_end(key)
            while len(self._memory) > self._size:
                self._memory.popitem(last=False)

    def _read(self, key: str) -> Layout | None:
        folder = self.folder()
        if folder is None:
            return None
        try:
            data = json.loads((folder / f"{key}.json").read_text("utf-8"))
            if data.get("key") != key:
                return None
            return Layout.from_dict(data["layout"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or damaged cache file: compute again


DEFAULT_CACHE = LayoutCache()


def layout_key(chart: Chart, engine: str = "") -> str:
    """A hash of everything the layout depends on, and nothing it does not."""
    structure: dict[str, Any] = {
        "version": LAYOUT_VERSION,
        "engine": engine,
        "bodies": [
            [b.id, b.kind, b.name, b.short_name, list(b.pinned) if b.pinned else None]
            for b in chart.bodies
        ],
        "relationships": [[r.id, r.source, r.target, r.kind] for r in chart.relationships],
        "groups": [[g.id, g.name, g.kind, list(g.members), g.collapsed] for g in chart.groups],
    }
    text = json.dumps(structure, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def choose_engine(chart: Chart, tree_threshold: int | None = None) -> str:
    """'dot' for one system's chart, 'tree' for big charts and charts of several systems.

    `dot` ranks bodies by tier, so the system-level bodies of several ICSs (each ICB, ICP and
    their committees) would share one very wide rank; the tree engine keeps each system's
    bodies together instead.
    """
    if tree_threshold is None:
        try:
            tree_threshold = int(os.environ.get(ENV_TREE_THRESHOLD, TREE_THRESHOLD))
        except ValueError:
            tree_threshold = TREE_THRESHOLD
    if len(chart) > tree_threshold:
        return "tree"
    per_tier: dict[int, int] = {}
    for body in chart.bodies:
        tier = body_kind(body.kind).tier
        if tier <= 2:
            per_tier[tier] = per_tier.get(tier, 0) + 1
    return "tree" if max(per_tier.values(), default=0) > WIDEST_TOP_RANK else "dot"


def compute_layout(
    chart: Chart,
    *,
    timeout: float = 60.0,
    engine: str = "auto",
    tree_threshold: int | None = None,
    cache: LayoutCache | None = DEFAULT_CACHE,
    cancel: threading.Event | None = None,
    worker_module: str | None = None,
    worker: subprocess.Popen[bytes] | None = None,
) -> Layout:
    """The chart's layout (blocking). Raises LayoutError with a user-readable message.

    `engine` is 'auto' (dot, or tree above `tree_threshold` bodies), 'dot' or 'tree'.
    `cancel`, when set from another thread, stops a running Graphviz (LayoutCancelledError).
    `cache` holds Graphviz layouts (tree layouts are always computed); `cache=None` always
    computes afresh. `worker`: a process from `start_worker`, already
    started while the chart was being read; it is used for Graphviz, or stopped if unneeded.
    """
    try:
        return _compute(
            chart, timeout, engine, tree_threshold, cache, cancel, worker_module, worker
        )
    finally:
        if worker is not None:  # a worker started early and never used ends here
            stop_unused_worker(worker)


def _compute(
    chart: Chart,
    timeout: float,
    engine: str,
    tree_threshold: int | None,
    cache: LayoutCache | None,
    cancel: threading.Event | None,
    worker_module: str | None,
    worker: subprocess.Popen[bytes] | None,
) -> Layout:
    if engine == "auto":
        engine = choose_engine(chart, tree_threshold)
    if engine not in ("dot", "tree"):
        raise LayoutError(f"Unknown layout engine {engine!r}: use 'dot' or 'tree'.")
    if engine == "tree":
        # Not cached: hashing a national chart's records for the key costs about a fifth of
        # laying it out (0.09 s of 0.5 at 10,000 bodies), on every first open and every full
        # re-layout after an edit, while a hit (the same chart laid out twice) is rare; the
        # structure memo already makes laying out an unchanged chart again cheaper.
        with paused_gc():  # one pause for all of it: a single collection afterwards
            structure = build_structure(chart)
            return collapsed_groups_as_frames(
                apply_pins(tree_layout(structure), structure), structure
            )
    key = layout_key(chart, engine)
    if cache is not None:
        cached = cache.get(key)
        if cached is not None:
            return cached
    structure = build_structure(chart)
    specs = candidate_specs(structure)
    request = {
        "specs": [spec.to_json_dict() for spec in specs],
        "prog": "dot",
        "pages": [list(area) for area in PAGE_AREAS],
    }
    answer = run_worker(request, timeout, cancel, worker_module, worker)
    try:
        choice = int(answer.get("choice", 0)) if isinstance(answer, dict) else 0
        if not 0 <= choice < len(specs):
            raise ValueError(f"no candidate {choice}")
        layout = read_answer(answer, specs[choice], structure)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise LayoutError(f"Graphviz gave a layout that could not be read ({exc}).") from exc
    layout = collapsed_groups_as_frames(apply_pins(layout, structure), structure)
    if cache is not None:
        cache.put(key, layout)
    return layout


def start_worker(worker_module: str | None = None) -> subprocess.Popen[bytes]:
    """Start a Graphviz worker process that waits for its request on stdin.

    Starting Python and loading Graphviz takes the worker about 0.15 s: a caller that will
    probably need Graphviz can start it before the chart is even read, and hand it to
    `compute_layout(worker=...)`. Raises LayoutError if it cannot be started.
    """
    module = worker_module or os.environ.get(ENV_WORKER) or WORKER_MODULE
    try:
        return subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_worker_env(),
        )
    except OSError as exc:
        raise LayoutError(f"Could not start the Graphviz layout process: {exc}.") from exc


def stop_unused_worker(proc: subprocess.Popen[bytes]) -> None:
    """End a worker from `start_worker` that got no request (nothing if it has ended)."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        proc.communicate(timeout=5)


def run_worker(
    request: dict[str, Any],
    timeout: float,
    cancel: threading.Event | None = None,
    worker_module: str | None = None,
    proc: subprocess.Popen[bytes] | None = None,
) -> Any:
    """Send `request` to a worker process (`proc`, or a fresh one) and return its parsed JSON
    answer."""
    if proc is None:
        proc = start_worker(worker_module)
    payload = json.dumps(request).encode("utf-8")
    out, err = _communicate(proc, payload, timeout, cancel)
    if proc.returncode != 0:
        raise LayoutError(_failure_message(proc.returncode, err))
    try:
        return json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise LayoutError("Graphviz gave an answer that could not be read.") from exc


def _communicate(
    proc: subprocess.Popen[bytes], payload: bytes, timeout: float, cancel: threading.Event | None
) -> tuple[bytes, bytes]:
    """Feed the worker and wait for it, killing it on timeout or cancel.

    One `communicate` call does all the piping, in a helper thread: retrying `communicate`
    after a timeout stops writing stdin (CPython only writes input given to the first call),
    so a slow-starting worker would wait for the rest of its request for ever.
    """
    answer: list[tuple[bytes, bytes]] = []
    pipe = threading.Thread(target=lambda: answer.append(proc.communicate(payload)), daemon=True)
    pipe.start()
    deadline = time.monotonic() + timeout
    while pipe.is_alive():
        pipe.join(0.1)
        if not pipe.is_alive():
            break
        if cancel is not None and cancel.is_set():
            _stop(proc, pipe)
            raise LayoutCancelledError("The layout was cancelled.")
        if time.monotonic() >= deadline:
            _stop(proc, pipe)
            raise LayoutError(
                f"Graphviz took longer than {timeout:g} s to lay out this chart and was "
                "stopped. Try collapsing some groups."
            )
    if not answer:
        raise LayoutError("Graphviz stopped without an answer.")
    return answer[0]


def _stop(proc: subprocess.Popen[bytes], pipe: threading.Thread) -> None:
    """Kill the worker; its pipes then close and the piping thread ends."""
    with contextlib.suppress(OSError):
        proc.kill()
    pipe.join(5)


def _failure_message(code: int, err: bytes) -> str:
    detail = err.decode("utf-8", "replace").strip().splitlines()
    reason = detail[-1][:300] if detail else ""
    if code < 0:
        return f"Graphviz crashed (signal {-code}) while laying out this chart."
    if reason:
        return f"Graphviz could not lay out this chart: {reason}"
    return f"Graphviz could not lay out this chart (exit status {code})."


def _worker_env() -> dict[str, str]:
    """The child's environment: ours, with the project importable even from another cwd."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env
