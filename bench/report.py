"""The benchmark's output: a markdown table per chart, the target verdicts, and the JSON.

Every figure is a median of the run's repeats; beside it is the same job by Graphviz alone on
the identical graph, in the same run, and the ratio of the two (which stays meaningful on a
noisy shared machine even when the absolute times do not).
"""

from __future__ import annotations

from typing import Any

from targets import Verdict

# metric key -> (what it is, unit); Graphviz counterparts use the same keys.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("first_paint_s", "Cold start to first painted window with the laid-out chart "
     "(Graphviz: dot layout + SVG render)", "s"),
    ("first_any_paint_s", "Cold start to first painted chart in any arrangement", "s"),
    ("first_paint_cpu_s", "CPU time used by that start (app + layout worker)", "s"),
    ("read_s", "Read + validate (as File > Open)", "s"),
    ("layout_s", "Layout, cold (Graphviz: dot alone, no process start)", "s"),
    ("scene_first_s", "Scene ready for its first paint (big charts make items after it)", "s"),
    ("scene_s", "Build the scene, every item made", "s"),
    ("frame_fit_ms", "Pan/zoom frame, whole chart in a 1600x1000 view", "ms"),
    ("frame_100_ms", "Pan/zoom frame at 100 % zoom (after a pause: tiles made ahead)", "ms"),
    ("frame_100_direct_ms", "The same frames drawn directly (no tiles ready)", "ms"),
    ("label_edit_ms", "Label edit to repainted viewport", "ms"),
    ("stall_ms", "Longest event-loop stall: add-body + background re-layout", "ms"),
    ("pdf_s", "PDF export (Graphviz: -Tpdf renderer)", "s"),
    ("pdf_cpu_s", "CPU time of that PDF export", "s"),
    ("svg_s", "SVG export (Graphviz: -Tsvg renderer)", "s"),
    ("png_s", "PNG export (Graphviz: -Tpng renderer)", "s"),
    ("peak_rss_mb", "Peak memory, open + layout + scene (Graphviz: layout + renders)", "MB"),
)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3f} s"


def case_table(case: dict[str, Any]) -> str:
    """One chart's figures, ours beside Graphviz's."""
    head = (
        f"### {case['name']}: {case['bodies']} bodies, {case['relationships']} relationships "
        f"(our engine: {case.get('engine', '?')}; medians of {case['repeats']} repeats)\n\n"
        "| figure | ours | Graphviz alone | ours / Graphviz |\n|:---|---:|---:|---:|\n"
    )
    rows = []
    timed_out = case.get("graphviz_timed_out_s")
    for key, label, unit in METRICS:
        ours = case["ours"].get(key, {}).get("median")
        if key not in case["ours"]:
            continue
        theirs = case["graphviz"].get(key, {}).get("median") if key in case["graphviz"] else None
        gv_text, ratio = _fmt(theirs, unit), "-"
        ours_text = _fmt(ours, unit)
        stopped = case.get("stopped", {}).get(key)
        if ours is None and stopped:
            ours_text = f"> {stopped:g} s (stopped)"
        if theirs and ours is not None:
            ratio = f"{ours / theirs:.2f}x"
        elif key in case["graphviz"] and timed_out:
            gv_text = f"> {timed_out:g} s (stopped)"
            if ours is not None and unit == "s":
                ratio = f"< {ours / timed_out:.2f}x"
        rows.append(f"| {label} | {ours_text} | {gv_text} | {ratio} |")
    notes = "".join(f"\n- error: {e}" for e in case["errors"])
    return head + "\n".join(rows) + ("\n" + notes if notes else "") + "\n"


def verdict_table(verdicts: list[Verdict]) -> str:
    lines = ["| target | measured | result |", "|:---|---:|:---|"]
    lines += [f"| {v.target.text} | {v.measured} | {v.status} |" for v in verdicts]
    return "\n".join(lines) + "\n"


def markdown(machine: dict[str, Any], cases: list[dict[str, Any]], verdicts: list[Verdict]) -> str:
    missed = sum(v.status == "MISSED" for v in verdicts)
    parts = [
        f"## Benchmark, {machine['date']}\n",
        f"Machine: {machine['nproc']} cores, {machine['memory']}; load average "
        f"{machine['load_before']} before, {machine['load_after']} after; Python "
        f"{machine['python']}, Qt {machine['qt']} (PySide6 {machine['pyside']}), Graphviz "
        f"{machine['graphviz']} (pygraphviz {machine['pygraphviz']}). "
        f"Run took {machine['run_s']:.0f} s.\n",
        f"### Targets: {missed} missed of {len(verdicts)}\n",
        verdict_table(verdicts),
        *(case_table(c) for c in cases),
    ]
    return "\n".join(parts)
