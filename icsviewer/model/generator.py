"""A seeded generator of ICS-shaped charts of any size, for benchmarks and scale tests.

The shape follows the real system: NHS England and its regions at the top; each integrated
care system has an ICB, an ICP, a scrutiny committee and a quality committee; several Places
(a place partnership, a council and a health and wellbeing board each, framed as a group);
provider collaboratives with their trusts; primary care and VCSE bodies; the former CCGs
replaced by the ICB. About one relationship in ten is a cross link (has regard to, partners
with, scrutinises, delegates to) on top of the accountability and membership tree.

The same `(n_bodies, seed)` always gives the same chart, with exactly `n_bodies` bodies (the
last system is cut short where needed; relationships and groups only name bodies that exist).
In a chart of up to 120 bodies the first system is shaped like Cheshire and Merseyside (nine
Places, two collaboratives; 62 bodies with NHS England and the region), and further systems
fill the rest; the national picture is about 2,500 bodies in some 45 systems.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Relationship

_STEMS = (
    "Ash",
    "Bram",
    "Calder",
    "Dun",
    "Elm",
    "Fern",
    "Glen",
    "Hart",
    "Ivy",
    "Kings",
    "Lang",
    "Marl",
    "North",
    "Oak",
    "Pen",
    "Queens",
    "Ribble",
    "Stan",
    "Thorn",
    "Upper",
    "Wey",
    "Wood",
    "Brook",
    "Castle",
    "Hollin",
    "Kirk",
    "Mill",
    "Riven",
    "Sand",
    "Whit",
)
_ENDINGS = (
    "ford",
    "ley",
    "ton",
    "bury",
    "field",
    "ham",
    "wick",
    "dale",
    "mouth",
    "stead",
    "by",
    "worth",
    "combe",
    "gate",
    "hurst",
    "minster",
)
_TRUST_TYPES = (
    "University Hospitals NHS Foundation Trust",
    "Teaching Hospitals NHS Trust",
    "Community Health NHS Trust",
    "Women's and Children's NHS Foundation Trust",
    "Heart and Chest Hospital NHS Foundation Trust",
)
_MH_TRUST_TYPES = (
    "Mental Health NHS Foundation Trust",
    "Partnership NHS Foundation Trust",
    "Community and Mental Health NHS Trust",
)
_REGIONS = (
    "North West",
    "North East and Yorkshire",
    "Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
# Bodies per system in the national picture (~2,500 bodies / 42 systems).
NATIONAL_SYSTEMS = 42


@dataclass
class _Builder:
    """Collects records until the body budget is spent."""

    budget: int
    rng: random.Random
    bodies: list[Body] = field(default_factory=list)
    rels: list[Relationship] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return len(self.bodies) >= self.budget

    def body(self, body_id: str, name: str, kind: str, short: str = "") -> str | None:
        if self.full:
            return None
        self.bodies.append(Body(body_id, name, kind, short_name=short))
        self.ids.add(body_id)
        return body_id

    def rel(self, source: str | None, kind: str, target: str | None) -> None:
        if source in self.ids and target in self.ids and source and target:
            # The id the reader would give a relationship written without one, marked so the
            # writer leaves it out: a generated chart saves and reopens unchanged.
            rel_id = f"{source}--{kind}--{target}"
            self.rels.append(Relationship(rel_id, source, target, kind, id_generated=True))

    def group(self, group_id: str, name: str, kind: str, members: list[str | None]) -> None:
        present = tuple(m for m in members if m is not None)
        if present:
            self.groups.append(Group(group_id, name, present, kind))

    def place_name(self) -> str:
        for _ in range(20):
            name = self.rng.choice(_STEMS) + self.rng.choice(_ENDINGS)
            if name not in self.names:
                self.names.add(name)
                return name
        # Names are running out (a very large chart): a prefix keeps them unique and readable.
        prefix = ("Upper", "Lower", "Great", "Little", "East", "West", "New", "Old")
        name = f"{self.rng.choice(prefix)} {self.rng.choice(_STEMS)}{self.rng.choice(_ENDINGS)}"
        while name in self.names:
            name = f"{name} {len(self.names)}"
        self.names.add(name)
        return name


def generate_chart(n_bodies: int, seed: int = 0) -> Chart:
    """An ICS-shaped chart with exactly `n_bodies` bodies (at least 1), the same for a seed."""
    n_bodies = max(1, n_bodies)
    build = _Builder(n_bodies, random.Random(seed))  # noqa: S311 - test data, not secrets
    build.body("nhse", "NHS England", "national_body", "NHSE")
    single = n_bodies <= 120
    regions = 1 if single else min(len(_REGIONS), max(1, round(n_bodies / 360)))
    region_ids: list[str] = []
    for r in range(regions):
        rid = build.body(f"region_{r}", f"NHS England {_REGIONS[r]}", "nhse_region")
        build.rel(rid, "accountable_to", "nhse")
        if rid:
            region_ids.append(rid)
    system = 0
    while not build.full:
        region = region_ids[system % len(region_ids)] if region_ids else "nhse"
        _system(build, f"s{system}", region, single)
        system += 1
    title = "Generated ICS" if single else f"Generated national picture ({system} systems)"
    meta = ChartMeta(title=title, subtitle=f"{n_bodies} bodies, seed {seed}")
    return Chart(meta, build.bodies, build.rels, build.groups)


def _system(build: _Builder, sid: str, region: str, like_flagship: bool) -> None:
    """One integrated care system, as far as the budget allows."""
    rng = build.rng
    area = build.place_name()
    icb = build.body(
        f"{sid}_icb",
        f"NHS {area} and {build.place_name()} Integrated Care Board",
        "icb",
        f"{area} ICB",
    )
    build.rel(icb, "accountable_to", region)
    icp = build.body(f"{sid}_icp", f"{area} Health and Care Partnership", "icp", f"{area} ICP")
    build.rel(icb, "member_of", icp)
    scrutiny = build.body(
        f"{sid}_jhosc", f"{area} Joint Health Scrutiny Committee", "scrutiny_committee"
    )
    build.rel(scrutiny, "scrutinises", icb)
    quality = build.body(f"{sid}_quality", f"{area} ICB Quality Committee", "committee")
    build.rel(quality, "accountable_to", icb)

    n_places = 9 if like_flagship else rng.randint(3, 11)
    partnerships: list[str] = []
    for p in range(n_places):
        place = build.place_name()
        pid = f"{sid}_p{p}"
        partnership = build.body(f"{pid}_pp", f"{place} Place Partnership", "place_partnership")
        council = build.body(
            f"{pid}_la",
            f"{place} {rng.choice(('Borough', 'City', 'County'))} Council",
            "local_authority",
        )
        hwb = build.body(f"{pid}_hwb", f"{place} Health and Wellbeing Board", "hwb")
        build.rel(partnership, "member_of", icb)
        build.rel(council, "member_of", icp)
        build.rel(council, "hosts", hwb)
        build.rel(council, "member_of", partnership)
        build.rel(hwb, "has_regard_to", icp)
        members = [partnership, council, hwb]
        if not like_flagship:
            # The national picture also shows each Place's primary care networks.
            pcn = build.body(f"{pid}_pcn", f"{place} Primary Care Networks", "primary_care")
            build.rel(pcn, "member_of", partnership)
            members.append(pcn)
        build.group(f"{pid}", place, "place", members)
        if partnership:
            partnerships.append(partnership)

    trusts: list[str] = []
    collaboratives = (
        [
            ("Acute and Specialist Trusts", 11, _TRUST_TYPES),
            ("Mental Health, Community and Learning Disability", 6, _MH_TRUST_TYPES),
        ]
        if like_flagship
        else [
            ("Acute Providers", rng.randint(4, 13), _TRUST_TYPES),
            ("Mental Health Providers", rng.randint(2, 7), _MH_TRUST_TYPES),
        ]
    )
    for c, (label, size, types) in enumerate(collaboratives):
        cid = build.body(
            f"{sid}_c{c}", f"{area} {label} Provider Collaborative", "provider_collaborative"
        )
        build.rel(cid, "accountable_to", icb)
        collab_members: list[str | None] = [cid]
        for t in range(size):
            tid = build.body(
                f"{sid}_c{c}_t{t}", f"{build.place_name()} {rng.choice(types)}", "nhs_trust"
            )
            build.rel(tid, "member_of", cid)
            collab_members.append(tid)
            if tid:
                trusts.append(tid)
        build.group(f"{sid}_collab{c}", f"{label} collaborative", "collaborative", collab_members)

    pc = build.body(f"{sid}_pcn", f"{area} Primary Care Networks", "primary_care")
    build.rel(pc, "accountable_to", icb)
    vcse = build.body(f"{sid}_vcse", f"{area} VCSE Alliance", "vcse")
    build.rel(vcse, "member_of", icp)

    for p in range(max(1, n_places - rng.randint(0, 1))):
        ccg = build.body(f"{sid}_ccg{p}", f"NHS {build.place_name()} CCG", "former_ccg")
        build.rel(ccg, "replaced_by", icb)

    # Cross links: trusts working with Places, scrutiny of trusts (~10% of the system's bodies).
    for trust in trusts:
        if partnerships and rng.random() < 0.2:
            build.rel(trust, "partners_with", rng.choice(partnerships))
