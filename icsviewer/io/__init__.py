"""Reading, validating and writing chart files. Pure Python; no Qt.

Public API (import from the modules; this package imports nothing up front):

- `icsviewer.io.reader.load_chart(path) -> LoadResult` (`.chart`, `.problems`, `.ok`,
  `.readable`) and `parse_chart_text(text, path_label)`: never raise.
- `icsviewer.io.domain_checks.validate_chart(chart, path) -> list[Problem]`: ICS warnings
  (load_chart already runs them; call it again after edits).
- `icsviewer.io.writer.dump_chart(chart) -> str` and `save_chart(chart, path)` (atomic, keeps
  `PATH.bak`; raises `icsviewer.io.atomic.SaveError` with a plain reason).
- `icsviewer.io.problems.Problem`: `PATH:LINE:COL: error|warning: message (hint: ...)`, with a
  stable `code` such as "duplicate-key" or "not-utf8".
- `icsviewer.io.validate_cli.run_validate(argv) -> int`: the `icsviewer validate` command.

The order of checks, and why each exists, is described in `guards.py` and `reader.py`.
"""
