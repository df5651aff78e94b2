"""The JSON Schema in resources/schema agrees with the kinds registry and the reader's keys,
and really rejects the mistakes people make when editing a chart by hand."""

from __future__ import annotations

import copy
import importlib.util
from typing import Any

import pytest

from icsviewer.model.chart import GROUP_KINDS, TOUR_MODES
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS
from tests.data.conftest import TEMPLATE, as_json, load_yaml
from tests.data.minischema import iter_errors

HAS_JSONSCHEMA = importlib.util.find_spec("jsonschema") is not None


def _defs(schema: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = schema["$defs"][name]
    return found


def test_schema_declares_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.skipif(not HAS_JSONSCHEMA, reason="jsonschema is not installed (not a dependency)")
def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema)


def test_body_kind_enum_is_the_registry(schema: dict[str, Any]) -> None:
    kind = _defs(schema, "body")["properties"]["kind"]
    assert kind["enum"] == list(BODY_KINDS)
    # One hover text per kind, in the same order, so VS Code explains each choice.
    assert len(kind["enumDescriptions"]) == len(BODY_KINDS)


def test_relationship_kind_enum_is_the_registry(schema: dict[str, Any]) -> None:
    kind = _defs(schema, "relationship")["properties"]["kind"]
    assert kind["enum"] == list(RELATION_KINDS)
    assert len(kind["enumDescriptions"]) == len(RELATION_KINDS)


def test_group_kinds_and_tour_modes_match_the_model(schema: dict[str, Any]) -> None:
    assert _defs(schema, "group")["properties"]["kind"]["enum"] == list(GROUP_KINDS)
    assert _defs(schema, "tour")["properties"]["mode"]["enum"] == list(TOUR_MODES)


def test_every_property_has_a_description_for_editor_hovers(schema: dict[str, Any]) -> None:
    missing = []
    for def_name, definition in schema["$defs"].items():
        for prop, spec in definition.get("properties", {}).items():
            if prop in ("x", "y"):
                continue
            if "description" not in spec:
                missing.append(f"{def_name}.{prop}")
    assert missing == []


@pytest.mark.skipif(
    importlib.util.find_spec("icsviewer.io.schema") is None,
    reason="reader key lists not written yet",
)
def test_schema_keys_are_the_reader_keys(schema: dict[str, Any]) -> None:
    from icsviewer.io import schema as keys

    expected = {
        "chart": keys.META_KEYS,
        "body": keys.BODY_KEYS,
        "relationship": keys.RELATIONSHIP_KEYS,
        "group": keys.GROUP_KEYS,
        "tour": keys.TOUR_KEYS,
        "step": keys.STEP_KEYS,
        "source": keys.SOURCE_KEYS,
        "link": keys.LINK_KEYS,
        "member": keys.MEMBER_KEYS,
    }
    assert set(schema["properties"]) == set(keys.TOP_KEYS)
    for def_name, reader_keys in expected.items():
        assert set(_defs(schema, def_name)["properties"]) == set(reader_keys), def_name
    assert _defs(schema, "id")["pattern"] == f"^{keys.ID_PATTERN}$"


# --- the schema rejects hand-editing mistakes ----------------------------------------------

def _template_json() -> dict[str, Any]:
    doc: dict[str, Any] = as_json(load_yaml(TEMPLATE))
    return doc


def _break_kind(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["kind"] = "clinical_commissioning_group"


def _break_id(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["id"] = "Cheshire ICB"


def _break_link(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["links"] = [{"url": "javascript:alert(1)"}]


def _break_http_link(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["links"] = [{"url": "http://insecure.example.org/"}]


def _break_date(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["valid_to"] = "30/06/2022"


def _break_impossible_date(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["valid_to"] = "2022-02-30"


def _break_typo_key(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["descripton"] = "typo"


def _break_relation_kind(doc: dict[str, Any]) -> None:
    doc["relationships"][0]["kind"] = "reports_to"


def _break_missing_name(doc: dict[str, Any]) -> None:
    del doc["bodies"][0]["name"]


def _break_format(doc: dict[str, Any]) -> None:
    doc["format"] = 2


def _break_version_number(doc: dict[str, Any]) -> None:
    doc["chart"]["version"] = 1.0  # what YAML makes of an unquoted 1.0


def _break_tour_mode(doc: dict[str, Any]) -> None:
    doc["tours"][0]["mode"] = "slideshow"


def _break_group_kind(doc: dict[str, Any]) -> None:
    doc["groups"][0]["kind"] = "region"


def _break_style_colour(doc: dict[str, Any]) -> None:
    doc["bodies"][0]["style"] = {"fill": "blue"}


BREAKERS = [
    _break_kind, _break_id, _break_link, _break_http_link, _break_date, _break_impossible_date,
    _break_typo_key, _break_relation_kind, _break_missing_name, _break_format,
    _break_version_number, _break_tour_mode, _break_group_kind, _break_style_colour,
]


@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda f: f.__name__.removeprefix("_break_"))
def test_schema_rejects_a_broken_chart(schema: dict[str, Any], breaker: Any) -> None:
    doc = _template_json()
    assert list(iter_errors(doc, schema)) == []
    broken = copy.deepcopy(doc)
    breaker(broken)
    assert list(iter_errors(broken, schema)) != []
    if HAS_JSONSCHEMA:
        import jsonschema

        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        assert list(validator.iter_errors(broken)) != []
