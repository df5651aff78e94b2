"""The keys of the chart file format (v1), in the order the writer puts them.

The reader uses these lists to spot unknown keys (and suggest the nearest known one); the writer
uses them as the canonical order for records whose file order is not known.
"""

from __future__ import annotations

from icsviewer.model.chart import FORMAT_VERSION

__all__ = ["FORMAT_VERSION"]

TOP_KEYS = ("format", "chart", "bodies", "relationships", "groups", "tours")
META_KEYS = (
    "title",
    "subtitle",
    "organisation",
    "version",
    "as_at",
    "marking",
    "authors",
    "description",
    "sources",
)
BODY_KEYS = (
    "id",
    "name",
    "short_name",
    "kind",
    "aliases",
    "description",
    "members",
    "links",
    "valid_from",
    "valid_to",
    "sources",
    "notes",
    "style",
    "pinned",
)
RELATIONSHIP_KEYS = (
    "id",
    "from",
    "to",
    "kind",
    "label",
    "notes",
    "legal_basis",
    "valid_from",
    "valid_to",
    "sources",
)
GROUP_KEYS = ("id", "name", "kind", "description", "members", "collapsed")
TOUR_KEYS = ("id", "name", "mode", "default", "description", "steps")
STEP_KEYS = ("bodies", "caption", "notes")
SOURCE_KEYS = ("title", "url", "verified_on")
LINK_KEYS = ("url", "label")
MEMBER_KEYS = ("role", "holder", "nominated_by", "notes")
PINNED_KEYS = ("x", "y")
STYLE_KEYS = ("fill", "text", "stroke")

# Ids are used in file names, SVG classes and URLs, so they are kept to a safe alphabet.
ID_PATTERN = r"[a-z0-9_]+"

# Pinned positions are points; an A0 sheet is 3,370 wide. A million points leaves room for any
# real chart while refusing values (1e308) that would blow up layout and export sizes.
MAX_COORDINATE = 1_000_000.0
