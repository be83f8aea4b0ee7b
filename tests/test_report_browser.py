"""The report in a real browser: headless Chromium renders it, no script runs, nothing logged.

`.ci/run` installs Debian's chromium when it is missing, so CI always runs these tests; on a
machine without Chromium they are skipped with that reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

from .conftest import CHROMIUM, run_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
]

HOSTILE = '<script>alert("xss")</script><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, scr.Findings]:
    chron = scr.load_sample("child-a-combined")
    shown = scr.analyse(chron).to_frame()["trigger_event_id"].iloc[0]  # its row is in the report
    events = chron.events.copy()
    events.loc[shown, S.DETAILS] = HOSTILE
    chron = scr.Chronology(events, chron.rejected, chron.warnings, chron.meta)
    findings = scr.analyse(chron)
    path = scr.write_report(chron, findings, tmp_path_factory.mktemp("report") / "report.html")
    return path, findings


def test_the_report_renders_with_every_finding_and_no_console_messages(report):
    path, findings = report
    done = run_chromium("--dump-dom", path.resolve().as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<title>Child A: combined multi-agency chronology (fictional)</title>" in dom
    assert dom.count('class="finding sev-') == len(findings)
    assert "CONSOLE" not in done.stderr  # nothing was logged to the page's console


def test_hostile_text_is_shown_as_text_and_never_runs(report):
    path, _findings = report
    dom = run_chromium("--dump-dom", path.resolve().as_uri()).stdout
    assert "<script" not in dom.lower()
    assert "onerror=" not in dom.replace("onerror=alert(2)&gt;", "")  # only as escaped text
    assert '&lt;script&gt;alert("xss")&lt;/script&gt;' in dom or (
        "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in dom
    )


def test_a_screenshot_is_taken(report, tmp_path):
    path, _findings = report
    shot = tmp_path / "shot.png"
    done = run_chromium(f"--screenshot={shot}", "--window-size=1300,2000", path.resolve().as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a page, not a blank image
