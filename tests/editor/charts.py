"""Small hand-made charts for the editor tests (no file reading involved)."""

from __future__ import annotations

import datetime as dt

from icsviewer.model.chart import (
    Body,
    Chart,
    ChartMeta,
    Group,
    Link,
    Member,
    Relationship,
    SourceRef,
    Tour,
    TourStep,
)


class Holder:
    """The least a command needs: something with a `chart`."""

    def __init__(self, chart: Chart) -> None:
        self.chart = chart


def small_chart() -> Chart:
    """NHS England, an ICB, a council, an HWB and a trust, with a Place and a tour."""
    bodies = [
        Body("nhse", "NHS England", "national_body", short_name="NHSE"),
        Body(
            "icb", "Example Integrated Care Board", "icb", short_name="Example ICB",
            aliases=("The ICB",), description="Plans and funds NHS care.",
            members=(Member("Chair", "A. Person"),),
            links=(Link("https://example.org", "Website"),),
            valid_from=dt.date(2022, 7, 1),
            sources=(SourceRef("Annual report", "https://example.org/ar", dt.date(2025, 1, 1)),),
            pinned=(100.0, 40.0), extra={"x_custom": [1, 2]},
        ),
        Body("council", "Example Council", "local_authority"),
        Body("hwb", "Example Health and Wellbeing Board", "hwb"),
        Body("trust", "Example Hospitals NHS Trust", "nhs_trust", pinned=(10.0, 300.0)),
    ]
    rels = [
        Relationship("icb--accountable_to--nhse", "icb", "nhse", "accountable_to",
                     id_generated=True),
        Relationship("hwb_council", "hwb", "council", "member_of", label="committee of"),
        Relationship("trust--partners_with--icb", "trust", "icb", "partners_with",
                     id_generated=True),
        Relationship("icb_regard_hwb", "icb", "hwb", "has_regard_to"),
    ]
    groups = [Group("place_example", "Example Place", ("council", "hwb", "trust"), "place")]
    tours = [
        Tour("intro", "Introduction", (
            TourStep(("nhse",), "National"),
            TourStep(("icb", "council"), "System", "notes"),
            TourStep(("hwb",), "Place"),
        ), default=True),
    ]
    meta = ChartMeta(title="Example ICS", version="1.0", as_at=dt.date(2025, 11, 1),
                     marking="OFFICIAL")
    return Chart(meta, bodies, rels, groups, tours)
