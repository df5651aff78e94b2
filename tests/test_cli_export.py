"""`icsviewer export`: exit codes, one-line messages, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporters.cli import run_export

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "data" / "cheshire_and_merseyside.yaml"
SMALL = """\
format: 1
chart:
  title: Small ICS
  organisation: NHS Example
  version: "2.0"
  as_at: 2025-11-01
bodies:
  - {id: nhse, name: NHS England, kind: national_body}
  - {id: icb, name: NHS Example Integrated Care Board, kind: icb}
relationships:
  - {from: icb, to: nhse, kind: accountable_to}
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _quick_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Graphviz child process is the layout engineer's to test; here the instant fallback
    # keeps these tests fast and independent of it.
    from icsviewer.layout import client, fallback

    def layout(chart: object, **_: object) -> object:
        return fallback.fallback_layout(chart)  # type: ignore[arg-type]

    monkeypatch.setattr(client, "compute_layout", layout)


@pytest.mark.parametrize("suffix", [".pdf", ".svg", ".png"])
def test_exports_each_format_and_says_what_it_wrote(
    small: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"out{suffix}"
    assert run_export([str(small), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1 and printed[0].startswith(f"Wrote out{suffix}")
    assert out.stat().st_size > 0


def test_pdf_report_names_pages_paper_and_fit(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.pdf"
    code = run_export(
        [
            str(small),
            "-o",
            str(out),
            "--paper",
            "A3",
            "--orientation",
            "portrait",
            "--marking",
            "OFFICIAL",
            "--title",
            "Board pack",
        ]
    )
    assert code == 0
    line = capsys.readouterr().out
    assert "A3 portrait" in line and "pages" in line and "chart on one page" in line


def test_forced_tiling_is_reported(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export([str(small), "-o", str(tmp_path / "t.pdf"), "--fit", "tile"]) == 0
    assert "Wrote t.pdf" in capsys.readouterr().out


def test_png_scale_and_dpi(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_export([str(small), "-o", str(tmp_path / "a.png"), "--dpi", "72"]) == 0
    assert "at 72 dpi" in capsys.readouterr().out
    assert (
        run_export([str(small), "-o", str(tmp_path / "b.png"), "--scale", "3", "--transparent"])
        == 0
    )
    assert "at 216 dpi" in capsys.readouterr().out


def test_file_with_errors_is_refused_with_located_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("to: nhse", "to: nowhere"), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert run_export([str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err and ": error: " in err
    assert not out.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["missing.yaml", "-o", "{tmp}/out.pdf"],
        ["{small}", "-o", "{tmp}/no/such/folder/out.pdf"],
        ["{small}", "-o", "{tmp}/out.docx"],
        ["{small}", "-o", "{tmp}/out.pdf", "--paper", "B5"],
        ["{small}", "-o", "{tmp}/out.pdf", "--theme", "neon"],
        ["{small}"],
        ["{small}", "-o", "{tmp}/out.png", "--scale", "2", "--dpi", "300"],
    ],
)
def test_unreadable_input_unwritable_output_and_bad_options_exit_2(
    argv: list[str], small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(tmp=tmp_path, small=small) for a in argv]
    assert run_export(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and ": error: " in lines[0]
    assert "Traceback" not in captured.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_exits_2(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert run_export([str(small), "-o", str(folder / "out.svg")]) == 2
        assert "cannot write" in capsys.readouterr().err
    finally:
        folder.chmod(0o755)


def test_output_that_is_a_folder_exits_2_and_changes_nothing(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "chart.svg"
    target.mkdir()
    assert run_export([str(small), "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert target.is_dir() and list(target.iterdir()) == []


def test_unexpected_failure_is_one_line_not_a_traceback(
    small: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import exporters.svg

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("disk gremlins")

    monkeypatch.setattr(exporters.svg, "export_svg", boom)
    assert run_export([str(small), "-o", str(tmp_path / "x.svg")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "disk gremlins" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.skipif(not FLAGSHIP.exists(), reason="the flagship chart is not there")
def test_the_real_command_exports_the_flagship(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "icsviewer",
            "export",
            str(FLAGSHIP),
            "-o",
            str(out),
            "--paper",
            "A3",
            "--orientation",
            "landscape",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Wrote pack.pdf: ") and "A3 landscape" in run.stdout
    assert "Traceback" not in run.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_full_disk_exits_2_and_keeps_the_old_file(
    small: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import errno

    import exporters.atomic

    out = tmp_path / "pack.svg"
    out.write_text("old version", encoding="utf-8")

    def full(fd: int, *_: object, **__: object) -> object:
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exporters.atomic.os, "fdopen", full)
    assert run_export([str(small), "-o", str(out)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old version"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
