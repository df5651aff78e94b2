"""Hostile corpus, part 2: valid charts carrying hostile text, which must load and stay inert.

Names with markup, controls, bidi overrides and emoji; reportlab payloads; links with script
and file schemes and their disguises; very long fields; far pins. Each is otherwise a valid
chart, so it reaches the window, the exporters and the writer. Part 1 (files that must be
refused) is in `build_corpus.py`, which calls `add_text_cases()` and writes everything.
"""

from __future__ import annotations

from corpus import MARKER_TOKEN as M
from corpus import base_chart
from corpus_builders import LOADS, body_chart, case, chart_text

MARKUP = [
    "<script>alert('name')</script>",
    "</text><script>alert(1)</script><text>",
    "]]><script>alert(2)</script><![CDATA[",
    "Health & Care <Partnership> \"quoted\" 'single' &amp; &lt;b&gt; &#x41;",
    "<!--comment--> <?xml-stylesheet href='x'?> <!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
    "<svg onload=alert(3)><foreignObject><iframe src=javascript:alert(4)>",
    "<b>bold</b> <para>para</para> <br/> <unclosed",
    "0.1 < A < 0.9 & S&P",
]

CVE_2023_33733 = (
    "<para><font color=\"[[[getattr(pow, Word('__globals__'))['os'].system('touch " + M + "') "
    "for Word in [orgTypeFun('Word', (str,), { 'mutated': 1, 'startswith': lambda self, x: False, "
    "'__eq__': lambda self,x: self.mutate() and self.mutated < 0 and str(self) == x, "
    "'mutate': lambda self: {setattr(self, 'mutated', self.mutated - 1)}, "
    "'__hash__': lambda self: hash(str(self)) })] ] for orgTypeFun in [type(type(1))] ] "
    "and 'red'\">exploit</font></para>"
)

IMG = '<img src="http://127.0.0.1:9/x.png" width="10" height="10"/>'


