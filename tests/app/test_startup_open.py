"""Start-up: the window opens the chart a prefetch child read, and uses the layout it computed.

A test writes the child's messages into a real pipe itself (the test process runs Qt, where
forking is refused); `test_prefetch_child_reads_and_lays_out` runs the real fork in a fresh
interpreter.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icsviewer import paths
from icsviewer.app.main_window import MainWindow
from icsviewer.app.opening import OpenFailure
from icsviewer.app.settings import open_settings
from icsviewer.app.startup_open import PrefetchedLayout, PrefetchedLoader, StartupOpen
from icsviewer.editor.document import Document
from icsviewer.io.problems import Problem
from icsviewer.layout.client import choose_engine, layout_key
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.model.generator import generate_chart
from icsviewer.prefetch import Prefetch, send
from tests.app.conftest import RecordingPrompts

ROOT = Path(__file__).resolve().parents[2]


class Counting:
    """A loader or layout function that records its calls (the window's own work)."""

    def __init__(self, function: Any) -> None:
        self.function = function
        self.calls = 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return self.function(*args)


class Started:
    """A window wired to a pipe the test writes the child's messages into."""

    def __init__(self, qtbot: QtBot, path: Path) -> None:
        self.path = path
        self.prompts = RecordingPrompts()
        self.read_here = Counting(lambda p: Document(generate_chart(20, seed=3), p))
        self.laid_out_here = Counting(lambda chart, cancel: fallback_layout(chart))
        self.loader = PrefetchedLoader(self.read_here)
        self.layouts = PrefetchedLayout(self.laid_out_here)
        self.window = MainWindow(open_settings(), self.prompts, self.loader, self.layouts)
        qtbot.addWidget(self.window)
        self.window.show()
        read_end, write_end = os.pipe()
        self.pipe = os.fdopen(write_end, "wb")
        self.after_opening = 0
        self.startup = StartupOpen(
            self.window, Prefetch(path, None, read_end), self.loader, self.layouts, self._then
        )

    def _then(self) -> None:
        self.after_opening += 1

    def send(self, *message: Any) -> None:
        send(self.pipe, message)

    def close_pipe(self) -> None:
        if not self.pipe.closed:
            self.pipe.close()


@pytest.fixture
def started(qtbot: QtBot, tmp_path: Path) -> Iterator[Started]:
    setup = Started(qtbot, tmp_path / "big.yaml")
    yield setup
    setup.close_pipe()
    setup.layouts.deliver(None)
    setup.window.runner.cancel()
    setup.window.runner.wait()


def _laid_out(chart: Chart) -> Layout:
    """A layout that differs from the fallback the window would compute itself."""
    layout = fallback_layout(chart)
    return Layout(
        layout.boxes, layout.edges, layout.frames, layout.width, layout.height, engine="tree"
    )


def _key(chart: Chart) -> str:
    return layout_key(chart, choose_engine(chart))


def test_the_window_shows_the_chart_and_layout_the_child_sent(
    qtbot: QtBot, started: Started
) -> None:
    chart = generate_chart(120, seed=4)
    assert started.startup.reading
    assert started.startup.progress.isVisibleTo(started.window)
    started.send("read", chart, [])
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    assert started.window.document.path == started.path  # type: ignore[union-attr]
    assert len(started.window.document.chart) == 120  # type: ignore[union-attr]
    assert started.after_opening == 1
    layout = _laid_out(chart)
    with qtbot.waitSignal(started.window.runner.finished, timeout=10000):
        started.send("layout", _key(chart), layout)
    assert started.window.scene is not None
    assert started.window.scene.layout.engine == "tree"
    assert started.window.view.isVisible()
    # Nothing was read or laid out twice.
    assert started.read_here.calls == 0
    assert started.laid_out_here.calls == 0


def test_the_chart_opens_with_nothing_selected(qtbot: QtBot, started: Started) -> None:
    """Hiding the focused view while the chart opens passes the focus on: that is not a Tab
    press, and once selected the chart's first body (dimming the rest) in the real window."""
    started.window.activateWindow()
    qtbot.waitUntil(lambda: started.window.isActiveWindow(), timeout=5000)
    chart = generate_chart(60, seed=4)
    started.send("read", chart, [])
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    with qtbot.waitSignal(started.window.runner.finished, timeout=10000):
        started.send("layout", _key(chart), _laid_out(chart))
    qtbot.wait(100)
    scene = started.window.scene
    assert scene is not None and scene.selected_body_ids() == []


def test_problems_in_the_file_still_reach_the_problems_panel(
    qtbot: QtBot, started: Started
) -> None:
    problem = Problem(str(started.path), 12, 9, "error", "unknown kind 'trusts'")
    started.send("read", generate_chart(30, seed=2), [problem])
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    assert started.window.document.problems == [problem]  # type: ignore[union-attr]
    panel = started.window.problems
    assert panel.count() == 1 and "line 12: unknown kind 'trusts'" in panel.item(0).text()
    assert started.window.docks["problems"].isVisibleTo(started.window)


def test_an_unreadable_file_is_reported_and_start_up_carries_on(
    qtbot: QtBot, started: Started
) -> None:
    started.send("unreadable", "found character '\\t' that cannot start any token")
    qtbot.waitUntil(lambda: started.after_opening == 1, timeout=5000)
    assert started.window.document is None
    _title, message = started.prompts.errors[-1]
    assert "big.yaml" in message and "could not be read" in message
    assert "cannot start any token" in message


def test_a_dialog_open_while_the_child_ends_does_not_open_the_file_twice(
    qtbot: QtBot, started: Started
) -> None:
    # The real error dialog runs a nested event loop, in which the pipe is still watched.
    def modal_error(title: str, message: str, details: str = "") -> None:
        started.prompts.errors.append((title, message))
        started.close_pipe()  # the child ends while the dialog is up
        qtbot.wait(200)

    started.prompts.error = modal_error  # type: ignore[method-assign]
    started.send("unreadable", "not a chart")
    qtbot.waitUntil(lambda: started.after_opening == 1, timeout=5000)
    qtbot.wait(100)
    assert len(started.prompts.errors) == 1
    assert started.read_here.calls == 0
    assert started.after_opening == 1


def test_a_layout_for_another_chart_is_not_used(qtbot: QtBot, started: Started) -> None:
    chart = generate_chart(40, seed=6)
    started.send("read", chart, [])
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    with qtbot.waitSignal(started.window.runner.finished, timeout=10000):
        started.send("layout", "some other chart", _laid_out(chart))
    assert started.laid_out_here.calls == 1
    assert started.window.scene is not None
    assert started.window.scene.layout.engine == "fallback"


def test_a_layout_failure_in_the_child_is_reported(qtbot: QtBot, started: Started) -> None:
    chart = generate_chart(40, seed=6)
    started.send("read", chart, [])
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    with qtbot.waitSignal(started.window.runner.failed, timeout=10000):
        started.send("layout_error", _key(chart), "Graphviz crashed (signal 11).")
    assert "Graphviz crashed" in started.prompts.errors[-1][1]
    assert started.window.view.isVisible()  # the simple arrangement instead


def test_when_the_child_dies_the_window_reads_the_file_itself(
    qtbot: QtBot, started: Started
) -> None:
    started.close_pipe()
    qtbot.waitUntil(lambda: started.window.document is not None, timeout=5000)
    assert started.read_here.calls == 1
    assert started.after_opening == 1
    # ... and lays it out itself (no layout will come from the child).
    qtbot.waitUntil(lambda: started.window.view.isVisible(), timeout=10000)
    assert started.laid_out_here.calls == 1


def test_cancel_stops_a_long_read_and_leaves_the_window_usable(
    qtbot: QtBot, started: Started
) -> None:
    started.startup.progress.cancel_button.click()
    assert not started.startup.reading
    assert started.startup.prefetch.finished
    assert started.after_opening == 1  # the crash guard and recovery offer still start
    assert started.window.document is None
    assert "cancelled" in started.window.statusBar().currentMessage()
    # A message that was already on its way is ignored; File > Open works as ever.
    qtbot.wait(100)
    assert started.window.document is None
    assert started.window.window_actions["open"].isEnabled()


def test_a_file_the_user_opens_meanwhile_is_not_replaced(
    qtbot: QtBot, started: Started, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs.yaml"
    started.window.open_path(theirs)  # read by the window itself (20 bodies)
    assert not started.startup.reading
    started.send("read", generate_chart(120, seed=4), [])
    qtbot.wait(200)
    assert started.window.document is not None
    assert started.window.document.path == theirs
    assert len(started.window.document.chart) == 20
    assert started.after_opening == 1


def test_escape_cancels_the_read(qtbot: QtBot, started: Started) -> None:
    started.window.activateWindow()
    qtbot.waitUntil(lambda: started.window.isActiveWindow(), timeout=5000)
    qtbot.keyClick(started.window, Qt.Key.Key_Escape)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: not started.startup.reading, timeout=5000)
    assert started.window.document is None


def test_a_superseded_first_request_does_not_wait_for_ever() -> None:
    fallback = Counting(lambda chart, cancel: fallback_layout(chart))
    layouts = PrefetchedLayout(fallback)
    cancel = threading.Event()
    cancel.set()
    from icsviewer.layout.client import LayoutCancelledError

    with pytest.raises(LayoutCancelledError):
        layouts(generate_chart(10, seed=1), cancel)
    # Later requests are computed as usual.
    assert layouts(generate_chart(10, seed=1), threading.Event()).boxes
    assert fallback.calls == 1


def test_the_loader_hands_over_once_and_only_for_its_path(tmp_path: Path) -> None:
    read_here = Counting(lambda p: OpenFailure(p, "read here"))
    loader = PrefetchedLoader(read_here)
    held = OpenFailure(tmp_path / "a.yaml", "held")
    loader.hold(tmp_path / "a.yaml", held)
    assert loader(tmp_path / "b.yaml") is not held
    loader.hold(tmp_path / "a.yaml", held)
    assert loader(tmp_path / "a.yaml") is held
    assert loader(tmp_path / "a.yaml") is not held
    assert read_here.calls == 2


CHILD_SCRIPT = """
import sys
from pathlib import Path
from icsviewer import prefetch
from icsviewer.layout.client import choose_engine, layout_key
job = prefetch.start(Path(sys.argv[1]))
assert job is not None, "the prefetch was refused"
assert job.wait(100)
got = job.receive()
chart = got[0][1]
print([m[0] for m in got], len(chart))
if len(got) > 1:
    print(got[1][1] == layout_key(chart, choose_engine(chart)), len(got[1][2].boxes))
"""


def _run_script(script: str, args: list[str], tmp_path: Path, **env: str) -> list[str]:
    """Run `script` in a fresh Python (the fork must come before any Qt) and return its
    output lines; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=dict(os.environ, ICSVIEWER_HOME=str(tmp_path), **env),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _run_child(tmp_path: Path, **env: str) -> list[str]:
    return _run_script(CHILD_SCRIPT, [str(paths.FLAGSHIP_CHART)], tmp_path, **env)


def test_prefetch_child_reads_and_lays_out_with_graphviz(tmp_path: Path) -> None:
    read, laid_out = _run_child(tmp_path)
    assert read == "['read', 'layout'] 70"
    assert laid_out == "True 70"  # the layout of this very chart, every body placed


def test_prefetch_child_leaves_the_tree_layout_to_the_window(tmp_path: Path) -> None:
    assert _run_child(tmp_path, ICSVIEWER_TREE_THRESHOLD="10") == ["['read'] 70"]


def test_a_received_chart_arrives_whole_and_the_collector_is_on_again(tmp_path: Path) -> None:
    """The reading thread pauses the garbage collector while it unpickles: it must come back
    on (a collector left off would let the app's cyclic garbage grow for ever)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        read_end, write_end = os.pipe()
        job = Prefetch(tmp_path / "c.yaml", None, read_end)
        chart = generate_chart(50, seed=2)
        with os.fdopen(write_end, "wb") as pipe:
            send(pipe, ("read", chart, []))
        assert job.wait(10)
        messages = job.receive()
        assert [m[0] for m in messages] == ["read"]
        assert messages[0][1].bodies == chart.bodies
        assert job.finished
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


SPLIT_SCRIPT = """
import json, sys
from pathlib import Path
from icsviewer import prefetch
from icsviewer.editor import storage
path = Path(sys.argv[1])
job = prefetch.start(path)
assert job is not None, "the prefetch was refused"
assert job.wait(100)
got = job.receive()
chart, problems = storage.load_chart_file(path)
sent = got[0][1]
same = sent is not None and chart is not None and (
    sent == chart and sent.bodies == chart.bodies and sent.relationships == chart.relationships
    and sent.groups == chart.groups and sent.tours == chart.tours and sent.meta == chart.meta
    and sent.key_order == chart.key_order and sent.extra == chart.extra
)
print(json.dumps({"kinds": [m[0] for m in got], "split": job.split, "same": same,
                  "problems": list(got[0][2]) == problems, "count": len(problems)}))
"""


def _prefetched(tmp_path: Path, text: str) -> dict[str, Any]:
    """What the prefetch of a file with `text` hands over, read with splitting allowed for
    any size, compared with reading it whole in one go."""
    import json

    chart_file = tmp_path / "chart.yaml"
    chart_file.write_text(text, encoding="utf-8")
    lines = _run_script(SPLIT_SCRIPT, [str(chart_file)], tmp_path, ICSVIEWER_SPLIT_READ_ABOVE="0")
    answer: dict[str, Any] = json.loads(lines[-1])
    return answer


def test_a_big_file_is_read_in_two_processes_into_the_very_chart_read_whole(
    tmp_path: Path,
) -> None:
    from icsviewer.io.writer import dump_chart

    text = dump_chart(generate_chart(300, seed=6))
    # A problem in each part, and one found only across them (a relationship to a body
    # that does not exist).
    text = text.replace("    kind: icb\n", "    kind: icbb\n", 1)
    text = text.replace("relationships:\n", "relationships:\n  - from: nobody\n    to: nhse\n"
                        "    kind: accountable_to\n", 1)  # fmt: skip
    answer = _prefetched(tmp_path, text)
    assert answer["kinds"] == ["read"]
    assert answer["split"] is True
    assert answer["same"] is True and answer["problems"] is True
    assert answer["count"] >= 2


def test_a_file_that_cannot_be_cut_safely_is_read_whole_by_the_child(tmp_path: Path) -> None:
    from icsviewer.io.writer import dump_chart

    text = dump_chart(generate_chart(120, seed=6))
    # A section after the relationships that the reader does not know: the tail cannot be
    # read on its own (the whole file's read warns about it and keeps it).
    answer = _prefetched(tmp_path, text + "notes: kept as is\n")
    assert answer["kinds"][0] == "read"
    assert answer["split"] is False
    assert answer["same"] is True and answer["problems"] is True
    assert answer["count"] >= 1


def _parts(path: Path) -> tuple[Any, Any]:
    from icsviewer.io import split_read

    text = path.read_text(encoding="utf-8")
    label = os.fspath(path)
    cut = split_read.plan_cut(text, label, split_above=0)
    assert cut is not None
    head_part = split_read.compose_head(text, cut)
    tail_part = split_read.compose_tail(text, cut)
    assert head_part is not None and tail_part is not None
    return split_read.read_head(head_part, label), split_read.read_tail(tail_part, label)


def test_the_window_puts_the_two_parts_together_and_waits_for_both(tmp_path: Path) -> None:
    from icsviewer.editor import storage
    from icsviewer.io.writer import dump_chart

    path = tmp_path / "national.yaml"
    path.write_text(dump_chart(generate_chart(90, seed=8)), encoding="utf-8")
    head, tail = _parts(path)
    main_read, main_write = os.pipe()
    tail_read, tail_write = os.pipe()
    job = Prefetch(path, None, main_read, tail_read)
    with os.fdopen(main_write, "wb") as pipe:
        send(pipe, ("head", head))
    assert not job.wait(0.2)  # the head alone is not a chart: the tail is awaited
    with os.fdopen(tail_write, "wb") as pipe:
        send(pipe, ("tail", tail))
    assert job.wait(10)
    messages = job.receive()
    gc.unfreeze()
    chart, problems = storage.load_chart_file(path)
    assert [m[0] for m in messages] == ["read"]
    assert messages[0][1] == chart and messages[0][1].relationships == chart.relationships
    assert list(messages[0][2]) == problems
    assert job.split and job.finished


def test_without_its_tail_the_head_is_dropped_and_the_window_reads_the_file(
    tmp_path: Path,
) -> None:
    from icsviewer.io.writer import dump_chart

    path = tmp_path / "national.yaml"
    path.write_text(dump_chart(generate_chart(90, seed=8)), encoding="utf-8")
    head, _tail = _parts(path)
    main_read, main_write = os.pipe()
    tail_read, tail_write = os.pipe()
    job = Prefetch(path, None, main_read, tail_read)
    os.close(tail_write)  # the helper ended without sending its part
    with os.fdopen(main_write, "wb") as pipe:
        send(pipe, ("head", head))
    assert job.wait(10)
    assert job.receive() == []
    assert job.finished and not job.split
    gc.unfreeze()


CANCEL_SCRIPT = """
import sys, time
from pathlib import Path
from icsviewer import prefetch
job = prefetch.start(Path(sys.argv[1]))
assert job is not None, "the prefetch was refused"
time.sleep(float(sys.argv[2]))
job.cancel()
print(job.wait(30), job.receive())
"""


@pytest.mark.parametrize("after", [0.0, 0.3])
def test_cancelling_a_read_in_two_parts_ends_it(tmp_path: Path, after: float) -> None:
    """Cancel while the child and its helper read (or after they sent their parts): the
    prefetch ends, nothing more is handed out, and no process is left waiting."""
    from icsviewer.io.writer import dump_chart

    chart_file = tmp_path / "chart.yaml"
    chart_file.write_text(dump_chart(generate_chart(600, seed=6)), encoding="utf-8")
    lines = _run_script(
        CANCEL_SCRIPT, [str(chart_file), str(after)], tmp_path, ICSVIEWER_SPLIT_READ_ABOVE="0"
    )
    assert " ".join(lines).split() == ["True", "[]"]
