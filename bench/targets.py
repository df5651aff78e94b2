"""The performance targets of issue 8, and how a run's results are checked against them.

A target is met only by a measured figure: a figure that is missing (its probe failed or timed
out) counts as missed. Ratio targets compare our median with Graphviz's median on the same
graph in the same run; when Graphviz itself timed out at T seconds, our figure over T is an
upper bound on the ratio and is checked as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FLAGSHIP = "flagship"
NATIONAL = "generated 2500"
BEYOND = "generated 10000"


@dataclass(frozen=True)
class Target:
    """`metric` of chart `case` must be at most `limit` (or below it, when `strict`)."""

    case: str
    metric: str
    limit: float
    text: str
    ratio: bool = False  # compare ours / Graphviz instead of our own figure
    strict: bool = False


TARGETS: tuple[Target, ...] = (
    Target(FLAGSHIP, "first_paint_s", 1.0, "Flagship: first painted window <= 1.0 s (cold)"),
    Target(FLAGSHIP, "pdf_s", 0.3, "Flagship: PDF export <= 0.3 s"),
    Target(FLAGSHIP, "svg_s", 0.3, "Flagship: SVG export <= 0.3 s"),
    Target(NATIONAL, "first_paint_s", 1.5, "2,500: open to first paint <= 1.5 s (cold)"),
    Target(NATIONAL, "layout_s", 1.2, "2,500: our layout <= 1.2x dot alone", ratio=True),
    Target(NATIONAL, "svg_s", 1.0, "2,500: SVG export <= 1.0x Graphviz SVG", ratio=True),
    Target(NATIONAL, "pdf_s", 2.0, "2,500: PDF export <= 2 s"),
    Target(NATIONAL, "frame_fit_ms", 16.0, "2,500: pan/zoom frame <= 16 ms (whole chart)"),
    Target(NATIONAL, "frame_100_ms", 16.0, "2,500: pan/zoom frame <= 16 ms (100 %)"),
    Target(NATIONAL, "peak_rss_mb", 300.0, "2,500: peak memory < 300 MB", strict=True),
    Target(NATIONAL, "label_edit_ms", 50.0, "2,500: label edit repainted <= 50 ms"),
    Target(BEYOND, "first_paint_s", 3.0, "10,000: open to first paint <= 3 s (cold)"),
    Target(BEYOND, "peak_rss_mb", 800.0, "10,000: peak memory < 800 MB", strict=True),
)


def stall_targets(case_names: list[str]) -> list[Target]:
    """'A structural edit never blocks the event loop > 100 ms': checked at every size."""
    return [
        Target(name, "stall_ms", 100.0, f"{name}: structural edit stalls the loop <= 100 ms")
        for name in case_names
    ]


@dataclass(frozen=True)
class Verdict:
    target: Target
    measured: str
    status: str  # "met", "MISSED" or "not run"


def check(target: Target, cases: dict[str, dict[str, Any]]) -> Verdict:
    case = cases.get(target.case)
    if case is None or target.metric not in case["ours"]:
        return Verdict(target, "-", "not run")  # that chart or that job was not asked for
    ours = case["ours"].get(target.metric, {}).get("median")
    if ours is None:
        stopped = case.get("stopped", {}).get(target.metric)
        shown = f"> {stopped:g} s (stopped)" if stopped else "not measured"
        return Verdict(target, shown, "MISSED")
    value, shown = ours, f"{ours:.3g}"
    if target.ratio:
        theirs = case["graphviz"].get(target.metric, {}).get("median")
        timed_out = case.get("graphviz_timed_out_s")
        if theirs:
            value = ours / theirs
            shown = f"{value:.2f}x ({ours:.3g} vs {theirs:.3g})"
        elif timed_out:
            value = ours / timed_out
            shown = f"< {value:.2f}x (Graphviz > {timed_out:g} s)"
        else:
            return Verdict(target, "Graphviz not measured", "MISSED")
    met = value < target.limit if target.strict else value <= target.limit
    return Verdict(target, shown, "met" if met else "MISSED")


def check_all(cases: dict[str, dict[str, Any]]) -> list[Verdict]:
    return [check(t, cases) for t in (*TARGETS, *stall_targets(list(cases)))]
