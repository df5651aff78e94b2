"""Write the hostile corpus into `cases/`: each file and its `.expect.json` beside it.

Run `.venv/bin/python tests/hostile/build_corpus.py` after changing a case here; the output is
committed, so the tests never depend on this script and anyone can read or hand-edit a case.
Part 1, here: files that must be refused; part 2, `build_corpus_text.py`: valid charts
carrying hostile text. The files are byte-exact on purpose (encodings, NUL bytes, raw bidi
controls), which is why they are written from code rather than typed.
"""

from __future__ import annotations

import codecs
import copy
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_corpus_text import add_text_cases
from corpus import (
    CASES,
    EXPECT_SUFFIX,
    MARKER_TOKEN,
    base_chart,
    block_nesting,
    flow_nesting,
)
from corpus_builders import (
    CASE_LIST,
    EITHER,
    ERROR,
    LOADS,
    UNREADABLE,
    body_chart,
    case,
    chart_text,
)

BASE = chart_text(base_chart())

# ----- 0. the control: the base chart itself must load, or every "loads" case is meaningless
case("valid_control", BASE, outcome=LOADS, exit=0,
     about="The small valid chart every other case is built from.")

# ----- 1. alias bombs and aliases -----------------------------------------------------------
BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)
assert len(BILLION_LAUGHS) == 342, len(BILLION_LAUGHS)
case("alias_bomb_billion_laughs", BILLION_LAUGHS, outcome=ERROR, exit=EITHER,
     message_contains=[["alias", "anchor"]],
     about="The 342-byte, 9-level billion laughs: 9^9 strings if anything walks it.")
case("alias_bomb_in_chart",
     BASE.replace('description: "A hospital trust."',
                  "description: &x [*y, *y]").replace(
         "format: 1\n", "format: 1\nlol: &y [&z [lol, lol, lol, lol], *z, *z, *z, *z, *z]\n"),
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor"]],
     about="Aliases inside an otherwise valid chart, reaching a text field.")
case("alias_simple_reuse",
     BASE.replace('description: "The national body."', 'description: &d "The national body."')
     .replace('description: "A hospital trust."', "description: *d"),
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor"]],
     about="A harmless-looking anchor reused once: a chart needs none, so it is refused.")
case("alias_recursive", "format: 1\nchart: &r {title: x, self: *r}\nbodies: &b [*b]\n",
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor"]],
     about="A self-referencing alias: safe_load builds a cyclic object a naive walk never leaves.")
# The reader skips its event walk when a text search finds no anchor; these hide anchors where
# that search must still see them (right after a flow indicator, after a tab, after a BOM).
COMPACT_LAUGHS = "[&a [lol,lol,lol,lol,lol,lol,lol,lol,lol]," + ",".join(
    f"&{name} [" + ",".join([f"*{prev}"] * 9) + "]"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
) + "]\n"
case("alias_bomb_compact_flow", COMPACT_LAUGHS, outcome=ERROR, exit=EITHER,
     message_contains=[["alias", "anchor"]], line=1,
     about="Billion laughs in one flow list, each anchor straight after '[' or ',' (no space).")
case("alias_after_tab",
     BASE.replace('description: "The national body."', 'description:\t&d "The national body."')
     .replace('description: "A hospital trust."', "description:\t*d"),
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor"]],
     about="An anchor and alias separated from their key by a tab instead of a space.")
case("anchor_after_byte_order_mark", "\ufeff&top\n" + BASE,
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor"]],
     about="An anchor on the whole document, straight after a UTF-8 byte-order mark.")
case("ampersands_that_are_text", BASE.replace(
         'description: "The national body."',
         'description: "Health &Care, R&D, C&M &amp; more"\n    notes: Health & Wellbeing &co'),
     outcome=LOADS, exit=0,
     about="'&' in quoted and plain text is not an anchor: the chart must open as usual.")

