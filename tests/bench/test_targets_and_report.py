"""The benchmark's verdicts and tables: a missed target must never read as met.

`make bench` exits non-zero when any target of issue 8 is missed; these tests check the
verdict logic it relies on (missing figures count as missed, ratios compare with Graphviz,
a Graphviz time-out gives an upper bound) and that the markdown shows what was measured.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from common import median  # noqa: E402
from report import case_table, markdown, verdict_table  # noqa: E402
from targets import FLAGSHIP, NATIONAL, Target, check, check_all  # noqa: E402


def _case(
    name: str,
    ours: dict[str, float | None],
    graphviz: dict[str, float | None] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "name": name,
        "bodies": 2500,
        "relationships": 3228,
        "repeats": 3,
        "engine": "tree",
        "ours": {key: {"median": value} for key, value in ours.items()},
        "graphviz": {key: {"median": value} for key, value in (graphviz or {}).items()},
        "errors": [],
        **extra,
    }


def test_median_ignores_failed_repeats_and_is_none_when_nothing_was_measured() -> None:
    assert median([3.0, None, 1.0, 2.0]) == 2.0
    assert median([None, None]) is None


@pytest.mark.parametrize(("measured", "status"), [(0.99, "met"), (1.0, "met"), (1.01, "MISSED")])
def test_a_time_target_is_met_up_to_its_limit(measured: float, status: str) -> None:
    target = Target(FLAGSHIP, "first_paint_s", 1.0, "first paint")
    verdict = check(target, {FLAGSHIP: _case(FLAGSHIP, {"first_paint_s": measured})})
    assert verdict.status == status


def test_a_strict_target_is_missed_at_its_limit() -> None:
    target = Target(NATIONAL, "peak_rss_mb", 300.0, "memory", strict=True)
    cases = {NATIONAL: _case(NATIONAL, {"peak_rss_mb": 300.0})}
    assert check(target, cases).status == "MISSED"


def test_a_probe_that_failed_counts_as_missed_and_says_so() -> None:
    target = Target(NATIONAL, "pdf_s", 2.0, "pdf")
    stopped = _case(NATIONAL, {"pdf_s": None}, stopped={"pdf_s": 90.0})
    verdict = check(target, {NATIONAL: stopped})
    assert verdict.status == "MISSED"
    assert "stopped" in verdict.measured
    failed = check(target, {NATIONAL: _case(NATIONAL, {"pdf_s": None})})
    assert (failed.status, failed.measured) == ("MISSED", "not measured")


def test_a_job_that_was_not_asked_for_is_not_run_rather_than_met() -> None:
    target = Target(NATIONAL, "pdf_s", 2.0, "pdf")
    assert check(target, {NATIONAL: _case(NATIONAL, {"read_s": 0.1})}).status == "not run"
    assert check(target, {}).status == "not run"


def test_ratio_targets_compare_with_graphviz_on_the_same_graph() -> None:
    target = Target(NATIONAL, "layout_s", 1.2, "layout", ratio=True)
    fast = _case(NATIONAL, {"layout_s": 1.0}, {"layout_s": 2.0})
    slow = _case(NATIONAL, {"layout_s": 3.0}, {"layout_s": 2.0})
    assert check(target, {NATIONAL: fast}).status == "met"
    verdict = check(target, {NATIONAL: slow})
    assert verdict.status == "MISSED"
    assert verdict.measured.startswith("1.50x")


def test_a_ratio_without_a_graphviz_figure_is_missed_unless_graphviz_timed_out() -> None:
    target = Target(NATIONAL, "layout_s", 1.2, "layout", ratio=True)
    no_reference = _case(NATIONAL, {"layout_s": 1.0})
    assert check(target, {NATIONAL: no_reference}).status == "MISSED"
    timed_out = _case(NATIONAL, {"layout_s": 1.0}, graphviz_timed_out_s=180.0)
    verdict = check(target, {NATIONAL: timed_out})
    assert verdict.status == "met"
    assert "Graphviz > 180" in verdict.measured


def test_every_measured_chart_gets_a_structural_edit_stall_target() -> None:
    cases = {
        FLAGSHIP: _case(FLAGSHIP, {"stall_ms": 40.0}),
        NATIONAL: _case(NATIONAL, {"stall_ms": 140.0}),
    }
    stalls = {v.target.case: v.status for v in check_all(cases) if v.target.metric == "stall_ms"}
    assert stalls == {FLAGSHIP: "met", NATIONAL: "MISSED"}


def test_the_tables_show_ours_graphviz_and_the_ratio() -> None:
    case = _case(NATIONAL, {"svg_s": 0.3, "frame_fit_ms": 12.5}, {"svg_s": 0.6})
    table = case_table(case)
    assert "| SVG export (Graphviz: -Tsvg renderer) | 0.300 s | 0.600 s | 0.50x |" in table
    assert "| Pan/zoom frame, whole chart in a 1600x1000 view | 12.5 ms | - | - |" in table
    assert "PDF export" not in table  # not measured in this run: no row


def test_the_report_counts_missed_targets() -> None:
    cases = [_case(NATIONAL, {"pdf_s": 5.0, "svg_s": 0.1}, {"svg_s": 0.2})]
    verdicts = check_all({c["name"]: c for c in cases})
    machine = {
        "date": "2026-11-22 10:00 UTC", "nproc": "2", "memory": "23Gi memory",
        "load_before": "0.1", "load_after": "0.2", "python": "3.11", "qt": "6.11",
        "pyside": "6.11", "graphviz": "14", "pygraphviz": "2.0", "run_s": 12.0,
    }
    text = markdown(machine, cases, verdicts)
    assert "### Targets: 1 missed of" in text
    assert "| 2,500: PDF export <= 2 s | 5 | MISSED |" in verdict_table(verdicts)
