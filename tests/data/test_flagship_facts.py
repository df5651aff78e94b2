"""What the Cheshire and Merseyside chart must say, as the product brief and the law set out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

PLACES = ("Cheshire East", "Cheshire West", "Halton", "Knowsley", "Liverpool", "Sefton",
          "St Helens", "Warrington", "Wirral")


def _bodies(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["id"]: b for b in doc["bodies"]}


def _rels(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [r for r in doc["relationships"] if r["kind"] == kind]


def test_chart_metadata(flagship: dict[str, Any]) -> None:
    chart = flagship["chart"]
    assert chart["title"] == "NHS Cheshire and Merseyside"
    assert chart["version"] == "1.0"
    assert chart["marking"] == "OFFICIAL"
    assert isinstance(chart["as_at"], dt.date)
    assert chart["sources"] and chart["authors"]


def test_the_nine_places_each_have_a_group(flagship: dict[str, Any]) -> None:
    names = sorted(g["name"] for g in flagship["groups"] if g.get("kind", "other") == "place")
    assert names == sorted(PLACES)


def test_icb_board_has_the_statutory_minimum(flagship: dict[str, Any]) -> None:
    icb = _bodies(flagship)["cm_icb"]
    assert icb["kind"] == "icb" and icb["valid_from"] == dt.date(2022, 7, 1)
    roles = " | ".join(m["role"] for m in icb["members"]).lower()
    for needed in ("chair", "chief executive", "finance", "medical", "nursing",
                   "nhs trusts", "primary medical services", "local authorities", "mental health"):
        assert needed in roles, needed
    assert sum(1 for m in icb["members"] if m["role"].lower() == "non-executive member") >= 2


def test_icp_is_a_joint_committee_of_the_icb_and_nine_councils(flagship: dict[str, Any]) -> None:
    bodies = _bodies(flagship)
    councils = {b for b, v in bodies.items() if v["kind"] == "local_authority"}
    assert len(councils) == 9
    parents = {r["from"] for r in _rels(flagship, "member_of")
               if r["to"] == "cm_hcp" and r.get("legal_basis", "").endswith("s116ZA")}
    assert parents >= councils | {"cm_icb"}


def test_every_council_hosts_its_hwb_and_the_icb_delegates_to_every_partnership(
    flagship: dict[str, Any],
) -> None:
    bodies = _bodies(flagship)
    hosted = {r["to"] for r in _rels(flagship, "hosts")
              if bodies[r["from"]]["kind"] == "local_authority"}
    hwbs = {b for b, v in bodies.items() if v["kind"] == "hwb"}
    assert hwbs <= hosted
    delegated = {r["to"] for r in _rels(flagship, "delegates_to") if r["from"] == "cm_icb"
                 and "s65Z5" in r.get("legal_basis", "")}
    partnerships = {b for b, v in bodies.items() if v["kind"] == "place_partnership"}
    assert partnerships == delegated


def test_nine_ccgs_ended_on_30_june_2022_and_passed_to_the_icb(flagship: dict[str, Any]) -> None:
    ccgs = [b for b in flagship["bodies"] if b["kind"] == "former_ccg"]
    assert len(ccgs) == 9
    assert {b["valid_to"] for b in ccgs} == {dt.date(2022, 6, 30)}
    replaced = {r["from"] for r in _rels(flagship, "replaced_by") if r["to"] == "cm_icb"}
    assert replaced == {b["id"] for b in ccgs}


def test_replacements_start_the_day_after_the_old_body_ends(flagship: dict[str, Any]) -> None:
    bodies = _bodies(flagship)
    for rel in _rels(flagship, "replaced_by"):
        ended = bodies[rel["from"]]["valid_to"]
        assert rel["valid_from"] == ended + dt.timedelta(days=1), rel


def test_icb_is_accountable_to_nhs_england_under_s14z59(flagship: dict[str, Any]) -> None:
    rel = [r for r in _rels(flagship, "accountable_to") if r["from"] == "cm_icb"]
    assert [r["legal_basis"] for r in rel] == ["NHS Act 2006 s14Z59"]
    chain = {r["from"]: r["to"] for r in _rels(flagship, "accountable_to")}
    assert chain[rel[0]["to"]] == "nhse"


def test_joint_scrutiny_committee_scrutinises_the_icb(flagship: dict[str, Any]) -> None:
    committee = _bodies(flagship)["cm_joint_scrutiny"]
    assert "18" in committee["description"]
    assert any(r["from"] == "cm_joint_scrutiny" and r["to"] == "cm_icb"
               for r in _rels(flagship, "scrutinises"))


def test_collaboratives_have_their_names_members_and_objectives(flagship: dict[str, Any]) -> None:
    bodies = _bodies(flagship)
    mh = bodies["mhldsc"]
    assert mh["short_name"] == "MHLDSC" and "MHLDC" in mh["aliases"]
    agreeing = {r["from"] for r in _rels(flagship, "agrees_objectives_with") if r["to"] == "cm_icb"}
    assert {"cmast", "mhldsc"} <= agreeing
    members = {c: {r["from"] for r in _rels(flagship, "member_of") if r["to"] == c
                   and not r.get("valid_to")} for c in ("cmast", "mhldsc")}
    # The ICB's CMAST page marks four trusts as members of both collaboratives.
    in_both = members["cmast"] & members["mhldsc"]
    assert {"alder_hey", "countess_of_chester", "mid_cheshire", "mwl"} <= in_both


def test_uncertain_facts_are_marked(flagship: dict[str, Any]) -> None:
    bodies = _bodies(flagship)
    for unconfirmed in ("cheshire_west_place_partnership", "liverpool_partnership", "east_cheshire",
                        "wuth", "mhldsc"):
        assert "Not verified" in bodies[unconfirmed].get("notes", ""), unconfirmed
    assert "abolish" in bodies["nhse"]["description"]


def test_tours_for_real_audiences(flagship: dict[str, Any]) -> None:
    tours = {t["id"]: t for t in flagship["tours"]}
    default = [t for t in tours.values() if t.get("default")]
    assert [t["name"] for t in default] == ["The ICS in five minutes"]
    assert 6 <= len(default[0]["steps"]) <= 8
    assert 5 <= len(tours["decisions_and_money_to_place"]["steps"]) <= 7
    for tour in tours.values():
        for step in tour["steps"]:
            assert step["caption"].count(".") <= 1, step["caption"]  # one short sentence


def test_descriptions_are_two_to_four_sentences(flagship: dict[str, Any]) -> None:
    wrong = [b["id"] for b in flagship["bodies"]
             if not 2 <= len(re.findall(r"[.!?](?:\s|$)", b["description"])) <= 4]
    assert wrong == []


def test_build_tours_end_with_the_whole_chart_revealed(flagship: dict[str, Any]) -> None:
    # A build tour reveals bodies cumulatively; a body it never names would stay hidden.
    every = {b["id"] for b in flagship["bodies"]}
    builds = [t for t in flagship["tours"] if t.get("mode") == "build"]
    assert builds
    for tour in builds:
        named = {b for step in tour["steps"] for b in step["bodies"]}
        assert every - named == set(), tour["id"]


def test_captions_fit_one_line_on_a_projector(flagship: dict[str, Any]) -> None:
    # About 70 characters fit one line of the presenter's caption bar at a readable size.
    long = [s["caption"] for t in flagship["tours"] for s in t["steps"] if len(s["caption"]) > 70]
    assert long == []
