"""A Graphviz worker started before the chart is read (`start_worker`): the start-up path
starts one while the file is still being read, and `compute_layout(worker=...)` uses it."""

from __future__ import annotations

import pytest

from icsviewer.layout.client import LayoutError, compute_layout, start_worker
from tests.layout.charts import small_ics


def test_an_early_worker_gives_the_same_layout_as_a_fresh_one() -> None:
    chart = small_ics()
    worker = start_worker()
    early = compute_layout(chart, cache=None, worker=worker)
    assert worker.returncode == 0  # it answered this request and ended
    assert early == compute_layout(chart, cache=None)


def test_an_early_worker_that_is_not_needed_is_stopped() -> None:
    chart = small_ics()
    worker = start_worker()
    layout = compute_layout(chart, cache=None, engine="tree", worker=worker)
    assert set(layout.boxes) == set(chart.body_ids())
    assert worker.poll() is not None  # no idle Python process is left behind


def test_an_early_worker_is_stopped_when_the_layout_fails() -> None:
    worker = start_worker()
    with pytest.raises(LayoutError, match="Unknown layout engine"):
        compute_layout(small_ics(), cache=None, engine="neither", worker=worker)
    assert worker.poll() is not None
