"""`make bench`: ICS Viewer against Graphviz alone, on the same graphs, in one run.

    .venv/bin/python bench/run_bench.py            # flagship, 80, 500, 2,500 and 10,000 bodies
    .venv/bin/python bench/run_bench.py --quick    # up to 2,500 bodies, 3 repeats each

For the bundled flagship chart and seeded generated charts, measures (medians of several
repeats, each cold job in a fresh process with an empty app home, so no layout cache is ever
warm): cold start to the first painted window, read + validate, layout, building the scene, a
pan/zoom frame, a label edit's repaint, a structural edit's longest event-loop stall, PDF,
SVG and PNG export, and peak memory; and beside them Graphviz alone on the identical graph
(`dot` layout, then its SVG, PDF and PNG renderers). Prints a markdown table, writes JSON to
bench/results/latest.json, and exits 1 when any target of issue 8 is missed (0 when all are
met). Not part of `make test`. See docs/PERFORMANCE.md for what each figure means.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(BENCH.parent))

from charts import Case, flagship_case, generated_case  # noqa: E402
from measure import JOBS, measure_case  # noqa: E402
from report import markdown  # noqa: E402
from targets import check_all  # noqa: E402

FULL_SIZES = (80, 500, 2500, 10000)
QUICK_SIZES = (80, 500, 2500)
RESULTS = BENCH / "results" / "latest.json"


def _repeats(size: int, quick: bool, override: int | None) -> int:
    if override is not None:
        return override
    if quick:
        return 3
    return 5 if size <= 500 else 3 if size <= 2500 else 2


def _machine(load_before: str) -> dict[str, Any]:
    from PySide6.QtCore import qVersion

    def run(*argv: str) -> str:
        try:
            return subprocess.run(argv, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""

    free = run("free", "-h").splitlines()
    total = free[1].split()[1] if len(free) > 1 and len(free[1].split()) > 1 else "?"
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": (run("nproc").strip() or str(os.cpu_count())),
        "memory": f"{total} memory",
        "free_h": "\n".join(free),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside": _dist_version("PySide6", "PySide6_Essentials"),  # from disk, unlike qVersion
        "pygraphviz": _dist_version("pygraphviz"),
        "load_before": load_before,
    }


def _dist_version(*names: str) -> str:
    """The installed version of the first of these distributions that is installed."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def _byte_compile() -> bool:
    """Compile the app's own modules to bytecode, as installing the app does.

    An installed package has its `.pyc` files; an editable install (`pip install -e`) gets
    them on first import, unless PYTHONDONTWRITEBYTECODE is set (it is on the machines this
    project runs on), in which case every cold start would measure compiling ~300 modules
    from source. `make run` and `make test` compile them the same way.
    """
    root = BENCH.parent
    return all(
        compileall.compile_dir(root / package, quiet=1, force=False)
        for package in ("icsviewer", "exporters")
    )


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 2,500, 3 repeats")
    parser.add_argument("--sizes", help="generated chart sizes, e.g. 80,500 (default: all)")
    parser.add_argument("--repeats", type=int, help="repeats for every size")
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--no-flagship", action="store_true", help="skip the bundled chart")
    parser.add_argument("--graphviz-timeout", type=float, default=180.0,
                        help="stop Graphviz alone after this many seconds (default 180)")
    parser.add_argument("--export-cap", type=float, default=90.0,
                        help="stop one export after this many seconds (default 90)")
    parser.add_argument("--jobs", default=",".join(JOBS),
                        help=f"which measurements to run (default all: {','.join(JOBS)})")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        list(QUICK_SIZES if args.quick else FULL_SIZES))
    started = time.perf_counter()
    if not _byte_compile():
        print("warning: some modules did not byte-compile; cold starts include compiling",
              file=sys.stderr)
    # Versions as the run starts: the venv may change under a long run on a shared machine.
    machine = _machine(_load())
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="icsbench-charts-") as folder:
        cases: list[Case] = []
        if not args.no_flagship:
            cases.append(flagship_case(_repeats(80, args.quick, args.repeats)))
        for size in sizes:
            print(f"generating {size} bodies", file=sys.stderr, flush=True)
            cases.append(generated_case(size, args.seed,
                                        _repeats(size, args.quick, args.repeats), Path(folder)))
        for case in cases:
            print(f"measuring {case.name} ({case.repeats} repeats)", file=sys.stderr, flush=True)
            gv_repeats = 1 if case.bodies > 5000 else case.repeats
            results.append(
                measure_case(case, gv_repeats, args.graphviz_timeout, args.export_cap,
                             tuple(j.strip() for j in args.jobs.split(","))))
            # Keep what is measured so far, in case a later, bigger chart is interrupted.
            _write_json(args.json, {"machine": {"partial": True}, "cases": results})
    at_end = _machine("")
    for key in ("pyside", "pygraphviz"):
        if at_end[key] != machine[key]:
            machine[key] = f"{machine[key]} (at the end of the run: {at_end[key]})"
    machine["load_after"] = _load()
    machine["run_s"] = time.perf_counter() - started
    machine["graphviz"] = next(
        (r["graphviz_version"] for r in results if "graphviz_version" in r), "unknown")
    machine["mode"] = "quick" if args.quick else "full"
    verdicts = check_all({r["name"]: r for r in results})
    print(markdown(machine, results, verdicts))
    _write_json(args.json, {
        "machine": machine,
        "cases": results,
        "targets": [
            {"target": v.target.text, "measured": v.measured, "status": v.status}
            for v in verdicts
        ],
    })
    missed = [v for v in verdicts if v.status == "MISSED"]
    if missed:
        print(f"{len(missed)} target(s) missed; JSON in {args.json}", file=sys.stderr)
        return 1
    print(f"all measured targets met; JSON in {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