# ----- 2. nesting ---------------------------------------------------------------------------
for depth in (50, 500, 30_000):
    case(f"nesting_flow_{depth}", flow_nesting(depth), outcome=ERROR, exit=EITHER,
         message_contains=["description"] if depth == 50 else [["nest", "deep", "depth"]],
         about=f"{depth} nested flow sequences `[[[` in a body description."
               + (" libyaml segfaults at this depth." if depth >= 30_000 else ""))
    case(f"nesting_block_{depth}", block_nesting(depth), outcome=ERROR, exit=EITHER,
         message_contains=["description"] if depth == 50 else [["nest", "deep", "depth"]],
         about=f"{depth} nested block sequences `- - -` on one line in a body description."
               + (" libyaml segfaults at this depth." if depth >= 30_000 else ""))
case("nesting_flow_mapping_30000",
     BASE.replace('description: "A hospital trust."',
                  "description: " + "{a: " * 30_000 + "x" + "}" * 30_000),
     outcome=ERROR, exit=EITHER, message_contains=[["nest", "deep", "depth"]],
     about="30,000 nested flow mappings `{a: {a: ...}}`.")
case("nesting_explicit_keys_30000", "format: 1\n" + "? " * 30_000 + "x\n",
     outcome=ERROR, exit=EITHER, message_contains=[["nest", "deep", "depth"]],
     about="30,000 nested explicit keys `? ? ?` (block style; also segfaults libyaml).")

# ----- 3. junk, emptiness and wrong shapes --------------------------------------------------
rng = random.Random(20251101)
junk = bytes([0x89]) + b"PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096))
case("binary_junk", junk, outcome=ERROR, exit=UNREADABLE,
     about="A PNG header followed by 4 KB of seeded random bytes.")
case("empty", b"", outcome=ERROR, exit=EITHER, message_contains=["empty"],
     about="A zero-byte file.")
case("whitespace_only", b"   \n\n  \n", outcome=ERROR, exit=EITHER, message_contains=["empty"],
     about="Only blank lines.")
case("comment_only", "# An ICS chart\n# nothing here yet\n", outcome=ERROR, exit=EITHER,
     message_contains=["empty"], about="Only comments: no document at all.")
case("root_list", "- format: 1\n- bodies: []\n", outcome=ERROR, exit=EITHER,
     message_contains=[["mapping", "list"]], about="A list at the root.")
case("root_scalar", "just some text\n", outcome=ERROR, exit=EITHER,
     message_contains=[["mapping", "text", "scalar"]], about="A plain scalar at the root.")
case("several_documents", BASE + "---\n" + BASE, outcome=ERROR, exit=EITHER,
     message_contains=["document"],
     about="Two valid charts in one file separated by `---`.")

# ----- 4. encodings -------------------------------------------------------------------------
case("utf16_bom", codecs.BOM_UTF16_LE + BASE.encode("utf-16-le"), outcome=ERROR, exit=UNREADABLE,
     message_contains=["UTF-8"], about="The valid chart saved as UTF-16 LE with a BOM.")
case("utf16_be_bom", codecs.BOM_UTF16_BE + BASE.encode("utf-16-be"), outcome=ERROR, exit=UNREADABLE,
     message_contains=["UTF-8"], about="The valid chart saved as UTF-16 BE with a BOM.")
case("latin1", BASE.replace("A hospital trust.", "Caf\u00e9 \u00a3 na\u00efve").encode("latin-1"),
     outcome=ERROR, exit=UNREADABLE, message_contains=["UTF-8"],
     about="The valid chart with accented letters saved as Latin-1 (what Excel on Windows does).")
case("invalid_utf8",
     BASE.encode().replace(b"A hospital trust.", b"A hospital \xc3\x28 \xed\xa0\x80"),
     outcome=ERROR, exit=UNREADABLE, message_contains=["UTF-8"],
     about="Invalid UTF-8: a broken two-byte sequence and an encoded surrogate.")
case("nul_bytes", BASE.encode().replace(b"A hospital trust.", b"A hospital\x00trust."),
     outcome=ERROR, exit=UNREADABLE,
     about="A raw NUL byte inside a name: not allowed in a YAML stream.")
case("raw_control_char", BASE.encode().replace(b"A hospital trust.", b"A \x1b[31mhospital\x07"),
     outcome=ERROR, exit=EITHER,
     about="Raw ESC and BEL bytes in the stream (terminal escape injection).")

