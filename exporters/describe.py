"""A plain-English description of the chart, generated from the model.

The text alternative to the picture (what a screen-reader user, or anyone who cannot read a
diagram, needs under the public sector accessibility regulations): who is accountable to whom,
who sits on what, how the Places and collaboratives are made up, and what changed. Plain text
only; the PDF (and anything else) escapes it for its own format.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from exporters.safe_text import one_line
from exporters.wording import body_name, format_date, join_names, plural, shorten
from icsviewer.model.chart import Chart, Relationship
from icsviewer.model.kinds import RELATION_KINDS, relation_kind

HEADING = "How this system is organised"
# A board of 20,000 seats is described by its first few, then a count.
MAX_SEATS_NAMED = 20
# Order in which the remaining relationship kinds are described.
_OTHER_KINDS = (
    "delegates_to",
    "hosts",
    "agrees_objectives_with",
    "partners_with",
    "has_regard_to",
    "scrutinises",
)


@dataclass(frozen=True)
class Paragraphs:
    """A titled run of paragraphs (plain text)."""

    heading: str
    paragraphs: tuple[str, ...]


def describe(chart: Chart) -> list[Paragraphs]:
    """The description, section by section; sections with nothing to say are left out."""
    parts = [
        _overview(chart),
        _accountability(chart),
        _membership(chart),
        _places(chart),
        _collaboratives(chart),
        _other_relationships(chart),
        _history(chart),
    ]
    return [p for p in parts if p.paragraphs]


def _name(chart: Chart, body_id: str) -> str:
    return one_line(body_name(chart, body_id))


def _t(text: str) -> str:
    """A user field for a sentence: on one line and cut to a sane length."""
    return shorten(one_line(text))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _overview(chart: Chart) -> Paragraphs:
    meta = chart.meta
    title = _t(meta.title) or "This chart"
    when = f", as at {format_date(meta.as_at)}" if meta.as_at else ""
    first = (
        f"{title} is shown as {plural(len(chart.bodies), 'body', 'bodies')} connected by "
        f"{plural(len(chart.relationships), 'relationship')}{when}."
    )
    paras = [first]
    description = shorten(one_line(meta.description), 4000)
    if description:
        paras.append(_sentence(description))
    paras.append(
        "The chart reads from the top down: national bodies first, then the bodies that work "
        "across the whole system, then each Place, then the organisations that provide care."
    )
    return Paragraphs("Overview", tuple(paras))


def _by_source(chart: Chart, kind: str) -> dict[str, list[Relationship]]:
    grouped: dict[str, list[Relationship]] = defaultdict(list)
    for rel in chart.relationships:
        if rel.kind == kind:
            grouped[rel.source].append(rel)
    return grouped


def _accountability(chart: Chart) -> Paragraphs:
    verb = RELATION_KINDS["accountable_to"].verb
    paras = []
    for source, rels in _by_source(chart, "accountable_to").items():
        targets = join_names([_name(chart, r.target) for r in rels])
        bases = [_t(r.legal_basis) for r in rels if _t(r.legal_basis)]
        basis = f" ({'; '.join(bases)})" if bases else ""
        paras.append(f"{_name(chart, source)} {verb} {targets}{basis}.")
    return Paragraphs("Who is accountable to whom", tuple(paras))


def _membership(chart: Chart) -> Paragraphs:
    members: dict[str, list[str]] = defaultdict(list)
    for rel in chart.relationships:
        if rel.kind == "member_of":
            members[rel.target].append(_name(chart, rel.source))
    paras = [
        f"The members of {_name(chart, target)} are {join_names(names)}."
        if len(names) > 1
        else f"{names[0]} is a member of {_name(chart, target)}."
        for target, names in members.items()
    ]
    for body in chart.bodies:
        seats = [
            f"{_t(m.role)} ({_t(m.holder)})" if _t(m.holder) else _t(m.role)
            for m in body.members
            if _t(m.role)
        ]
        if seats:
            named = seats[:MAX_SEATS_NAMED]
            if len(seats) > len(named):
                named.append(f"{len(seats) - len(named):,} more")
            paras.append(
                f"{_name(chart, body.id)} has {plural(len(seats), 'listed seat')}: "
                f"{join_names(named)}."
            )
    return Paragraphs("Who sits on what", tuple(paras))


def _places(chart: Chart) -> Paragraphs:
    places = chart.places()
    if not places:
        return Paragraphs("Places", ())
    names = [_t(g.name) or g.id for g in places]
    paras = [f"The system is organised into {plural(len(places), 'Place')}: {join_names(names)}."]
    for group in places:
        bodies = [_name(chart, m) for m in group.members if chart.has_body(m)]
        if bodies:
            paras.append(f"In {_t(group.name) or group.id}: {join_names(bodies)}.")
    return Paragraphs("Places", tuple(paras))


def _collaboratives(chart: Chart) -> Paragraphs:
    paras = []
    # Members of each body, indexed once (a scan of every relationship per collaborative
    # was quadratic at national scale).
    members_of: dict[str, list[str]] = {}
    for r in chart.relationships:
        if r.kind == "member_of":
            members_of.setdefault(r.target, []).append(r.source)
    for body in chart.bodies_of_kind("provider_collaborative"):
        members = [_name(chart, source) for source in members_of.get(body.id, ())]
        if members:
            paras.append(f"{_name(chart, body.id)} brings together {join_names(members)}.")
        else:
            paras.append(f"{_name(chart, body.id)} is a provider collaborative.")
    return Paragraphs("Provider collaboratives", tuple(paras))


def _other_relationships(chart: Chart) -> Paragraphs:
    known = {"accountable_to", "member_of", "replaced_by", *_OTHER_KINDS}
    kinds = list(_OTHER_KINDS) + sorted({r.kind for r in chart.relationships} - known)
    by_kind: dict[str, list[Relationship]] = {}
    for r in chart.relationships:
        by_kind.setdefault(r.kind, []).append(r)
    paras = []
    for kind in kinds:
        verb = relation_kind(kind).verb
        sentences = [
            f"{_name(chart, r.source)} {verb} {_name(chart, r.target)}"
            + (f" ({_t(r.label)})" if _t(r.label) else "")
            + "."
            for r in by_kind.get(kind, ())
        ]
        if sentences:
            paras.append(" ".join(sentences))
    return Paragraphs("Other working relationships", tuple(paras))


def _history(chart: Chart) -> Paragraphs:
    paras = []
    for body in chart.bodies:
        if body.valid_to is not None:
            since = f" from {format_date(body.valid_from)}" if body.valid_from else ""
            paras.append(
                f"{_name(chart, body.id)} existed{since} until {format_date(body.valid_to)}."
            )
    verb = RELATION_KINDS["replaced_by"].verb
    for rel in chart.relationships:
        if rel.kind == "replaced_by":
            paras.append(f"{_name(chart, rel.source)} {verb} {_name(chart, rel.target)}.")
    return Paragraphs("What has changed", tuple(paras))