def add_text_cases() -> None:
    """Register every hostile-text case (see the module docstring)."""
    # ----- 11. hostile text that must load and then be shown literally --------------------------
    long_chart = base_chart()
    long_chart["bodies"][2]["name"] = ("Very long name " * 6667)[:100_000]
    case(
        "long_name_100k",
        chart_text(long_chart),
        outcome=LOADS,
        exit=0,
        about="A 100,000-character body name.",
    )
    long_fields = base_chart()
    long_fields["bodies"][1]["members"] = [
        {"role": "Chair " * 1200, "holder": "A. Person " * 600, "nominated_by": "x" * 8_000}
    ]
    long_fields["bodies"][1]["description"] = "A paragraph.\n" * 1500
    long_fields["relationships"][0]["legal_basis"] = "NHS Act 2006 " * 800
    case(
        "long_other_fields",
        chart_text(long_fields),
        outcome=LOADS,
        exit=0,
        about="Very long member roles and holders (7,200 and 6,000 characters, an 8,000-character "
        "word), a 1,500-line description and a 10,000-character legal basis: each must flow "
        "over pages in the PDF directory, not break it.",
    )
    ctrl = base_chart()
    ctrl["bodies"][0]["name"] = "NHS\x00Eng\x07land\x1b[31m"
    ctrl["bodies"][1]["name"] = "Test\x0bICB\x0c\x1f\x7f\x85\x9f end"
    ctrl["bodies"][2]["description"] = "Line\u2028separator\u2029and \ufffe\uffff nonchars\r\n"
    ctrl["relationships"][0]["label"] = "tab\there\x08back"
    case(
        "control_chars_in_names",
        chart_text(ctrl),
        outcome=LOADS,
        exit=0,
        about="C0/C1 controls, NUL, DEL, line separators and non-characters (escaped in YAML).",
    )
    bidi = base_chart()
    bidi["bodies"][0]["name"] = "NHS \u202eEngland\u202c \u2066isolate\u2069 \u200f\u200e\u061c"
    bidi["bodies"][1]["short_name"] = "\u202egnp.exe"
    bidi["bodies"][2]["name"] = "\u0645\u0633\u062a\u0634\u0641\u0649 Trust \u05d1\u05d9\u05ea"
    case(
        "bidi_overrides",
        chart_text(bidi),
        outcome=LOADS,
        exit=0,
        about="Right-to-left overrides, isolates and marks; Arabic and Hebrew.",
    )
    emoji = base_chart()
    emoji["bodies"][0]["name"] = (
        "NHS England \U0001f3e5\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f1ec\U0001f1e7"
    )
    emoji["bodies"][1]["name"] = (
        "Z\u0351\u0348\u0324a\u0342\u0358l\u0310\u0363g\u0367o\u0362 I\u0308\u0301CB "
        + "e\u0301" * 40
    )
    emoji["bodies"][2]["name"] = "\U0001d54b\U0001d556\U0001d564\U0001d565 \ufdfd \u0bf5 \U00012000"
    case(
        "emoji_and_combining",
        chart_text(emoji),
        outcome=LOADS,
        exit=0,
        about="Emoji with joiners and flags, Zalgo stacks of combining marks, astral letters.",
    )

    markup = base_chart()
    markup["chart"]["title"] = MARKUP[0]
    markup["chart"]["subtitle"] = MARKUP[1]
    markup["chart"]["organisation"] = MARKUP[3]
    markup["chart"]["description"] = MARKUP[4]
    markup["bodies"][0]["name"] = MARKUP[1]
    markup["bodies"][0]["description"] = MARKUP[5]
    markup["bodies"][1]["name"] = MARKUP[2]
    markup["bodies"][1]["short_name"] = MARKUP[7]
    markup["bodies"][1]["description"] = MARKUP[6] + "\n" + MARKUP[7]
    markup["bodies"][1]["members"] = [
        {"role": MARKUP[0], "holder": MARKUP[3], "nominated_by": MARKUP[2], "notes": MARKUP[6]}
    ]
    markup["bodies"][1]["links"] = [
        {"url": "https://example.org/a?b=1&c=<x>\"'", "label": MARKUP[1]}
    ]
    markup["bodies"][2]["name"] = MARKUP[3]
    markup["bodies"][2]["aliases"] = [MARKUP[0], MARKUP[7]]
    markup["bodies"][2]["notes"] = MARKUP[4]
    markup["relationships"][0]["label"] = MARKUP[0]
    markup["relationships"][0]["notes"] = MARKUP[2]
    markup["relationships"][0]["legal_basis"] = MARKUP[6]
    markup["relationships"][1]["label"] = MARKUP[7]
    markup["groups"][0]["name"] = MARKUP[2]
    markup["groups"][0]["description"] = MARKUP[5]
    markup["tours"][0]["name"] = MARKUP[1]
    markup["tours"][0]["steps"][0]["caption"] = MARKUP[0]
    markup["tours"][0]["steps"][0]["notes"] = MARKUP[4]
    case(
        "markup_in_labels",
        chart_text(markup),
        outcome=LOADS,
        exit=0,
        about="<script>, </text>, ]]>, &, quotes, comments, DOCTYPE/entities in every text field.",
    )

    cve = base_chart()
    cve["chart"]["title"] = CVE_2023_33733
    cve["bodies"][1]["name"] = CVE_2023_33733
    cve["bodies"][1]["description"] = CVE_2023_33733
    cve["bodies"][2]["name"] = (
        "<font color=\"[[[__import__('os').system('touch " + M + "')]]]\">x</font>"
    )
    cve["relationships"][0]["label"] = "<font color=\"[[[open('" + M + "','w')]]]\">y</font>"
    case(
        "reportlab_cve_2023_33733",
        chart_text(cve),
        outcome=LOADS,
        exit=0,
        marker=True,
        about='reportlab\'s rl_safe_eval bypass through <font color="[[[...]]]"> markup.',
    )
    img = base_chart()
    img["chart"]["title"] = "Chart " + IMG
    img["bodies"][1]["name"] = "ICB " + IMG
    img["bodies"][1]["description"] = "Logo: " + IMG + ' <a href="http://127.0.0.1:9/">x</a>'
    img["bodies"][2]["name"] = (
        '<img src="file:///etc/passwd"/> <img src="data:image/png;base64,AAAA"/>'
    )
    case(
        "reportlab_img_fetch",
        chart_text(img),
        outcome=LOADS,
        exit=0,
        about="reportlab fetches <img src> (CVE-2020-28463): the host is closed and must not "
        "be asked.",
    )

    far = base_chart()
    far["bodies"][1]["pinned"] = {"x": 100000.0, "y": 100000.0}
    case(
        "far_pinned_position",
        chart_text(far),
        outcome=LOADS,
        exit=0,
        about="A body pinned 35 metres away (100,000 points): a slip of a drag or a crafted file. "
        "The chart must still export in reasonable time and size.",
    )

    # ----- 12. links -----------------------------------------------------------------------------
    def links_case(name: str, urls: list[str], about: str) -> None:
        chart = body_chart(links=[{"url": u, "label": f"Link {i}"} for i, u in enumerate(urls)])
        case(name, chart_text(chart), outcome=LOADS, exit=0, about=about)

    links_case(
        "links_javascript",
        ["javascript:alert(document.domain)", "vbscript:msgbox(1)"],
        "Script links: must never reach an href.",
    )
    links_case(
        "links_data_file",
        [
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "file://C:/Windows/System32/calc.exe",
            "http://example.org/plain-http",
            "ftp://example.org/x",
            "//evil.example/x",
        ],
        "data:, file:, plain http:, ftp: and scheme-relative links.",
    )
    links_case(
        "links_disguised",
        [
            "java\nscript:alert(1)",
            "JaVaScRiPt:alert(2)",
            "  javascript:alert(3)",
            "&#106;avascript:alert(4)",
            "java\tscript:alert(5)",
            "\x01javascript:alert(6)",
            "javascript&colon;alert(7)",
            "\u200bjavascript:alert(8)",
            "jav&#x09;ascript:alert(9)",
            "%6A%61%76%61script:alert(10)",
            "javascript\x00:alert(11)",
        ],
        "Disguised script links: newline, tab, case, spaces, entities, zero-width, NUL.",
    )
    links_case(
        "links_https_quote_injection",
        [
            'https://example.org/" onclick="alert(1)',
            "https://example.org/'><script>alert(2)</script>",
            'mailto:someone@example.org?subject=<script>&body="x"',
            "https://ok.example.org/path",
        ],
        "Allowed schemes carrying quotes and markup: must be escaped, not trusted.",
    )
