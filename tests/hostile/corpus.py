"""The hostile corpus: find each case, its committed expectation, and make it ready to run.

A case is `cases/NAME.EXT` with `cases/NAME.expect.json` beside it, or only the expectation
when the file is too big to commit (50 MB, 20 MB on one line, 100,000 levels of nesting): then
`"generate"` in the expectation names a generator below and the file is written into a
temporary folder at test time. The expectation format is described in `README.md`.

Files whose expectation says `"marker": true` contain the text `__MARKER__`; it is replaced with
the path of a file in the test's temporary folder, which a successful attack would create.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
EXPECT_SUFFIX = ".expect.json"
MARKER_TOKEN = "__MARKER__"


# ----- a tiny YAML writer for building valid charts with hostile text ------------------------
# We write YAML ourselves (not yaml.safe_dump) so the bytes on disk are exactly what we mean:
# raw bidi controls and emoji stay raw, C0/C1 controls and line separators are escaped inside
# double quotes (raw ones would be rejected by any YAML reader before the app sees them).

_ESCAPE_ALWAYS = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def q(text: str) -> str:
    """`text` as a YAML double-quoted scalar."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPE_ALWAYS:
            out.append(_ESCAPE_ALWAYS[ch])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Raw):
        return value.text
    return q(str(value))


@dataclass(frozen=True)
class Raw:
    """Text written into the YAML as is (for YAML-level tricks such as unquoted `NO`)."""

    text: str


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML for dicts, lists and scalars (keys are plain identifiers)."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {_inline(item)}\n")
        return "".join(lines)
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        lines = []
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body[indent + 2:]}")
            elif isinstance(item, list) and item:
                lines.append(f"{pad}-\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}- {_inline(item)}\n")
        return "".join(lines)
    return pad + _scalar(value) + "\n"


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def base_chart() -> dict[str, Any]:
    """A small chart that validates: three bodies, two relationships, a group and a tour."""
    return {
        "format": 1,
        "chart": {
            "title": "Hostile test chart",
            "subtitle": "Integrated Care System structure",
            "organisation": "Test ICS",
            "version": "1.0",
            "as_at": dt.date(2025, 11, 1),
        },
        "bodies": [
            {
                "id": "nhse",
                "name": "NHS England",
                "kind": "national_body",
                "description": "The national body.",
                "links": [{"url": "https://www.england.nhs.uk/", "label": "Website"}],
            },
            {
                "id": "test_icb",
                "name": "NHS Test Integrated Care Board",
                "short_name": "Test ICB",
                "kind": "icb",
                "description": "The statutory NHS body for the test system.",
                "members": [{"role": "Chair", "holder": "A. Person"}],
                "links": [{"url": "https://example.org/icb", "label": "Website"}],
                "valid_from": dt.date(2022, 7, 1),
            },
            {
                "id": "test_trust",
                "name": "Test Hospitals NHS Foundation Trust",
                "kind": "nhs_trust",
                "description": "A hospital trust.",
            },
        ],
        "relationships": [
            {"from": "test_icb", "to": "nhse", "kind": "accountable_to", "label": "reports to"},
            {"from": "test_trust", "to": "test_icb", "kind": "member_of"},
        ],
        "groups": [
            {
                "id": "test_place",
                "name": "Test Place",
                "kind": "place",
                "members": ["test_trust"],
            }
        ],
        "tours": [
            {
                "id": "overview",
                "name": "Overview",
                "mode": "spotlight",
                "steps": [{"bodies": ["nhse", "test_icb"], "caption": "The top of the system"}],
            }
        ],
    }


def chart_with(**changes: Any) -> dict[str, Any]:
    """The base chart with top-level sections replaced."""
    chart = base_chart()
    chart.update(changes)
    return chart


# ----- generated cases ------------------------------------------------------------------------
def _with_nested_description(nested: str) -> bytes:
    """The base chart with the trust's description replaced by `nested` YAML text."""
    text = to_yaml(base_chart())
    plain = 'description: "A hospital trust."'
    assert plain in text
    return text.replace(plain, "description:" + nested).encode()


def flow_nesting(depth: int) -> bytes:
    """A chart whose trust description is `depth` nested flow sequences."""
    return _with_nested_description(" " + "[" * depth + "]" * depth)


def block_nesting(depth: int) -> bytes:
    """A chart whose trust description is `depth` nested block sequences."""
    # `- - - x` is block style yet nests one level per two bytes, so 100,000 levels fit in
    # 200 KB; libyaml's C parser overflows its stack on it just as on `[[[`.
    return _with_nested_description("\n      " + "- " * depth + "x")