# ----- 5. code-execution tags (never run; the marker file must never appear) ----------------
M = MARKER_TOKEN
TAGS = {
    "python_object_apply_os_system":
        f'!!python/object/apply:os.system ["touch {M}"]',
    "python_object_new_os_system":
        f'!!python/object/new:os.system ["touch {M}"]',
    "python_subprocess_check_output":
        f"!!python/object/apply:subprocess.check_output [[touch, {M}]]",
    "python_builtins_exec":
        f"!!python/object/apply:builtins.exec [\"open('{M}', 'w').write('pwned')\"]",
    "python_name_and_module":
        "!!python/name:os.system",
    "python_verbatim_tag":
        f'!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {M}"]',
}
for name, tagged in TAGS.items():
    case(name, BASE.replace('description: "A hospital trust."', "description: " + tagged),
         outcome=ERROR, exit=EITHER, marker=True, message_contains=[["tag", "python"]],
         line=BASE.splitlines().index('    description: "A hospital trust."') + 1,
         about=f"`{tagged}` in a body description: must be refused, never constructed.")
case("python_tag_directive",
     "%TAG !py! tag:yaml.org,2002:python/object/apply:\n---\n"
     + BASE.replace('description: "A hospital trust."',
                    f'description: !py!os.system ["touch {M}"]'),
     outcome=ERROR, exit=EITHER, marker=True, message_contains=[["tag", "python"]],
     about="The os.system tag spelt through a %TAG directive shorthand.")
case("python_tag_as_root", f'!!python/object/apply:os.system ["touch {M}"]\n',
     outcome=ERROR, exit=EITHER, marker=True, about="The whole document is the payload.")
case("other_tags_binary_set",
     BASE.replace('name: "Test Hospitals NHS Foundation Trust"', "name: !!binary aGVsbG8=")
     .replace('label: "reports to"', "label: !!set {a, b}"),
     outcome=ERROR, exit=EITHER, message_contains=["name"],
     about="Safe but wrong YAML tags: bytes as a name, a set as a label.")

# ----- 6. merge keys and duplicate keys -----------------------------------------------------
case("merge_keys_alias",
     BASE.replace('  - id: "test_trust"\n', '  - &trust\n    id: "test_trust"\n')
     .replace("relationships:\n", '  - <<: *trust\n    id: "copy"\nrelationships:\n'),
     outcome=ERROR, exit=EITHER, message_contains=[["alias", "anchor", "merge", "<<"]],
     about="A merge key `<<: *trust` copying a body (needs an alias).")
case("merge_keys_inline",
     BASE.replace('    kind: "nhs_trust"\n', '    <<: {kind: "nhs_trust"}\n'),
     outcome=ERROR, exit=1, message_contains=[["merge", "<<", "unknown"]],
     about="A merge key with an inline mapping (no alias): not part of the format.")
DUP_LINE = BASE.splitlines().index('    name: "Test Hospitals NHS Foundation Trust"') + 2
case("duplicate_keys",
     BASE.replace('    name: "Test Hospitals NHS Foundation Trust"\n',
                  '    name: "Test Hospitals NHS Foundation Trust"\n    name: "Sneaky rename"\n'),
     outcome=ERROR, exit=1, message_contains=["duplicate", "name"], line=DUP_LINE,
     about="`name` twice in one body: PyYAML would silently keep the last.")
case("duplicate_top_level_section", BASE + "bodies: []\n", outcome=ERROR, exit=1,
     message_contains=["duplicate", "bodies"], line=len(BASE.splitlines()) + 1,
     about="A second `bodies:` at the end would silently wipe the first.")

# ----- 7. YAML 1.1 implicit types in text fields -------------------------------------------
case("yaml11_booleans",
     BASE.replace('short_name: "Test ICB"', "short_name: NO")
     .replace('label: "reports to"', "label: on"),
     outcome=ERROR, exit=1, message_contains=["short_name", "quot"],
     about="The Norway problem: `NO` and `on` read as booleans in text fields.")
case("yaml11_octal", BASE.replace('short_name: "Test ICB"', "short_name: 0755"),
     outcome=ERROR, exit=1, message_contains=["short_name"],
     about="`0755` in a text field reads as the integer 493.")
case("yaml11_sexagesimal", BASE.replace('label: "reports to"', "label: 12:30"),
     outcome=ERROR, exit=1, message_contains=["label"],
     about="`12:30` reads as the integer 750 (base 60).")
