"""The plain-English description and the directory's reading order, from the model."""

from __future__ import annotations

from dataclasses import replace

from exporters.describe import describe
from exporters.reading_order import directory_sections
from icsviewer.model.chart import Chart


def _all_text(chart: Chart) -> str:
    return "\n".join(p for part in describe(chart) for p in part.paragraphs)


def test_says_who_is_accountable_to_whom_with_the_legal_basis(chart: Chart) -> None:
    text = _all_text(chart)
    assert (
        "NHS Cheshire and Merseyside Integrated Care Board is accountable to NHS England "
        "(NHS Act 2006 s14Z59)." in text
    )
    assert "NHS England is accountable to Department of Health and Social Care." in text


def test_says_who_sits_on_what(chart: Chart) -> None:
    text = _all_text(chart)
    assert "The members of Cheshire and Merseyside Health and Care Partnership are " in text
    assert (
        "Liverpool City Council" in text.split("The members of Cheshire and Merseyside Health")[1]
    )
    assert "has 3 listed seats: Chair (Raj Jain), Chief Executive (Graham Urwin) and " in text


def test_describes_places_collaboratives_and_changes(chart: Chart) -> None:
    text = _all_text(chart)
    assert "organised into 4 Places: Liverpool, Sefton, Wirral and Cheshire East." in text
    assert "In Sefton: Sefton Place Partnership, Sefton Council and Sefton Health and" in text
    assert (
        "Mental Health, Learning Disability and Community Provider Collaborative brings "
        "together Mersey Care NHS Foundation Trust and Cheshire and Wirral Partnership "
        "NHS Foundation Trust." in text
    )
    assert "NHS Liverpool CCG existed from 1 April 2013 until 30 June 2022." in text
    assert "NHS Liverpool CCG was replaced by NHS Cheshire and Merseyside" in text


def test_follows_the_model_when_it_changes(chart: Chart) -> None:
    icb = chart.body("cm_icb")
    chart.replace_body(replace(icb, name="NHS Renamed ICB"))
    text = _all_text(chart)
    assert "NHS Renamed ICB is accountable to NHS England" in text
    assert "NHS Cheshire and Merseyside Integrated Care Board" not in text


def test_an_empty_chart_still_has_an_overview() -> None:
    parts = describe(Chart())
    assert [p.heading for p in parts] == ["Overview"]
    assert "0 bodies" in parts[0].paragraphs[0]


def test_directory_lists_every_body_once_top_down(chart: Chart) -> None:
    sections = directory_sections(chart)
    listed = [b.id for s in sections for b in s.bodies]
    assert sorted(listed) == sorted(chart.body_ids())
    assert [s.heading for s in sections] == [
        "National and regional bodies",
        "System-level bodies",
        "Place: Liverpool",
        "Place: Sefton",
        "Place: Wirral",
        "Place: Cheshire East",
        "Provider collaboratives and trusts",
        "Former bodies",
    ]
    providers = next(s for s in sections if s.key == "providers")
    assert [b.kind for b in providers.bodies][:2] == ["provider_collaborative"] * 2
    assert [b.id for b in sections[-1].bodies] == ["liverpool_ccg"]
