"""Hypothesis strategies for charts, shared by the io, editor, export and hostile tests.

`charts()` draws a valid Chart: unique ids, relationships between existing and different
bodies, groups and tour steps naming existing bodies, end dates never before start dates.
Text fields draw from `texts()`: any Unicode (control characters, emoji, right-to-left
overrides, combining marks, odd line breaks) mixed with strings YAML 1.1 misreads (`NO`,
`0755`, `12:30`, `~`, `2025-01-01`, `#fff`, `a: b`, ...), so a round trip exercises quoting.
Unknown keys (`extra`) hold plain data as the reader would give it. Strategy builders are
cached: building strategies inside draws is what makes Hypothesis slow.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from icsviewer.io import schema
from icsviewer.io.references import generated_id
from icsviewer.model.chart import (
    GROUP_KINDS,
    TOUR_MODES,
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
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS

YAML_TRAPS = (
    "NO",
    "no",
    "yes",
    "On",
    "off",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "true",
    "FALSE",
    "0755",
    "0o17",
    "0x1F",
    "12:30",
    "1:02:03",
    "1.10",
    "1e3",
    ".inf",
    "-.NaN",
    "1_000",
    "2025-01-01",
    "2025-1-1 10:00",
    "#005EB8",
    "# not a comment",
    "a: b",
    "a #b",
    "- x",
    "[x]",
    "{a: b}",
    "&anchor",
    "*alias",
    "!tag",
    "%YAML",
    "@x",
    "`x",
    "|",
    ">",
    "'",
    '"',
    "---",
    "...",
    " leading",
    "trailing ",
    "",
    " ",
    "<<",
    "=",
    "?",
    "x:",
    "\t",
    "a\nb",
    "a\n\nb\n",
    "\n",
    "line\r\nbreak",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\u202eevil\u202c",
    "\u200b",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "e\u0301",
    "שלום",
    "مرحبا",
)

_ANY_CHAR = st.characters(blacklist_categories=("Cs",))


_WORDS = ("the", "ICB", "board", "Place", "and", "NHS", "no", "x" * 30, "a:", "#1", "😀")


@functools.cache
def texts(min_size: int = 0, max_size: int = 20, prose: bool = False) -> st.SearchStrategy[str]:
    """Any text, biased towards what breaks YAML writers; `prose` adds long folded lines."""
    plain = st.text(_ANY_CHAR, min_size=min_size, max_size=max_size)
    traps = st.sampled_from([t for t in YAML_TRAPS if len(t) >= min_size])
    mixed = st.tuples(traps, plain, traps).map("".join)
    options = [traps, plain, mixed]
    if prose:
        options.append(st.lists(st.sampled_from(_WORDS), min_size=12, max_size=30).map(" ".join))
    return st.one_of(*options)


@functools.cache
def names() -> st.SearchStrategy[str]:
    """A required text field: never empty."""
    return texts(min_size=1)


@functools.cache
def ids() -> st.SearchStrategy[str]:
    return st.text("abcxyz019_", min_size=1, max_size=8)


@functools.cache
def dates() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@functools.cache
def _plain_data() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**9), 10**9),
        st.floats(allow_nan=False, allow_infinity=False),
        texts(),
        dates(),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=2)
            | st.dictionaries(texts(min_size=1, max_size=6), inner, max_size=2)
        ),
        max_leaves=3,
    )


@functools.cache
def extras(known: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Unknown keys as the reader keeps them (never a key the record itself uses)."""
    keys = texts(min_size=1, max_size=12).filter(lambda k: k not in known)
    return st.one_of(st.just({}), st.just({}), st.dictionaries(keys, _plain_data(), max_size=2))


@functools.cache
def _date_pair() -> st.SearchStrategy[tuple[dt.date | None, dt.date | None]]:
    def ordered(
        pair: tuple[dt.date | None, dt.date | None],
    ) -> tuple[dt.date | None, dt.date | None]:
        start, end = pair
        if start is not None and end is not None and end < start:
            return end, start
        return start, end

    return st.tuples(st.none() | dates(), st.none() | dates()).map(ordered)


@functools.cache
def sources() -> st.SearchStrategy[tuple[SourceRef, ...]]:
    source = st.builds(
        SourceRef,
        title=texts(),
        url=texts(),
        verified_on=st.none() | dates(),
        extra=extras(schema.SOURCE_KEYS),
    )
    return st.lists(source, max_size=1).map(tuple)


@functools.cache
def _colour() -> st.SearchStrategy[str]:
    return st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}") | st.just("#005eb8")


