"""Small charts for layout tests, built in code so the tests do not depend on data files."""

from __future__ import annotations

from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Relationship

PLACES = ("Liverpool", "Wirral", "Sefton", "Knowsley", "Halton")


def small_ics(
    places: tuple[str, ...] = PLACES, pins: dict[str, tuple[float, float]] | None = None
) -> Chart:
    """NHS England, a region, an ICB and ICP, Places of three bodies, two trusts."""
    pins = pins or {}
    bodies = [
        Body("nhse", "NHS England", "national_body"),
        Body("nw", "NHS England North West", "nhse_region"),
        Body(
            "icb", "NHS Cheshire and Merseyside Integrated Care Board", "icb", short_name="C&M ICB"
        ),
        Body("icp", "Cheshire and Merseyside Health and Care Partnership", "icp"),
        Body("collab", "Acute and Specialist Trusts Collaborative", "provider_collaborative"),
        Body("t1", "Liverpool University Hospitals NHS Foundation Trust", "nhs_trust"),
        Body("t2", "Wirral University Teaching Hospital NHS Foundation Trust", "nhs_trust"),
        Body("ccg", "NHS Liverpool CCG", "former_ccg"),
    ]
    rels = [
        Relationship("nw_nhse", "nw", "nhse", "accountable_to"),
        Relationship("icb_nw", "icb", "nw", "accountable_to"),
        Relationship("icb_icp", "icb", "icp", "member_of"),
        Relationship("t1_collab", "t1", "collab", "member_of"),
        Relationship("t2_collab", "t2", "collab", "member_of"),
        Relationship("collab_icb", "collab", "icb", "partners_with"),
        Relationship("ccg_icb", "ccg", "icb", "replaced_by"),
    ]
    groups = [
        Group("collaborative", "Acute collaborative", ("collab", "t1", "t2"), "collaborative")
    ]
    for place in places:
        k = place.lower()
        bodies += [
            Body(f"{k}_council", f"{place} Council", "local_authority"),
            Body(f"{k}_hwb", f"{place} Health and Wellbeing Board", "hwb"),
            Body(f"{k}_pp", f"One {place} Partnership", "place_partnership"),
        ]
        rels += [
            Relationship(f"{k}_pp_icb", f"{k}_pp", "icb", "member_of"),
            Relationship(f"{k}_council_icp", f"{k}_council", "icp", "member_of"),
            Relationship(f"{k}_hosts", f"{k}_council", f"{k}_hwb", "hosts"),
            Relationship(f"{k}_regard", f"{k}_hwb", "icb", "has_regard_to"),
        ]
        groups.append(Group(f"place_{k}", place, (f"{k}_council", f"{k}_hwb", f"{k}_pp"), "place"))
    bodies = [Body(b.id, b.name, b.kind, b.short_name, pinned=pins.get(b.id)) for b in bodies]
    return Chart(ChartMeta(title="Test ICS"), bodies, rels, groups)
