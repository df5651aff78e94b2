"""A small but realistic ICS chart for exporter tests, built in code (no reader needed)."""

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
)

VERIFIED = dt.date(2025, 11, 1)
SRC = (
    SourceRef("NHS England: ICB directory", "https://www.england.nhs.uk/integratedcare/", VERIFIED),
)

PLACES = {
    "liverpool": "Liverpool",
    "sefton": "Sefton",
    "wirral": "Wirral",
    "cheshire_east": "Cheshire East",
}
TRUSTS = {
    "lupft": "Liverpool University Hospitals NHS Foundation Trust",
    "wuth": "Wirral University Teaching Hospital NHS Foundation Trust",
    "mcht": "Mid Cheshire Hospitals NHS Foundation Trust",
    "mersey_care": "Mersey Care NHS Foundation Trust",
    "cwp": "Cheshire and Wirral Partnership NHS Foundation Trust",
}


def sample_chart() -> Chart:
    """About 30 bodies: national, region, ICB, ICP, four Places, collaboratives, trusts, CCGs."""
    bodies = [
        Body(
            "dhsc",
            "Department of Health and Social Care",
            "national_body",
            short_name="DHSC",
            description="Government department responsible for health and adult social care.",
            links=(
                Link(
                    "https://www.gov.uk/government/organisations/department-of-health-and-social-care",
                    "Website",
                ),
            ),
            sources=SRC,
        ),
        Body(
            "nhse",
            "NHS England",
            "national_body",
            short_name="NHSE",
            description="Leads the NHS in England; sets ICB allocations and assesses ICBs.",
            sources=SRC,
        ),
        Body(
            "nhse_nw",
            "NHS England North West",
            "nhse_region",
            description="Regional team that oversees the ICBs in the North West.",
        ),
        Body(
            "cm_icb",
            "NHS Cheshire and Merseyside Integrated Care Board",
            "icb",
            short_name="C&M ICB",
            aliases=("NHS Cheshire and Merseyside",),
            description="Plans and pays for NHS services for 2.7 million people.",
            members=(
                Member("Chair", "Raj Jain"),
                Member("Chief Executive", "Graham Urwin"),
                Member("Partner member (trusts)", "", "NHS trusts in C&M"),
            ),
            links=(
                Link("https://www.cheshireandmerseyside.nhs.uk/", "Website"),
                Link("mailto:enquiries@cheshireandmerseyside.nhs.uk", "Email"),
            ),
            valid_from=dt.date(2022, 7, 1),
            sources=SRC,
        ),
        Body(
            "cm_icp",
            "Cheshire and Merseyside Health and Care Partnership",
            "icp",
            description="The integrated care partnership: a joint committee of the ICB and the "
            "nine councils.",
        ),
    ]
    groups = []
    rels = [
        Relationship(
            "r_icb_nhse", "cm_icb", "nhse", "accountable_to", legal_basis="NHS Act 2006 s14Z59"
        ),
        Relationship("r_nw_nhse", "nhse_nw", "nhse", "accountable_to"),
        Relationship("r_nhse_dhsc", "nhse", "dhsc", "accountable_to"),
        Relationship("r_icb_icp", "cm_icb", "cm_icp", "member_of"),
        Relationship("r_icb_strategy", "cm_icb", "cm_icp", "has_regard_to", label="strategy"),
    ]
    for pid, name in PLACES.items():
        la, hwb, pp = f"{pid}_council", f"{pid}_hwb", f"{pid}_place"
        council = f"{name} Council" if pid != "liverpool" else "Liverpool City Council"
        bodies += [
            Body(la, council, "local_authority", description=f"The local authority for {name}."),
            Body(hwb, f"{name} Health and Wellbeing Board", "hwb"),
            Body(pp, f"{name} Place Partnership", "place_partnership"),
        ]
        groups.append(Group(f"place_{pid}", name, (pp, la, hwb), "place"))
        rels += [
            Relationship(f"r_{la}_icp", la, "cm_icp", "member_of"),
            Relationship(f"r_{hwb}_{la}", hwb, la, "accountable_to"),
            Relationship(f"r_icb_{pp}", "cm_icb", pp, "delegates_to"),
        ]
    bodies += [
        Body(
            "cmast",
            "Cheshire and Merseyside Acute and Specialist Trust Provider Collaborative",
            "provider_collaborative",
            short_name="CMAST",
        ),
        Body(
            "mhldc",
            "Mental Health, Learning Disability and Community Provider Collaborative",
            "provider_collaborative",
            short_name="MHLDC",
        ),
    ]
    for tid, name in TRUSTS.items():
        bodies.append(Body(tid, name, "nhs_trust"))
        collab = "mhldc" if tid in ("mersey_care", "cwp") else "cmast"
        rels.append(Relationship(f"r_{tid}_{collab}", tid, collab, "member_of"))
    rels += [
        Relationship("r_cmast_icb", "cmast", "cm_icb", "partners_with"),
        Relationship("r_mhldc_icb", "mhldc", "cm_icb", "partners_with"),
    ]
    groups.append(
        Group(
            "collaboratives",
            "Provider collaboratives",
            ("cmast", "mhldc", *TRUSTS),
            "collaborative",
        )
    )
    bodies += [
        Body(
            "liverpool_ccg",
            "NHS Liverpool CCG",
            "former_ccg",
            valid_from=dt.date(2013, 4, 1),
            valid_to=dt.date(2022, 6, 30),
        ),
        Body(
            "scrutiny",
            "Cheshire and Merseyside Joint Health Scrutiny Committee",
            "scrutiny_committee",
        ),
    ]
    rels += [
        Relationship("r_ccg_icb", "liverpool_ccg", "cm_icb", "replaced_by"),
        Relationship("r_scrutiny_icb", "scrutiny", "cm_icb", "scrutinises"),
    ]
    meta = ChartMeta(
        title="NHS Cheshire and Merseyside",
        subtitle="Integrated Care System structure",
        organisation="NHS Cheshire and Merseyside",
        version="1.0",
        as_at=dt.date(2025, 11, 1),
        marking="OFFICIAL",
        authors=("ICS Viewer team",),
        description="How health and care is organised in Cheshire and Merseyside.",
        sources=SRC,
    )
    return Chart(meta, bodies, rels, groups)
