"""Domain warnings: what an ICS chart needs, reported as warnings at the record's position."""

from __future__ import annotations

from icsviewer.io.domain_checks import validate_chart
from icsviewer.io.reader import parse_chart_text
from icsviewer.model.chart import Body, Chart, Group, Member, Relationship

BOARD = (
    Member("Chair", "A"),
    Member("Chief Executive", "B"),
    Member("Partner member", nominated_by="NHS trusts and foundation trusts"),
    Member("Partner member", nominated_by="Primary medical services (general practice)"),
    Member("Partner member", nominated_by="Local authorities"),
)


def _chart(icb_members=BOARD, place_members=("council", "hwb", "partnership")) -> Chart:
    bodies = [
        Body("icb", "ICB", "icb", members=icb_members),
        Body("council", "Council", "local_authority"),
        Body("hwb", "HWB", "hwb"),
        Body("partnership", "Partnership", "place_partnership"),
    ]
    rels = [Relationship(f"r{i}", b.id, "icb", "partners_with") for i, b in enumerate(bodies[1:])]
    return Chart(
        bodies=bodies,
        relationships=rels,
        groups=[Group("place_x", "Exton", place_members, kind="place")],
    )


def test_a_complete_place_and_board_give_no_warnings() -> None:
    assert validate_chart(_chart(), "x.yaml") == []


def test_a_place_without_its_hwb_or_with_two_councils_is_warned_about() -> None:
    chart = _chart(place_members=("council", "partnership"))
    chart.add_body(Body("council2", "Other council", "local_authority"))
    chart.add_relationship(Relationship("r9", "council2", "icb", "partners_with"))
    chart.set_groups(
        [Group("place_x", "Exton", ("council", "council2", "partnership"), kind="place")]
    )
    messages = [p.message for p in validate_chart(chart, "x.yaml")]
    assert any("exactly one health and wellbeing board" in m and "none" in m for m in messages)
    assert any("exactly one council" in m and "it has 2" in m for m in messages)


def test_an_icb_board_missing_members_names_each_gap() -> None:
    problems = validate_chart(_chart(icb_members=(Member("Vice Chair"), Member("CEO"))), "x.yaml")
    [board] = [p for p in problems if p.code == "icb-board"]
    assert board.severity == "warning" and board.body_id == "icb"
    for gap in ("a chair", "NHS trusts", "general practice", "local authorities"):
        assert gap in board.message
    assert "chief executive" not in board.message


def test_matching_is_case_insensitive_on_role_and_nominated_by() -> None:
    members = (
        Member("CHAIR"),
        Member("chief executive officer"),
        Member("Trust partner member"),
        Member("GP partner member"),
        Member("member", nominated_by="the nine COUNCILS"),
    )
    assert validate_chart(_chart(icb_members=members), "x.yaml") == []


def test_an_empty_chart_is_warned_about() -> None:
    assert [p.code for p in validate_chart(Chart(), "x.yaml")] == ["no-bodies"]


def test_a_body_with_no_relationship_is_warned_about_at_its_line() -> None:
    text = (
        "format: 1\nbodies:\n  - {id: a, name: A, kind: hwb}\n  - {id: b, name: B, kind: hwb}\n"
        "  - {id: lonely, name: L, kind: vcse}\n"
        "relationships:\n  - {from: a, to: b, kind: partners_with}\n"
    )
    result = parse_chart_text(text, "x.yaml")
    assert result.ok
    [lone] = [p for p in result.warnings if p.code == "lone-body"]
    assert (lone.line, lone.column, lone.body_id) == (5, 5, "lonely")
    assert str(lone).startswith("x.yaml:5:5: warning: body 'lonely'")