case("yaml11_version_float", BASE.replace('version: "1.0"', "version: 1.10"),
     outcome=ERROR, exit=1, message_contains=["version"],
     about="`1.10` reads as the float 1.1: the chart version would silently change.")
case("yaml11_null_name", BASE.replace('name: "Test Hospitals NHS Foundation Trust"', "name: ~"),
     outcome=ERROR, exit=1, message_contains=["name"], about="`~` reads as null.")

# ----- 8. values that crash naive constructors ---------------------------------------------
case("huge_integer", BASE.replace("format: 1", "format: " + "9" * 5000), outcome=ERROR,
     exit=EITHER, message_contains=["format"],
     about="A 5,000-digit integer: Python refuses to convert it (ValueError, not a YAML error).")
case("impossible_date", BASE.replace("valid_from: 2022-07-01", "valid_from: 2022-13-45"),
     outcome=ERROR, exit=1, message_contains=["valid_from"],
     about="A date-shaped value that is not a date: the YAML constructor raises ValueError.")
case("end_before_start", BASE.replace("valid_from: 2022-07-01",
                                      "valid_from: 2022-07-01\n    valid_to: 2021-01-01"),
     outcome=ERROR, exit=1, message_contains=["valid_to"], about="An end date before the start.")
case("non_finite_pin",
     BASE.replace('kind: "icb"', 'kind: "icb"\n    pinned: {x: .nan, y: .inf}'),
     outcome=ERROR, exit=1, message_contains=["pinned"],
     about="NaN and infinity as a pinned position would poison layout and exports.")
case("absurd_pinned_position",
     BASE.replace('kind: "icb"', 'kind: "icb"\n    pinned: {x: 1.0e+308, y: -1.0e+308}'),
     outcome=ERROR, exit=1, message_contains=["pinned"],
     about="Finite but absurd pinned coordinates (1e308 points): no page or screen can hold "
           "them, and a layout or exporter that trusts them sizes everything from them.")
case("unhashable_key",
     BASE.replace('    kind: "nhs_trust"\n', '    kind: "nhs_trust"\n    [a, b]: c\n'),
     outcome=ERROR, exit=EITHER, about="A list used as a mapping key (ConstructorError).")
case("future_format", BASE.replace("format: 1", "format: 99"), outcome=ERROR, exit=1,
     message_contains=["format"], about="A format number this version does not know.")

# ----- 9. syntax errors must give line:column -----------------------------------------------
case("syntax_unclosed_bracket",
     BASE.replace('members:\n      - "test_trust"', 'members: ["test_trust", "nhse"'),
     outcome=ERROR, exit=EITHER, line=BASE.splitlines().index("tours:") + 0,
     about="An unclosed flow sequence: the parser notices at the next key.")
case("syntax_tab_indent", BASE.replace('    kind: "nhs_trust"', '\tkind: "nhs_trust"'),
     outcome=ERROR, exit=EITHER, line=BASE.splitlines().index('    kind: "nhs_trust"') + 1,
     about="A tab used for indentation.")
case("syntax_unterminated_quote",
     BASE.replace('name: "Test Hospitals NHS Foundation Trust"', 'name: "Test Hospitals'),
     outcome=ERROR, exit=EITHER,
     about="A double quote never closed: the rest of the file becomes one string, then fails.")

# ----- 10. broken references and ids --------------------------------------------------------
dup_ids = base_chart()
dup_ids["bodies"][2]["id"] = "test_icb"
case("duplicate_ids", chart_text(dup_ids), outcome=ERROR, exit=1,
     message_contains=["test_icb", "duplicate"], about="Two bodies with the same id.")
dangling = base_chart()
dangling["relationships"].append({"from": "test_icb", "to": "no_such_body", "kind": "hosts"})
case("dangling_relationship", chart_text(dangling), outcome=ERROR, exit=1,
     message_contains=["no_such_body"], about="A relationship to a body that does not exist.")
self_ref = base_chart()
self_ref["relationships"].append({"from": "test_icb", "to": "test_icb", "kind": "partners_with"})
case("self_relationship", chart_text(self_ref), outcome=ERROR, exit=1,
     message_contains=["test_icb"], about="A body related to itself.")
