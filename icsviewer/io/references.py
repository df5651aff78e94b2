"""Checks across records: duplicate ids and references to bodies that do not exist.

Run after every record is built. Each check keeps what can still be drawn: the first body with
an id wins, a relationship to a missing body or to itself is dropped, a group or tour step
loses only the names it cannot resolve. Every drop is reported as an error, so the file is not
valid, but the window can still show the rest.
"""

from __future__ import annotations

from dataclasses import fields, replace

from icsviewer.io.fields import did_you_mean
from icsviewer.io.problems import Problem
from icsviewer.model.chart import Body, Group, Origin, Relationship, Tour


def _problem(
    label: str,
    origin: Origin | None,
    message: str,
    hint: str = "",
    code: str = "reference",
    body_id: str = "",
) -> Problem:
    line, col = (origin.line, origin.column) if origin is not None else (0, 0)
    return Problem(label, line, col, "error", message, hint, body_id, code)


def _at(origin: Origin | None) -> str:
    return f"line {origin.line}, column {origin.column}" if origin is not None else "earlier"


def unique_bodies(bodies: list[Body], label: str, problems: list[Problem]) -> list[Body]:
    first: dict[str, Body] = {}
    for body in bodies:
        if body.id in first:
            problems.append(
                _problem(
                    label,
                    body.origin,
                    f"body '{body.id}': duplicate id (the first body with this id is at "
                    f"{_at(first[body.id].origin)}); this one is left out",
                    "give each body its own id",
                    "duplicate-id",
                    body.id,
                )
            )
        else:
            first[body.id] = body
    return list(first.values())


# Relationship's fields, for a quick copy with a new id: `dataclasses.replace` looks the fields
# up again for every copy, and a large chart generates ids for thousands of relationships.
_RELATIONSHIP_FIELDS = tuple(f.name for f in fields(Relationship) if f.init)


def _with_generated_id(rel: Relationship, new_id: str) -> Relationship:
    values = {name: getattr(rel, name) for name in _RELATIONSHIP_FIELDS}
    values["id"] = new_id
    values["id_generated"] = True
    return Relationship(**values)


def generated_id(source: str, kind: str, target: str, taken: set[str]) -> str:
    """The id the reader gives a relationship the file gives none: `from--kind--to[--N]`."""
    base = f"{source}--{kind}--{target}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}--{n}", n + 1
    return candidate


def resolve_relationships(
    rels: list[Relationship], body_ids: set[str], label: str, problems: list[Problem]
) -> list[Relationship]:
    """Drop dangling and self relationships, refuse duplicate ids, generate missing ids.

    A relationship with `id_generated` set counts as having no id of its own: it gets the
    first free `from--kind--to[--N]` once the file's own ids are all known.
    """
    taken: set[str] = set()
    kept: list[Relationship] = []
    known: list[str] = []  # body ids in order, for did-you-mean hints; sorted when first needed
    for rel in rels:
        source, target = rel.source, rel.target
        own_id = "" if rel.id_generated else rel.id
        if source in body_ids and target in body_ids and source != target and own_id not in taken:
            # The usual case, checked first: a large chart has thousands of relationships.
            if own_id:
                taken.add(own_id)
            kept.append(rel)
            continue
        name = f"relationship '{own_id}'" if own_id else f"relationship {source} -> {target}"
        missing = [end for end in (source, target) if end not in body_ids]
        if missing:
            known = known or sorted(body_ids)
            for end in dict.fromkeys(missing):
                field = "from" if end == rel.source else "to"
                problems.append(
                    _problem(
                        label,
                        rel.origin,
                        f"{name}: {field} '{end[:60]}' is not a body in this file",
                        did_you_mean(end, known) or "add the body, or correct the id",
                        "dangling",
                        rel.source,
                    )
                )
            continue
        if rel.source == rel.target:
            problems.append(
                _problem(
                    label,
                    rel.origin,
                    f"{name}: a body cannot be related to itself ('{rel.source}')",
                    "check the from: and to: ids",
                    "self-relationship",
                    rel.source,
                )
            )
            continue
        # Both ends are fine, so the id is one an earlier relationship took.
        problems.append(
            _problem(
                label,
                rel.origin,
                f"{name}: duplicate relationship id; this one is left out",
                "give each relationship its own id, or none",
                "duplicate-id",
                rel.source,
            )
        )
    # Generated ids come last so they never take an id the file spells out further down.
    out = []
    for rel in kept:
        if rel.id_generated or not rel.id:
            new_id = generated_id(rel.source, rel.kind, rel.target, taken)
            if new_id != rel.id or not rel.id_generated:
                rel = _with_generated_id(rel, new_id)
            taken.add(new_id)
        out.append(rel)
    return out


def resolve_groups(
    groups: list[Group], body_ids: set[str], label: str, problems: list[Problem]
) -> list[Group]:
    seen: set[str] = set()
    out = []
    for group in groups:
        if group.id in seen:
            problems.append(
                _problem(
                    label,
                    group.origin,
                    f"group '{group.id}': duplicate id; this one is left out",
                    code="duplicate-id",
                )
            )
            continue
        seen.add(group.id)
        unknown = [m for m in group.members if m not in body_ids]
        for member in unknown:
            problems.append(
                _problem(
                    label,
                    group.origin,
                    f"group '{group.id}': member '{member[:60]}' is not a body in this file",
                    did_you_mean(member, sorted(body_ids))
                    or "add the body, or remove it from the group",
                    "dangling",
                )
            )
        if unknown:
            group = replace(group, members=tuple(m for m in group.members if m in body_ids))
        out.append(group)
    return out


def resolve_tours(
    tours: list[Tour], body_ids: set[str], label: str, problems: list[Problem]
) -> list[Tour]:
    seen: set[str] = set()
    out = []
    for tour in tours:
        if tour.id in seen:
            problems.append(
                _problem(
                    label,
                    tour.origin,
                    f"tour '{tour.id}': duplicate id; this one is left out",
                    code="duplicate-id",
                )
            )
            continue
        seen.add(tour.id)
        steps = []
        for number, step in enumerate(tour.steps, start=1):
            unknown = [b for b in step.bodies if b not in body_ids]
            for body in unknown:
                problems.append(
                    _problem(
                        label,
                        tour.origin,
                        f"tour '{tour.id}': step {number} names '{body[:60]}', "
                        "which is not a body in this file",
                        did_you_mean(body, sorted(body_ids))
                        or "add the body, or remove it from the step",
                        "dangling",
                    )
                )
            steps.append(
                replace(step, bodies=tuple(b for b in step.bodies if b in body_ids))
                if unknown
                else step
            )
        out.append(replace(tour, steps=tuple(steps)))
    return out
