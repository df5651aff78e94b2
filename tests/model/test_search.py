"""Search puts the body a person is typing the name of first, not the first in the file."""

from __future__ import annotations

from icsviewer.model.chart import Body, Chart


def _chart() -> Chart:
    return Chart(
        bodies=[
            Body(
                "knowsley",
                "Knowsley Council",
                "local_authority",
                description="Works with Liverpool on many services.",
            ),
            Body(
                "trust",
                "Alder Hey Children's Hospital",
                "nhs_trust",
                aliases=("Liverpool children's hospital",),
            ),
            Body("lhch", "Heart and Chest Hospital, Liverpool", "nhs_trust"),
            Body("lcc", "Liverpool City Council", "local_authority", short_name="LCC"),
            Body("liverpool", "Liverpool", "place_partnership"),
        ]
    )


def test_exact_name_then_prefix_then_word_then_alias_then_description() -> None:
    found = [b.id for b in _chart().search("liverpool")]
    assert found == ["liverpool", "lcc", "lhch", "trust", "knowsley"]


def test_short_name_counts_as_an_exact_match() -> None:
    assert _chart().search("LCC")[0].id == "lcc"


def test_blank_text_finds_nothing_and_a_miss_finds_nothing() -> None:
    assert _chart().search("   ") == []
    assert _chart().search("wirral") == []
