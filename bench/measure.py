"""Measure one chart: run every probe in its own cold child process and collect medians.

Each probe is a separate Python process with a fresh, empty app home (see `common.run_child`),
so no layout cache or saved state carries over between figures or repeats. A probe that fails
or times out is recorded in `errors` and its figures stay missing (a missed target), never
replaced by a guess.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from charts import Case, graphviz_request
from common import BENCH, ChildFailedError, median, run_child


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _put(table: dict[str, Any], key: str, samples: list[Any]) -> None:
    table[key] = {"median": median(samples), "samples": samples}


def measure_first_paint(case: Case, result: dict[str, Any], timeout: float) -> None:
    """Cold start of the app to its first painted chart, `case.repeats` times."""
    layout_paint: list[float | None] = []
    any_paint: list[float | None] = []
    cpu: list[float | None] = []
    for _ in range(case.repeats):
        before = _cpu_of_children()
        try:
            marks, spawned = run_child(
                [str(BENCH / "first_paint.py"), str(case.path)], timeout=timeout
            )
        except ChildFailedError as exc:
            result["errors"].append(f"first paint: {exc}")
            continue
        cpu.append(_cpu_of_children() - before)
        layout_paint.append(marks["layout_paint"] - spawned)
        first = marks.get("first_chart_paint")
        any_paint.append(first - spawned if first is not None else None)
        result["engine"] = marks.get("engine", result.get("engine"))
    _put(result["ours"], "first_paint_s", layout_paint)
    _put(result["ours"], "first_any_paint_s", any_paint)
    _put(result["ours"], "first_paint_cpu_s", cpu)


_GUI_KEYS = (
    "read_s", "layout_s", "scene_first_s", "scene_s", "frame_fit_ms", "frame_100_ms",
    "frame_100_direct_ms", "label_edit_ms",
)


def measure_gui(case: Case, result: dict[str, Any], timeout: float) -> None:
    """Read, layout, scene, frames, label edit and structural-edit stall, in one child."""
    try:
        answer, _ = run_child(
            [str(BENCH / "gui_probe.py"), str(case.path), str(case.repeats)], timeout=timeout
        )
    except ChildFailedError as exc:
        result["errors"].append(f"in-app figures: {exc}")
        for key in (*_GUI_KEYS, "stall_ms"):
            _put(result["ours"], key, [])  # measured and failed: a missed target
        return
    for key in _GUI_KEYS:
        _put(result["ours"], key, answer[key])
    _put(result["ours"], "stall_ms", [answer["stall_ms"]])
    result["engine"] = answer["engine"]
    result["zoom_fit"] = answer["zoom_fit"]
    result["stall_relayout_s"] = answer["stall_relayout_s"]


def measure_exports(case: Case, result: dict[str, Any], cap: float) -> None:
    """PDF, SVG and PNG export, one child per format (layout done first, not timed).

    An export still running after `cap` seconds is stopped and recorded as "more than cap";
    repeats stop early once a third of the cap has been spent on one format.
    """
    for fmt in ("pdf", "svg", "png"):
        with tempfile.TemporaryDirectory(prefix="icsbench-out-") as out:
            try:
                answer, _ = run_child(
                    [str(BENCH / "export_probe.py"), str(case.path), fmt, str(case.repeats),
                     out, str(cap / 3)],
                    timeout=cap + 60 * max(1.0, case.bodies / 2500),  # + read and layout
                )
            except ChildFailedError as exc:
                result["errors"].append(f"{fmt} export: {exc}")
                if "longer than" in str(exc):
                    result.setdefault("stopped", {})[f"{fmt}_s"] = cap
                _put(result["ours"], f"{fmt}_s", [])
                continue
        _put(result["ours"], f"{fmt}_s", answer["seconds"])
        if fmt == "pdf":
            _put(result["ours"], "pdf_cpu_s", answer.get("cpu_seconds", []))
        result[f"{fmt}_bytes"] = answer["bytes"]
        if fmt == "png":
            result["png_scale"] = answer.get("png_scale")
        result["errors"].extend(f"export {e}" for e in answer["errors"])


def measure_memory(case: Case, result: dict[str, Any], timeout: float) -> None:
    """Peak RSS of open + layout + scene, each repeat in a fresh process."""
    peaks: list[float | None] = []
    for _ in range(min(case.repeats, 3)):
        try:
            answer, _ = run_child([str(BENCH / "memory_probe.py"), str(case.path)],
                                  timeout=timeout)
        except ChildFailedError as exc:
            result["errors"].append(f"memory: {exc}")
            continue
        peaks.append(answer["peak_rss_mb"])
    _put(result["ours"], "peak_rss_mb", peaks)


def measure_graphviz(case: Case, result: dict[str, Any], repeats: int, timeout: float) -> None:
    """Graphviz alone on the same graph: `dot` layout, then its SVG, PDF and PNG renderers."""
    # Graphviz's PNG at the resolution our export used (2x = 144 dpi unless it had to shrink).
    request = graphviz_request(case, 72.0 * float(result.get("png_scale", 2.0)))
    samples: dict[str, list[float | None]] = {
        "layout_s": [], "svg_s": [], "pdf_s": [], "png_s": [], "peak_rss_mb": []
    }
    for _ in range(repeats):
        try:
            answer, _ = run_child(
                [str(BENCH / "graphviz_child.py")], timeout=timeout, stdin=request
            )
        except ChildFailedError as exc:
            result["errors"].append(f"graphviz: {exc}")
            if "longer than" in str(exc):
                result["graphviz_timed_out_s"] = timeout
                break  # a second try would only time out again
            continue
        for key, values in samples.items():
            values.append(answer[key])
        result["graphviz_version"] = answer.get("graphviz_version", "unknown")
    for key, values in samples.items():
        _put(result["graphviz"], key, values)
    layout = result["graphviz"]["layout_s"]["median"]
    svg = result["graphviz"]["svg_s"]["median"]
    # What Graphviz needs to show the graph at all: lay it out and render it once.
    _put(result["graphviz"], "first_paint_s",
         [layout + svg] if layout is not None and svg is not None else [])


JOBS = ("exports", "graphviz", "first paint", "in-app figures", "memory")


def measure_case(
    case: Case, graphviz_repeats: int, graphviz_timeout: float, export_cap: float,
    jobs: tuple[str, ...] = JOBS, quiet: bool = False,
) -> dict[str, Any]:
    """Every figure for one chart."""
    result: dict[str, Any] = {
        "name": case.name, "file": case.path.name, "bodies": case.bodies,
        "relationships": case.relationships, "repeats": case.repeats,
        "ours": {}, "graphviz": {}, "errors": [],
    }
    # Generous time limits: a limit only stops a hung child, it is no target.
    scale = max(1.0, case.bodies / 500)
    steps: tuple[tuple[str, Callable[[], None]], ...] = (
        ("exports", lambda: measure_exports(case, result, export_cap)),
        ("graphviz", lambda: measure_graphviz(case, result, graphviz_repeats, graphviz_timeout)),
        ("first paint", lambda: measure_first_paint(case, result, min(60 * scale, 300))),
        ("in-app figures",
         lambda: measure_gui(case, result, min(120 * scale + 60 * case.repeats, 900))),
        ("memory", lambda: measure_memory(case, result, min(60 * scale, 300))),
    )
    for label, step in steps:
        if label not in jobs:
            continue
        start = time.perf_counter()
        step()
        if not quiet:
            print(f"  {case.name}: {label} ({time.perf_counter() - start:.1f} s)",
                  file=sys.stderr, flush=True)
    return result