_MEMBERS = st.lists(
    st.builds(
        Member,
        role=names(),
        holder=texts(),
        nominated_by=texts(),
        notes=texts(prose=True),
        extra=extras(schema.MEMBER_KEYS),
    ),
    max_size=1,
)
_LINKS = st.lists(
    st.builds(Link, url=names(), label=texts(), extra=extras(schema.LINK_KEYS)), max_size=1
)
_STYLE = st.dictionaries(st.sampled_from(schema.STYLE_KEYS), _colour(), max_size=3)
_COORDINATE = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
_PINNED = st.none() | st.tuples(_COORDINATE, _COORDINATE)


@st.composite
def bodies(draw: st.DrawFn, body_id: str) -> Body:
    start, end = draw(_date_pair())
    return Body(
        id=body_id,
        name=draw(names()),
        kind=draw(st.sampled_from(sorted(BODY_KINDS))),
        short_name=draw(texts()),
        aliases=tuple(draw(st.lists(texts(), max_size=3))),
        description=draw(texts(prose=True)),
        members=tuple(draw(_MEMBERS)),
        links=tuple(draw(_LINKS)),
        valid_from=start,
        valid_to=end,
        sources=draw(sources()),
        notes=draw(texts()),
        style=draw(_STYLE),
        pinned=draw(_PINNED),
        extra=draw(extras(schema.BODY_KEYS)),
    )


@st.composite
def relationships(draw: st.DrawFn, body_ids: list[str], count: int) -> list[Relationship]:
    """`count` relationships; some without an id in the file (the reader generates it)."""
    drafts = []
    for n in range(count):
        source, target = draw(st.permutations(body_ids))[:2]
        start, end = draw(_date_pair())
        drafts.append(
            Relationship(
                id=f"rel_{n}",
                source=source,
                target=target,
                kind=draw(st.sampled_from(sorted(RELATION_KINDS))),
                label=draw(texts()),
                notes=draw(texts(prose=True)),
                legal_basis=draw(texts()),
                valid_from=start,
                valid_to=end,
                sources=draw(sources()),
                extra=draw(extras(schema.RELATIONSHIP_KEYS)),
                id_generated=draw(st.booleans()),
            )
        )
    # Generated ids exactly as the reader makes them: after every explicit id, in file order.
    taken = {r.id for r in drafts if not r.id_generated}
    out = []
    for rel in drafts:
        if rel.id_generated:
            new_id = generated_id(rel.source, rel.kind, rel.target, taken)
            taken.add(new_id)
            rel = replace(rel, id=new_id)
        out.append(rel)
    return out


@st.composite
def charts(draw: st.DrawFn, max_bodies: int = 4) -> Chart:
    """A valid chart of up to `max_bodies` bodies with relationships, groups and tours."""
    body_ids = draw(st.lists(ids(), min_size=2, max_size=max_bodies, unique=True))
    chart_bodies = [draw(bodies(i)) for i in body_ids]
    rels = draw(relationships(body_ids, draw(st.integers(0, len(body_ids) + 1))))
    some_ids = st.lists(st.sampled_from(body_ids), max_size=len(body_ids), unique=True).map(tuple)
    group_ids = draw(st.lists(ids(), max_size=2, unique=True))
    groups = [
        Group(
            id=g,
            name=draw(names()),
            members=draw(some_ids),
            kind=draw(st.sampled_from(GROUP_KINDS)),
            description=draw(texts()),
            collapsed=draw(st.booleans()),
            extra=draw(extras(schema.GROUP_KEYS)),
        )
        for g in group_ids
    ]
    steps = st.builds(
        TourStep,
        bodies=some_ids,
        caption=texts(),
        notes=texts(prose=True),
        extra=extras(schema.STEP_KEYS),
    )
    tours = [
        Tour(
            id=t,
            name=draw(names()),
            steps=tuple(draw(st.lists(steps, max_size=2))),
            mode=draw(st.sampled_from(TOUR_MODES)),
            default=draw(st.booleans()),
            description=draw(texts()),
            extra=draw(extras(schema.TOUR_KEYS)),
        )
        for t in draw(st.lists(ids(), max_size=2, unique=True))
    ]
    meta = ChartMeta(
        title=draw(texts()),
        subtitle=draw(texts()),
        organisation=draw(texts()),
        version=draw(texts()),
        as_at=draw(st.none() | dates()),
        marking=draw(texts()),
        authors=tuple(draw(st.lists(texts(), max_size=3))),
        sources=draw(sources()),
        description=draw(texts(prose=True)),
        extra=draw(extras(schema.META_KEYS)),
    )
    top_extra = draw(extras(schema.TOP_KEYS))
    return Chart(meta, chart_bodies, rels, groups, tours, top_extra)
