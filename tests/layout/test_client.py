"""The layout client: child-process Graphviz, clear errors, caching, GUI safety, pins."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from icsviewer.layout.client import (
    LayoutCache,
    LayoutCancelledError,
    LayoutError,
    compute_layout,
    layout_key,
)
from icsviewer.model.chart import Body
from icsviewer.model.generator import generate_chart
from tests.layout.charts import small_ics

FAKE = "tests.layout.fake_worker"


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("crash", "crashed"),
        ("fail", "syntax error in line 1"),
        ("garbage", "could not be read"),
        ("wrong", "could not be read"),
    ],
)
def test_worker_failures_become_layout_errors(
    mode: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", mode)
    with pytest.raises(LayoutError, match=message):
        compute_layout(small_ics(), cache=None, worker_module=FAKE)


def test_a_worker_that_hangs_is_stopped_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "hang")
    with pytest.raises(LayoutError, match=r"longer than 0\.5 s"):
        compute_layout(small_ics(), cache=None, worker_module=FAKE, timeout=0.5)


def test_a_slow_starting_worker_still_gets_the_whole_request_when_cancellable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window passes a cancel event; a worker that starts reading late must still be
    sent all of the graph, not hang waiting for the rest of it. The graph must be bigger than
    a pipe's buffer (64 KB) for the hazard to show: 150 bodies make about 160 KB."""
    monkeypatch.setenv("FAKE_WORKER_MODE", "slow")
    chart = generate_chart(150)
    layout = compute_layout(
        chart, cache=None, worker_module=FAKE, timeout=30, cancel=threading.Event()
    )
    assert set(layout.boxes) == {b.id for b in chart.bodies}


def test_cancelling_stops_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_WORKER_MODE", "hang")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(LayoutCancelledError):
        compute_layout(small_ics(), cache=None, worker_module=FAKE, timeout=30, cancel=cancel)


def test_cache_hit_does_not_start_a_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = LayoutCache(tmp_path)
    chart = small_ics()
    first = compute_layout(chart, cache=cache)
    # A worker that would fail: if the cache is used, it is never started.
    monkeypatch.setenv("FAKE_WORKER_MODE", "fail")
    again = compute_layout(chart, cache=cache, worker_module=FAKE)
    assert again == first
    # And a fresh cache object reads the disk copy (reopening the app).
    reopened = compute_layout(chart, cache=LayoutCache(tmp_path), worker_module=FAKE)
    assert reopened == first


def test_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    chart = small_ics()
    (tmp_path / f"{layout_key(chart, 'dot')}.json").write_text("{not json", "utf-8")
    layout = compute_layout(chart, cache=LayoutCache(tmp_path))
    assert set(layout.boxes) == set(chart.body_ids())


def test_key_ignores_looks_but_not_structure() -> None:
    chart = small_ics()
    key = layout_key(chart)
    recoloured = chart.copy()
    body = recoloured.body("icb")
    recoloured.replace_body(
        Body(
            body.id,
            body.name,
            body.kind,
            body.short_name,
            description="New text",
            style={"fill": "#000000"},
        )
    )
    assert layout_key(recoloured) == key
    renamed = chart.copy()
    renamed.replace_body(Body("icb", "A different name", "icb"))
    assert layout_key(renamed) != key


def test_computing_a_layout_never_loads_graphviz_in_this_process() -> None:
    code = textwrap.dedent(
        """
        import sys
        from icsviewer.layout.client import compute_layout
        from tests.layout.charts import small_ics
        layout = compute_layout(small_ics(), cache=None)
        assert layout.boxes, "no layout"
        print("pygraphviz" in sys.modules)
        """
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("engine", ["dot", "tree", "fallback"])
def test_pinned_bodies_sit_at_their_pins(engine: str) -> None:
    from icsviewer.layout.fallback import fallback_layout

    chart = small_ics(pins={"icp": (600.0, 20.0), "wirral_hwb": (15.0, 700.0)})
    if engine == "fallback":
        layout = fallback_layout(chart)
    else:
        layout = compute_layout(chart, cache=None, engine=engine)
    assert (layout.boxes["icp"].x, layout.boxes["icp"].y) == (600.0, 20.0)
    assert (layout.boxes["wirral_hwb"].x, layout.boxes["wirral_hwb"].y) == (15.0, 700.0)
    # Lines to a pinned box end at its border, not where Graphviz had put it.
    edge = layout.edges["icb_icp"]
    tip = edge.arrow_tip or edge.points[-1]
    box = layout.boxes["icp"]
    assert box.x - 1 <= tip[0] <= box.x + box.width + 1
    assert box.y - 1 <= tip[1] <= box.y + box.height + 1
    assert layout.width >= 600.0 + box.width


def test_the_disk_cache_keeps_only_recent_layouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import icsviewer.layout.client as client

    monkeypatch.setattr(client, "DISK_LIMIT", 3)
    cache = LayoutCache(tmp_path)
    for n in range(5):
        chart = small_ics(places=("Liverpool", "Wirral")[: 1 + n % 2])
        chart.replace_body(Body("nhse", f"NHS England {n}", "national_body"))
        compute_layout(chart, engine="dot", cache=cache)
    assert len(list(tmp_path.glob("*.json"))) == 3


def test_tree_layouts_are_computed_not_cached(tmp_path: Path) -> None:
    cache = LayoutCache(tmp_path)
    chart = small_ics()
    first = compute_layout(chart, engine="tree", cache=cache)
    # Hashing a big chart for its key costs about what laying it out again does.
    assert not list(tmp_path.glob("*.json"))
    assert cache.get(layout_key(chart, "tree")) is None
    again = compute_layout(chart, engine="tree", cache=cache)
    assert again == first  # the same arrangement every time