def _big_file(size: int) -> bytes:
    """A chart with enough (valid) bodies to reach `size` bytes."""
    chart = base_chart()
    bodies = chart.pop("bodies")
    head = to_yaml(chart) + to_yaml({"bodies": bodies})
    unit = (
        '  - {id: filler_%07d, name: "Filler body with a long enough name", kind: vcse, '
        'description: "padding padding padding padding padding padding padding"}\n'
    )
    parts = [head.encode()]
    total = len(parts[0])
    i = 0
    while total < size:
        line = (unit % i).encode()
        parts.append(line)
        total += len(line)
        i += 1
    return b"".join(parts)


def _single_line(size: int) -> bytes:
    """One line of `size` bytes: a flow mapping with a huge description."""
    prefix = b'{format: 1, chart: {title: "One line"}, bodies: [{id: a, name: "'
    suffix = b'", kind: icb}]}'
    return prefix + b"x" * (size - len(prefix) - len(suffix)) + suffix


def many_members(count: int) -> bytes:
    """A chart whose ICB lists `count` members (a board needs a few dozen)."""
    chart = base_chart()
    chart["bodies"][1]["members"] = [
        {"role": f"Member {i}", "holder": f"Person {i}", "nominated_by": "Someone"}
        for i in range(count)
    ]
    return to_yaml(chart).encode()


GENERATORS: dict[str, Callable[[int], bytes]] = {
    "many_members": many_members,
    "flow_nesting": flow_nesting,
    "block_nesting": block_nesting,
    "big_file": _big_file,
    "single_line": _single_line,
}


# ----- cases ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One hostile file and what must happen when it is opened."""

    name: str
    expect: dict[str, Any]
    source: Path | None  # the committed file, or None when generated
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def loads(self) -> bool:
        return bool(self.expect["outcome"] == "loads")

    @property
    def allowed_exits(self) -> tuple[int, ...]:
        exit_code = self.expect["exit"]
        return tuple(exit_code) if isinstance(exit_code, list) else (exit_code,)

    @property
    def generated(self) -> bool:
        return "generate" in self.expect

    def materialise(self, folder: Path, marker: Path) -> Path:
        """Write the case into `folder` (placeholders filled in) and return its path."""
        if self.source is None:
            gen = self.expect["generate"]
            data = GENERATORS[gen["kind"]](int(gen["size"]))
            target = folder / str(gen["file_name"])
        else:
            data = self.source.read_bytes()
            target = folder / self.source.name
        if self.expect.get("marker"):
            data = data.replace(MARKER_TOKEN.encode(), str(marker).encode())
        target.write_bytes(data)
        return target


def load_cases() -> list[Case]:
    """Every case in `cases/`, sorted by name."""
    cases = []
    for expect_path in sorted(CASES.glob("*" + EXPECT_SUFFIX)):
        name = expect_path.name[: -len(EXPECT_SUFFIX)]
        expect = json.loads(expect_path.read_text(encoding="utf-8"))
        sources = [p for p in CASES.glob(name + ".*") if not p.name.endswith(EXPECT_SUFFIX)]
        if "generate" in expect:
            source = None
        elif len(sources) == 1:
            source = sources[0]
        else:
            raise RuntimeError(f"{expect_path}: expected exactly one case file, found {sources}")
        cases.append(Case(name, expect, source))
    return cases


def message_fragments_missing(case: Case, output: str) -> list[str]:
    """Fragments from `message_contains` not in `output` (each entry may list alternatives)."""
    low = output.lower()
    missing = []
    for entry in case.expect.get("message_contains", []):
        options = entry if isinstance(entry, list) else [entry]
        if not any(opt.lower() in low for opt in options):
            missing.append(" | ".join(options))
    return missing


# ----- things that are not regular files -------------------------------------------------------
SPECIAL_FILES = ("dev_zero", "dev_urandom", "fifo", "folder", "missing")


def make_special(kind: str, folder: Path) -> Path:
    """A path named like a chart that is not a readable regular file.

    An endless device behind a symlink (as a zip or a shared drive can deliver), a named pipe
    nobody writes to (opening it blocks forever), a folder, and a path that does not exist.
    """
    path = folder / f"{kind}.yaml"
    if kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev_urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind != "missing":
        raise ValueError(kind)
    return path
