"""The bundled charts parse safely, follow the schema and hang together as a chart."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from icsviewer.model.kinds import BODY_KINDS
from tests.data.conftest import DATA_FILES, as_json, load_yaml
from tests.data.minischema import iter_errors

HAS_JSONSCHEMA = importlib.util.find_spec("jsonschema") is not None
HAS_READER = importlib.util.find_spec("icsviewer.io.reader") is not None
HAS_WRITER = importlib.util.find_spec("icsviewer.io.writer") is not None

# Text fields that YAML 1.1 could turn into a bool, number or date if left unquoted.
TEXT_FIELDS = {
    "chart": ("title", "subtitle", "organisation", "version", "marking", "description"),
    "body": ("id", "name", "short_name", "description", "notes"),
    "relationship": ("from", "to", "label", "notes", "legal_basis"),
}


@pytest.fixture(params=DATA_FILES, ids=lambda p: p.name)
def data_file(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_file_parses_with_safe_load_into_a_mapping(data_file: Path) -> None:
    assert isinstance(load_yaml(data_file), dict)


def test_file_declares_its_schema_for_editors(data_file: Path) -> None:
    first = data_file.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../resources/schema/chart.schema.json"
    assert (data_file.parent / "../resources/schema/chart.schema.json").resolve().is_file()


def test_file_has_no_anchors_or_aliases(data_file: Path) -> None:
    import yaml

    with data_file.open(encoding="utf-8") as handle:
        events = list(yaml.parse(handle))
    assert not [e for e in events if isinstance(e, yaml.AliasEvent)]
    assert not [e for e in events if getattr(e, "anchor", None)]


def test_file_follows_the_schema(data_file: Path, schema: dict[str, Any]) -> None:
    doc = as_json(load_yaml(data_file))
    assert list(iter_errors(doc, schema)) == []
    if HAS_JSONSCHEMA:
        import jsonschema

        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        assert [e.message for e in validator.iter_errors(doc)] == []


def test_text_fields_stay_text(data_file: Path) -> None:
    doc = load_yaml(data_file)
    wrong = [f"chart.{k}" for k in TEXT_FIELDS["chart"] if k in doc["chart"]
             and not isinstance(doc["chart"][k], str)]
    for section, fields in (("bodies", TEXT_FIELDS["body"]),
                            ("relationships", TEXT_FIELDS["relationship"])):
        for i, record in enumerate(doc.get(section) or ()):
            wrong += [f"{section}[{i}].{k}" for k in fields
                      if k in record and not isinstance(record[k], str)]
    assert wrong == []


def test_ids_are_unique(data_file: Path) -> None:
    doc = load_yaml(data_file)
    for section in ("bodies", "groups", "tours"):
        ids = [r["id"] for r in doc.get(section) or ()]
        assert len(ids) == len(set(ids)), section
    rel_ids = [r["id"] for r in doc.get("relationships") or () if "id" in r]
    assert len(rel_ids) == len(set(rel_ids))
    made = [f"{r['from']}--{r['kind']}--{r['to']}" for r in doc.get("relationships") or ()]
    assert len(made) == len(set(made)), "two relationships would get the same generated id"


def test_references_point_at_bodies_that_exist(data_file: Path) -> None:
    doc = load_yaml(data_file)
    ids = {b["id"] for b in doc["bodies"]}
    dangling = [(r["from"], r["to"]) for r in doc["relationships"]
                if r["from"] not in ids or r["to"] not in ids]
    dangling += [(g["id"], m) for g in doc["groups"] for m in g["members"] if m not in ids]
    dangling += [(t["id"], b) for t in doc["tours"] for s in t["steps"] for b in s["bodies"]
                 if b not in ids]
    assert dangling == []
    assert [r for r in doc["relationships"] if r["from"] == r["to"]] == []


def test_every_body_is_connected_and_in_at_most_one_group(data_file: Path) -> None:
    doc = load_yaml(data_file)
    linked = {r["from"] for r in doc["relationships"]} | {r["to"] for r in doc["relationships"]}
    assert [b["id"] for b in doc["bodies"] if b["id"] not in linked] == []
    placed = [m for g in doc["groups"] for m in g["members"]]
    assert len(placed) == len(set(placed))


def test_every_body_is_described_and_sourced(data_file: Path) -> None:
    doc = load_yaml(data_file)
    for body in doc["bodies"]:
        assert body.get("description", "").strip(), body["id"]
        sources = body.get("sources") or []
        # At least one source a reader can follow and knows the age of.
        assert any(s.get("url") and s.get("verified_on") for s in sources), body["id"]


def test_dates_run_forwards(data_file: Path) -> None:
    doc = load_yaml(data_file)
    for record in doc["bodies"] + doc["relationships"]:
        if record.get("valid_from") and record.get("valid_to"):
            assert record["valid_from"] <= record["valid_to"], record


def test_place_groups_hold_one_council_one_hwb_one_partnership(data_file: Path) -> None:
    doc = load_yaml(data_file)
    kinds = {b["id"]: b["kind"] for b in doc["bodies"]}
    places = [g for g in doc["groups"] if g.get("kind") == "place"]
    assert places
    for group in places:
        found = sorted(kinds[m] for m in group["members"])
        assert found == ["hwb", "local_authority", "place_partnership"], group["name"]


def test_tours_are_presentable(data_file: Path) -> None:
    doc = load_yaml(data_file)
    tours = doc["tours"]
    assert sum(1 for t in tours if t.get("default")) == 1
    for tour in tours:
        assert tour["steps"], tour["id"]
        for step in tour["steps"]:
            assert step["bodies"] and step.get("caption") and step.get("notes"), tour["id"]


def test_template_has_one_of_each_body_kind(template: dict[str, Any]) -> None:
    assert {b["kind"] for b in template["bodies"]} == set(BODY_KINDS)


@pytest.mark.skipif(not HAS_READER, reason="icsviewer.io.reader not written yet")
def test_file_loads_through_the_reader_with_no_problems(data_file: Path) -> None:
    from icsviewer.io.reader import load_chart

    result = load_chart(data_file)
    assert result.chart is not None
    # Not even warnings: the bundled charts are what users copy from.
    assert [str(p) for p in result.problems] == []
    assert len(result.chart.bodies) == len(load_yaml(data_file)["bodies"])


@pytest.mark.skipif(not (HAS_READER and HAS_WRITER), reason="reader or writer not written yet")
def test_what_the_writer_saves_still_follows_the_schema(
    data_file: Path, schema: dict[str, Any]
) -> None:
    import yaml

    from icsviewer.io.reader import load_chart
    from icsviewer.io.writer import dump_chart

    chart = load_chart(data_file).chart
    assert chart is not None
    saved = as_json(yaml.safe_load(dump_chart(chart)))
    assert list(iter_errors(saved, schema)) == []
