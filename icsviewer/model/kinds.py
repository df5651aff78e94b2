"""The registry of body kinds and relationship kinds, with display names and legend text.

Everything that depends on what a kind *is* (legend, validation, layout tier, default style
key) reads it from here, so adding a kind is one entry in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BodyKind:
    """A kind of body: statutory body, partnership, provider and so on."""

    id: str
    display_name: str
    legend: str
    # Tier for top-down reading order: 0 national, 1 region, 2 system, 3 place, 4 provider,
    # 5 history. Layout ranks and the PDF directory order follow it.
    tier: int
    statutory: bool = False


@dataclass(frozen=True)
class RelationKind:
    """A kind of relationship between two bodies, with its meaning in plain words."""

    id: str
    display_name: str
    legend: str
    # The phrase used in sentences: "<source> <verb> <target>".
    verb: str
    directed: bool = True
    # Structural relationships shape the hierarchy (layout ranks); the others are cross links.
    structural: bool = False


_BODY_KINDS = [
    BodyKind(
        "national_body", "National body", "Sets national policy, funding and oversight", 0, True
    ),
    BodyKind("nhse_region", "NHS England region", "Regional team overseeing ICBs", 1, True),
    BodyKind(
        "icb", "Integrated care board", "Statutory NHS body that plans and funds NHS care", 2, True
    ),
    BodyKind(
        "icp",
        "Integrated care partnership",
        "Statutory joint committee of the ICB and councils",
        2,
        True,
    ),
    BodyKind(
        "scrutiny_committee",
        "Scrutiny committee",
        "Councillors who scrutinise health services",
        2,
        True,
    ),
    BodyKind("committee", "Committee", "A committee or sub-committee of another body", 2),
    BodyKind(
        "local_authority",
        "Local authority",
        "Council responsible for public health and social care",
        3,
        True,
    ),
    BodyKind(
        "hwb",
        "Health and wellbeing board",
        "Statutory council committee for local health and care",
        3,
        True,
    ),
    BodyKind(
        "place_partnership",
        "Place-based partnership",
        "Local partners working together at Place (not a legal body)",
        3,
    ),
    BodyKind(
        "provider_collaborative",
        "Provider collaborative",
        "Trusts working together at scale across Places",
        4,
    ),
    BodyKind(
        "nhs_trust",
        "NHS trust / foundation trust",
        "Provides hospital, mental health, community or ambulance care",
        4,
        True,
    ),
    BodyKind(
        "primary_care",
        "Primary care",
        "General practice, primary care networks and other primary care",
        4,
    ),
    BodyKind(
        "vcse",
        "Voluntary, community and social enterprise",
        "VCSE sector organisation or alliance",
        4,
    ),
    BodyKind(
        "former_ccg", "Former CCG", "Clinical commissioning group, abolished 1 July 2022", 5, True
    ),
]

_RELATION_KINDS = [
    RelationKind(
        "accountable_to",
        "Accountable to",
        "Answers to, and is assessed by",
        "is accountable to",
        structural=True,
    ),
    RelationKind(
        "member_of",
        "Member of",
        "Sits on a joint committee or collaborative",
        "is a member of",
        structural=True,
    ),
    RelationKind(
        "has_regard_to",
        "Has regard to",
        "Must take into account (strategies, JSNA)",
        "must have regard to",
    ),
    RelationKind(
        "delegates_to",
        "Delegates to",
        "Arranges for functions to be carried out by",
        "delegates functions to",
    ),
    RelationKind(
        "agrees_objectives_with",
        "Agrees objectives with",
        "Agrees shared objectives with",
        "agrees objectives with",
        directed=False,
    ),
    RelationKind(
        "partners_with",
        "Partners with",
        "Works in partnership with",
        "works in partnership with",
        directed=False,
    ),
    RelationKind("scrutinises", "Scrutinises", "Holds to account through scrutiny", "scrutinises"),
    RelationKind("hosts", "Hosts", "Establishes or hosts", "hosts", structural=True),
    RelationKind("replaced_by", "Replaced by", "Functions transferred to", "was replaced by"),
]

BODY_KINDS: dict[str, BodyKind] = {k.id: k for k in _BODY_KINDS}
RELATION_KINDS: dict[str, RelationKind] = {k.id: k for k in _RELATION_KINDS}


def body_kind(kind_id: str) -> BodyKind:
    """The registered kind, or a stand-in for an unknown one so a bad file still draws."""
    return BODY_KINDS.get(kind_id) or BodyKind(
        kind_id, kind_id.replace("_", " ").capitalize(), "", 4
    )


def relation_kind(kind_id: str) -> RelationKind:
    """The registered relationship kind, or a neutral stand-in for an unknown one."""
    return RELATION_KINDS.get(kind_id) or RelationKind(
        kind_id, kind_id.replace("_", " ").capitalize(), "", "is related to", directed=False
    )
