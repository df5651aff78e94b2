"""The charts the benchmark measures, written to files as a user would have them.

The flagship chart is the bundled one. The others come from the seeded ICS-shaped generator
(`icsviewer.model.generator.generate_chart`) and are saved with the project's own writer, so
reading them measures the real reader on real-looking YAML. Also builds, for each chart, the
graph the layout would hand Graphviz (`graph_builder.build_spec`), for the Graphviz-alone
reference.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from common import ROOT

from icsviewer.io.reader import load_chart
from icsviewer.io.writer import dump_chart
from icsviewer.layout.graph_builder import build_spec
from icsviewer.layout.structure import build_structure
from icsviewer.model.chart import Chart
from icsviewer.model.generator import generate_chart

FLAGSHIP = ROOT / "data" / "cheshire_and_merseyside.yaml"


@dataclass(frozen=True)
class Case:
    """One chart to measure: a name for the table, its file and its size."""

    name: str
    path: Path
    bodies: int
    relationships: int
    repeats: int


def flagship_case(repeats: int) -> Case:
    chart = _read(FLAGSHIP)
    return Case("flagship", FLAGSHIP, len(chart), len(chart.relationships), repeats)


def generated_case(size: int, seed: int, repeats: int, folder: Path) -> Case:
    """Generate a chart of `size` bodies and save it as YAML in `folder`."""
    chart = generate_chart(size, seed)
    _mark_generated_ids(chart)
    path = folder / f"generated_{size}_seed{seed}.yaml"
    path.write_text(dump_chart(chart), "utf-8")
    saved = _read(path)
    if len(saved.relationships) != len(chart.relationships) or len(saved) != len(chart):
        raise SystemExit(
            f"the generated {size}-body chart does not survive saving and reading "
            f"({len(saved)} of {len(chart)} bodies, {len(saved.relationships)} of "
            f"{len(chart.relationships)} relationships): it would measure the wrong chart"
        )
    return Case(f"generated {size}", path, len(chart), len(chart.relationships), repeats)


def _mark_generated_ids(chart: Chart) -> None:
    """Mark the generator's "a--kind--b" relationship ids as made up, as the reader does.

    The generator names relationships in the reader's scheme for files without ids, but does
    not set `id_generated`, so the writer would save ids the reader refuses (ids in files are
    [a-z0-9_]) and the saved chart would reopen with no relationships at all.
    """
    for rel in chart.relationships:
        if "--" in rel.id and not rel.id_generated:
            chart.replace_relationship(dataclasses.replace(rel, id_generated=True))


def graphviz_request(case: Case, png_dpi: float) -> str:
    """The JSON request for `graphviz_child.py`: the spec our layout would give `dot`."""
    spec = build_spec(build_structure(_read(case.path)))
    return json.dumps({"spec": spec.to_json_dict(), "png_dpi": png_dpi})


def _read(path: Path) -> Chart:
    result = load_chart(path)
    if result.chart is None:
        raise SystemExit(f"benchmark chart {path} cannot be read: {result.errors[:1]}")
    return result.chart
