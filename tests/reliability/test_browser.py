"""Hostile text in a real browser: a chronology whose cells (and file names) hold scripts is
analysed by the CLI, and headless Chromium shows the report and the batch index with the
scripts as text; none runs. Follows tests/test_report_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scr_timeline.cli import main

from ..conftest import CHROMIUM, run_chromium
from .conftest import HEADER, _write_csv

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
]

#: Each would leave a mark in the page if it ran.
PAYLOADS = [
    "<script>document.title='PWNED-1'</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">",
    "<svg onload=\"document.body.setAttribute('data-pwned','3')\"></svg>",
    "</td></tr></table><script>document.title='PWNED-4'</script>",
    "<a href=\"javascript:document.title='PWNED-5'\">link</a>",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED-6'</script>\"></iframe>",
]


def _dom(page: Path) -> str:
    # --virtual-time-budget: let any timer or onload handler fire
    done = run_chromium(
        "--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri(), timeout=25
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _assert_nothing_ran(dom: str) -> None:
    head, _, body = dom.partition("</head>")
    assert re.search(r"<title>PWNED", head) is None  # no script set the title
    assert re.search(r"<body[^>]*data-pwned", body) is None  # no handler marked the page
    tags = {tag.lower() for tag in re.findall(r"<([A-Za-z]+)", dom)}
    assert not tags & {"script", "iframe", "svg"}, tags  # no element from the data
    for img in re.findall(r"<img\b[^>]*>", dom):  # only the library's own embedded charts
        assert re.match(r'<img src="data:image/png;base64,[^"]*" alt="[^"<]*"', img), img[:200]
        assert "onerror" not in img and "onload" not in img
    hrefs = " ".join(re.findall(r'href="([^"]*)"', dom))
    assert "javascript:" not in hrefs


def test_scripts_in_cells_show_as_text_in_the_report_and_do_not_run(tmp_path: Path) -> None:
    rows = [HEADER]
    for i, payload in enumerate(PAYLOADS):
        rows.append([f"{12 + i}/03/2007", "GP", payload, f"Child A seen {payload}", payload])
    rows.append([PAYLOADS[0], "GP", "GP1", "a rejected row shows its value", ""])
    path = _write_csv(tmp_path / "hostile.csv", rows)
    out = tmp_path / "out"
    assert main(
        ["analyse", str(path), "--out", str(out), "--no-plots", "--title", PAYLOADS[3]]
    ) in (
        0,
        1,
    )
    dom = _dom(out / "report.html")
    _assert_nothing_ran(dom)
    assert "&lt;script&gt;document.title='PWNED-1'&lt;/script&gt;" in dom  # shown as text


def test_a_hostile_file_name_shows_as_text_in_the_batch_index(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    name = "<img src=x onerror=\"document.body.setAttribute('data-pwned','7')\">"
    _write_csv(inputs / f"{name}.csv", [HEADER, ["12/03/2007", "GP", "GP1", "seen", ""]])
    (inputs / "<script>document.title='PWNED-8'<\\script>.csv").write_bytes(b"")  # fails
    out = tmp_path / "out"
    code = main(["batch", str(inputs), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert code == 2  # one chronology failed, the other analysed
    dom = _dom(out / "index.html")
    _assert_nothing_ran(dom)
    assert "PWNED-8" in dom  # the failed file is listed, as text