dangling_members = base_chart()
dangling_members["groups"][0]["members"] = ["test_trust", "ghost_body"]
dangling_members["tours"][0]["steps"].append({"bodies": ["phantom"], "caption": "x"})
case("dangling_group_and_tour", chart_text(dangling_members), outcome=ERROR, exit=1,
     message_contains=["ghost_body", "phantom"],
     about="A group member and a tour step naming bodies that do not exist.")
bad_id = base_chart()
bad_id["bodies"][2]["id"] = 'x" onload="alert(1)'
bad_id["relationships"][1]["from"] = 'x" onload="alert(1)'
bad_id["groups"][0]["members"] = ['x" onload="alert(1)']
case("id_injection", chart_text(bad_id), outcome=ERROR, exit=1, message_contains=["id"],
     about="An id carrying an SVG attribute injection; ids must be [a-z0-9_]+.")
term = base_chart()
term["bodies"][2]["kind"] = "\x1b[2J\x1b]0;owned\x07\u202eevil"
term["relationships"].append(
    {"from": "test_icb", "to": "ghost\x1b[31m\u202e\u2066", "kind": "hosts"})
case("terminal_escapes_in_messages", chart_text(term), outcome=ERROR, exit=1,
     message_contains=["kind", "ghost"],
     about="Escape sequences and bidi overrides in values that error messages quote: printed "
           "raw they would clear the screen, retitle the terminal or reorder the message.")
bad_kind = base_chart()
bad_kind["bodies"][2]["kind"] = "<script>alert(1)</script>"
case("kind_injection", chart_text(bad_kind), outcome=ERROR, exit=1, message_contains=["kind"],
     about="Markup as a body kind (kinds become CSS classes in the SVG).")
case("style_injection",
     chart_text(body_chart(style={"fill": 'red" onmouseover="alert(1)" a="',
                                  "stroke": "url(javascript:alert(1))"})),
     outcome=ERROR, exit=1, message_contains=["fill"],
     about="mxGraph CVE-2019-13127: an attribute injection through a colour field.")

add_text_cases()


# ----- generated at test time (only the expectation is committed) ----------------------------
GENERATED = {
    "nesting_flow_100000": {"kind": "flow_nesting", "size": 100_000,
                            "about": "100,000 nested flow sequences (200 KB)."},
    "nesting_block_100000": {"kind": "block_nesting", "size": 100_000,
                             "about": "100,000 nested block sequences `- - -` (200 KB)."},
    "big_file_50mb": {"kind": "big_file", "size": 50 * 1024 * 1024,
                      "about": "A 50 MB chart of valid bodies."},
    "single_line_20mb": {"kind": "single_line", "size": 20 * 1024 * 1024,
                         "about": "A 20 MB chart on a single line."},
    "many_members_20000": {"kind": "many_members", "size": 20_000,
                           "about": "One body with 20,000 members (1.5 MB, within every "
                                    "bound): it must still open and export in reasonable time."},
}


def write_all() -> None:
    CASES.mkdir(exist_ok=True)
    for old in CASES.iterdir():
        old.unlink()
    for name, data, expect in CASE_LIST:
        about = expect.pop("about")
        ext = ".yaml"
        if data is not None:
            (CASES / (name + ext)).write_bytes(data)
        (CASES / (name + EXPECT_SUFFIX)).write_text(
            json.dumps({"about": about, **expect}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8")
    for name, gen in GENERATED.items():
        gen = copy.deepcopy(gen)
        about = gen.pop("about")
        size = gen["size"]
        gen_expect: dict[str, Any] = {
            "about": about, "outcome": ERROR,
            "exit": EITHER if "nesting" in name else UNREADABLE,
            "message_contains": [["nest", "deep", "depth"]] if "nesting" in name
            else [["MB", "large", "size", "big"]],
            "generate": {**gen, "file_name": f"{name}.yaml", "size": size},
        }
        if gen["kind"] == "many_members":
            gen_expect.update(outcome=LOADS, exit=0)
            del gen_expect["message_contains"]
        (CASES / (name + EXPECT_SUFFIX)).write_text(json.dumps(gen_expect, indent=2) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    write_all()
    total = sum(p.stat().st_size for p in CASES.iterdir())
    print(f"wrote {len(CASE_LIST) + len(GENERATED)} cases, {total / 1024:.0f} KB in {CASES}")
