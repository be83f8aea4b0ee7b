"""Tests for scr_timeline.report: the self-contained HTML report."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.chronology import Chronology, ChronologyMeta, SourceInfo
from scr_timeline.report import render_report, write_report
from scr_timeline.rules import Findings, analyse
from scr_timeline.testing import make_events

# The smallest valid PNG: 1x1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
XSS = "<script>alert(1)</script>"


def _esc(text: str) -> str:
    """Text as the report's template escapes it."""
    return str(escape(text))


@pytest.fixture(scope="module")
def child_a() -> tuple[Chronology, Findings]:
    chron = scr.load_sample("child-a-combined")
    return chron, scr.analyse(chron)


@pytest.fixture(scope="module")
def child_a_html(child_a: tuple[Chronology, Findings]) -> str:
    chron, findings = child_a
    return render_report(chron, findings, images={"Agency timeline": PNG})


def _escalation_case(details: str = "HV disagrees with the CSC decision") -> Chronology:
    events = make_events(
        start=["11/06/2007", "29/06/2007"],
        agency=["health_visiting", "csc"],
        event_type=["disagreement", "home_visit"],
        details=[details, "Home visit by SW1"],
        source_file="hv.csv",
        source_row=[7, 8],
    )
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: ["hv.csv"],
            S.SOURCE_SHEET: [None],
            S.SOURCE_ROW: [12],
            S.REASON_CODE: ["empty_date"],
            S.REASON: ["the date cell holds 'unknown', not a date"],
            "value": ["unknown"],
            S.DETAILS: ["Father's visit <b>date lost</b>"],
        }
    )
    warnings = pd.DataFrame(
        {
            "code": ["ambiguous_dates"],
            "message": ["dates such as 03/04/2007 read as day first (UK)"],
            S.SOURCE_FILE: ["hv.csv"],
            S.SOURCE_SHEET: [None],
            S.SOURCE_ROW: [None],
        }
    )
    meta = ChronologyMeta(
        title="Child Z",
        sources=(
            SourceInfo(
                file="hv.csv",
                rows=3,
                events=2,
                rejected=1,
                header_row=1,
                dayfirst=True,
                format="csv",
            ),
        ),
    )
    return Chronology(events, rejected, warnings, meta, child_dob="2006-03-01")


def _external_refs(doc: str) -> list[str]:
    """src/href attributes that would make the browser fetch something."""
    fetches = re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", doc, re.I)
    bad = [tag for tag in fetches if re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", tag)]
    bad += re.findall(r"url\(\s*[\"']?(?:https?:)?//", doc)
    bad += re.findall(r"@import", doc)
    return bad


# --- content ----------------------------------------------------------------------------------
def test_child_a_report_is_self_contained(child_a_html: str) -> None:
    assert child_a_html.startswith("<!DOCTYPE html>")
    assert _external_refs(child_a_html) == []
    assert "<script" not in child_a_html.lower()
    # the rule references' URLs are there, as links a reader can follow, not as resources
    assert re.search(r'<a href="https://[^"]+"', child_a_html)


def test_child_a_summary(child_a: tuple[Chronology, Findings], child_a_html: str) -> None:
    assert "<title>Child A: combined multi-agency chronology (fictional)</title>" in child_a_html
    assert "1 March 2006" in child_a_html  # date of birth, UK long form
    assert 'Children&#39;s social care</td><td class="num">27</td>' in child_a_html
    # the card counts the analysis's findings (how many there are is the rules' business)
    findings = child_a[1]
    assert len(findings) > 40
    assert f'>{len(findings)}</span><span class="lbl">findings' in child_a_html
    high = int((findings.to_frame()["severity"] == "high").sum())
    assert f'>{high}</span><span class="lbl">high severity' in child_a_html
    assert "taken from the chronology" not in child_a_html  # the sample's own metadata gave it


def test_a_date_of_birth_taken_from_the_chronology_says_where() -> None:
    chron = scr.read(scr.datasets.sample_path("child-a-combined"))
    html = render_report(chron, scr.analyse(chron))
    assert (
        '1 March 2006 <span class="outcome">(taken from the chronology: '
        "child-a-combined.csv, row 2; see Warnings)</span>"
    ) in html


def test_ages_from_an_age_column_are_said_to_come_from_it(tmp_path) -> None:
    path = tmp_path / "ages.csv"
    path.write_text(
        "Date,Age of child,Agency,Details\n01/03/2007,9/12,GP,Bruise to left cheek.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    html = render_report(chron, scr.analyse(chron))
    assert (
        "not known <span class=\"outcome\">(the child's ages come from the chronology's "
        "age column: 1 of 1 events have one)</span>"
    ) in html
    assert "ages come from the chronology's age column" in str(chron)
    assert "age column" not in render_report(
        scr.read(scr.datasets.sample_path("child-a-combined")), scr.analyse(chron)
    )


def test_every_finding_summary_appears(
    child_a: tuple[Chronology, Findings], child_a_html: str
) -> None:
    frame = child_a[1].to_frame()
    assert len(frame) > 0
    for summary in frame["summary"]:
        assert _esc(summary) in child_a_html
    for fid in frame["finding_id"]:
        assert f"Finding {_esc(fid)}" in child_a_html


def test_evidence_rows_show_their_source(
    child_a: tuple[Chronology, Findings], child_a_html: str
) -> None:
    chron, findings = child_a
    first = findings.to_frame().iloc[0]
    for eid in first["evidence"].split("; "):
        row = chron.events.loc[eid]
        assert f"child-a-combined.csv, row {row[S.SOURCE_ROW]}" in child_a_html
        assert _esc(row[S.DETAILS]) in child_a_html
    # dates in UK short form with the time when the source had one
    assert "13/12/2006 09:30" in child_a_html


def test_rulebook_and_provenance(child_a_html: str) -> None:
    section = child_a_html.split('id="rulebook"', 1)[1].split('id="sources"', 1)[0]
    assert "wt2006: Working Together to Safeguard Children 2006" in section
    assert ">INJ-STRAT</td>" in section
    sources = child_a_html.split('id="sources"', 1)[1]
    assert "<td>child-a-combined.csv</td>" in sources
    assert '<td class="num">75</td><td class="num">74</td><td class="num">1</td>' in sources
    assert "yes (UK)" in sources


def test_rejected_rows_and_warnings_appear() -> None:
    chron = _escalation_case()
    doc = render_report(chron, analyse(chron, rules=["ESC-DISAGREE"]))
    rejected = doc.split('id="rejected"', 1)[1].split('id="warnings"', 1)[0]
    assert "hv.csv, row 12" in rejected
    assert "the date cell holds &#39;unknown&#39;, not a date" in rejected
    assert "Father&#39;s visit &lt;b&gt;date lost&lt;/b&gt;" in rejected
    warnings = doc.split('id="warnings"', 1)[1].split('id="rulebook"', 1)[0]
    assert "ambiguous_dates" in warnings
    assert "dates such as 03/04/2007 read as day first (UK)" in warnings


def test_injected_markup_is_escaped() -> None:
    chron = _escalation_case(details=XSS)
    findings = analyse(chron, rules=["ESC-DISAGREE"])
    assert len(findings) == 1
    doc = render_report(chron, findings, title=XSS, images={XSS: PNG})
    assert XSS not in doc
    assert "<script" not in doc.lower()
    assert doc.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title x2, details, caption


def test_images_are_inlined_with_alt_and_caption() -> None:
    chron = _escalation_case()
    doc = render_report(chron, Findings(), images={"Agency timeline": PNG, "Network": PNG})
    assert doc.count("data:image/png;base64,") == 2
    assert 'alt="Figure 1: Agency timeline"' in doc
    assert "<figcaption>Figure 2: Network</figcaption>" in doc
    assert 'href="#plots"' in doc


def test_no_images_no_plots_section() -> None:
    doc = render_report(_escalation_case(), Findings())
    assert 'id="plots"' not in doc
    assert "<img" not in doc


@pytest.mark.parametrize(
    ("image", "error"), [(b"GIF89a....", ValueError), ("not bytes", TypeError)]
)
def test_bad_images_are_refused(image: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="plot"):
        render_report(_escalation_case(), Findings(), images={"plot": image})  # type: ignore[dict-item]


def test_empty_findings_say_no_findings() -> None:
    chron = Chronology(make_events(start=["12/03/2007"], agency=["police"]))
    doc = render_report(chron, Findings(rulebook="wt2006"))
    assert "No findings: rulebook wt2006 found nothing" in doc
    assert "12 March 2007 to 12 March 2007" in doc
    assert "No rows were rejected" in doc
    assert "No warnings" in doc
    assert "not known" in doc  # no date of birth
    assert "no ages in the chronology: the age-based rules" in doc  # and no age column


def test_wrong_types_are_refused() -> None:
    chron = _escalation_case()
    with pytest.raises(TypeError, match="Findings"):
        render_report(chron, chron.events)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Chronology"):
        render_report(chron.events, Findings())  # type: ignore[arg-type]


# --- writing ----------------------------------------------------------------------------------
def test_write_report_writes_one_file_atomically(
    tmp_path: Path, child_a: tuple[Chronology, Findings], child_a_html: str
) -> None:
    chron, findings = child_a
    target = tmp_path / "out" / "report.html"  # the folder does not exist yet
    written = write_report(chron, findings, target, images={"Agency timeline": PNG})
    assert written == target
    assert target.read_text(encoding="utf-8") == child_a_html
    assert [p.name for p in tmp_path.rglob("*")] == ["out", "report.html"]


def test_write_report_replaces_and_cleans_up_on_failure(tmp_path: Path) -> None:
    chron = _escalation_case()
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    with pytest.raises(ValueError, match="not a PNG"):
        write_report(chron, Findings(), target, images={"bad": b"nope"})
    assert target.read_text(encoding="utf-8") == "old report"
    write_report(chron, Findings(), str(target), title="New")
    assert "<title>New</title>" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_template_ships_with_the_package() -> None:
    from importlib.resources import files

    assert files("scr_timeline").joinpath("templates/report.html.j2").is_file()
    # a real PNG from matplotlib is accepted too
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, _ax = plt.subplots(figsize=(2, 1))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    doc = render_report(_escalation_case(), Findings(), images={"tiny": buf.getvalue()})
    assert "data:image/png;base64,iVBORw0KGgo" in doc


def test_write_report_leaves_no_temp_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scr_timeline.report as report

    def fail(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(report.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_report(_escalation_case(), Findings(), tmp_path / "report.html")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_report_has_an_ordinary_file_mode(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    report = write_report(_escalation_case(), Findings(), tmp_path / "report.html")
    assert report.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_evidence_dates_are_as_precise_as_the_source() -> None:
    from scr_timeline.report import _event_dates

    t = pd.Timestamp
    events = pd.DataFrame(
        {
            S.START: [
                t("2007-03-12 14:30"),
                t("2007-03-12"),
                t("2007-03-01"),
                t("2007-01-01"),
                t("2007-03-12"),
                t("2007-03-12"),
                pd.NaT,
            ],
            S.END: [
                t("2007-03-12 14:30"),
                t("2007-03-12 23:59"),
                t("2007-03-31"),
                t("2007-12-31"),
                t("2007-03-18"),
                pd.NaT,
                pd.NaT,
            ],
            S.PRECISION: pd.Categorical(
                ["minute", "day", "month", "year", "week", "approximate", None]
            ),
            S.DATE_TEXT: ["", "", "", "", "w/c 12/03/2007", "c. 12/03/07", "date lost"],
        }
    )
    assert _event_dates(events).tolist() == [
        "12/03/2007 14:30",
        "12/03/2007",
        "March 2007",
        "2007",
        "12/03/2007 – 18/03/2007",
        "12/03/2007",
        "date lost",
    ]


def test_spans_written_at_a_precision_show_both_ends() -> None:
    """ "12/03/2007 - 14/03/2007" (precision day), "March or April 2007" (month) and
    "2006/07" (year) showed only their first day, month or year."""
    from scr_timeline.report import _event_dates

    t = pd.Timestamp
    events = pd.DataFrame(
        {
            S.START: [t("2007-03-12"), t("2007-03-01"), t("2006-01-01"), t("2007-03-12 22:00")],
            S.END: [
                t("2007-03-14 23:59:59"),
                t("2007-04-30 23:59:59"),
                t("2007-12-31 23:59:59"),
                t("2007-03-12 23:59:59"),
            ],
            S.PRECISION: pd.Categorical(["day", "month", "year", "day"]),
            S.DATE_TEXT: ["", "", "", "12/03/2007 night"],
        }
    )
    assert _event_dates(events).tolist() == [
        "12/03/2007 – 14/03/2007",
        "March 2007 – April 2007",
        "2006 – 2007",
        "12/03/2007",
    ]


def test_an_evidence_id_missing_from_the_events_says_so() -> None:
    chron = scr.load_sample("child-a-combined")
    frame = scr.analyse(chron).to_frame()
    first = frame.iloc[0]
    findings = Findings(frame.assign(evidence=first["evidence"] + "; gone-r999"))
    doc = render_report(chron, findings)
    assert "event gone-r999 is not in this chronology&#39;s events" in doc


def _one_finding(evidence: str, trigger: str, **extra: object) -> Findings:
    row = {
        "finding_id": "F1",
        "rule_id": "INJ-STRAT",
        "category": "injury_procedure",
        "severity": "high",
        "status": "missing",
        "agency": "csc",
        "trigger_event_id": trigger,
        "evidence": evidence,
        "summary": "No strategy discussion.",
        **extra,
    }
    return Findings(pd.DataFrame([row]), rulebook="wt2006")


def _same_day(file: str) -> Chronology:
    """A GP visit on 11/03/2007 (row 2), then on 12/03/2007 A&E at 14:30 (row 3) and,
    written below it without a time, the referral that followed (row 4)."""
    return Chronology(
        make_events(
            start=["12/03/2007 14:30", "12/03/2007", "11/03/2007"],
            agency=["hospital", "csc", "gp"],
            details=["Seen in A&E", "Referral received", "GP visit"],
            source_file=file,
            source_row=[3, 4, 2],
        )
    )


def test_evidence_rows_of_one_day_keep_the_chronologys_order() -> None:
    """A row without a time written below a timed row of the same day stays below it (the
    library's same-day order), although its date starts at midnight."""
    chron = _same_day("combined.csv")
    doc = render_report(chron, _one_finding("e1; e2; e3", "e1"))
    seen = [doc.index(_esc(t)) for t in ("GP visit", "Seen in A&E", "Referral received")]
    assert seen == sorted(seen)


def test_a_findings_trigger_is_as_precise_as_its_event_and_says_where_it_is() -> None:
    """A trigger dated "March 2007" is not shown as "1 March 2007"; the facts say the
    file, sheet and row of the trigger (the finding's own provenance)."""
    chron = Chronology(
        make_events(
            start=["March 2007", "20/04/2007 09:15"],
            agency=["gp", "csc"],
            details=["Bruise to the ear noted (month only)", "Strategy discussion"],
            source_file="gp.xlsx",
            source_sheet="GP",
            source_row=[14, 15],
        )
    )
    trigger = pd.Timestamp("2007-03-01")
    findings = _one_finding(
        "e1; e2",
        "e1",
        status="late",
        trigger_start=trigger,
        observed_event_id="e2",
        observed_start=pd.Timestamp("2007-04-20 09:15"),
        source_file="gp.xlsx",
        source_sheet="GP",
        source_row=14,
    )
    doc = render_report(chron, findings)
    facts = doc.split('id="f-f1"')[1].split("</dl>")[0]
    assert "<dt>Trigger</dt><dd>March 2007<" in facts
    assert "gp.xlsx, sheet GP, row 14" in facts
    assert "<dt>First action</dt><dd>20 April 2007 09:15</dd>" in facts
    assert "1 March 2007" not in doc
    assert "<dt>Period covered</dt><dd>March 2007 to 20 April 2007</dd>" in doc


def test_narrative_cells_keep_their_line_breaks_and_wrap_long_runs() -> None:
    """Practitioners write paragraphs in one cell (Alt+Enter in Excel): the report keeps
    the breaks; a long run without spaces wraps instead of widening the table. Tables say
    which cells are column headings, and each finding is a heading of its own."""
    run = "x" * 300
    chron = _escalation_case(details=f"HV1 visited.\nMother low in mood.\n\n{run}")
    doc = render_report(chron, analyse(chron, rules=["ESC-DISAGREE"]))
    assert f'<td class="text">HV1 visited.\nMother low in mood.\n\n{run}' in doc
    css = doc.split("<style>")[1].split("</style>")[0]
    assert "td.text { white-space: pre-line; overflow-wrap: anywhere; }" in css
    assert "<th>" not in doc and '<th scope="col">Details</th>' in doc
    assert '<h4 class="rule">ESC-DISAGREE <span class="agency">' in doc


def test_findings_in_date_order_list_each_finding_once_by_its_trigger() -> None:
    """An index in the chronology's order (one day's rows as the file has them), each
    line linked to its finding and saying where its trigger is in the agency's file."""
    chron = _same_day("combined.xlsx")
    base = {"category": "injury_procedure", "severity": "high", "status": "missing"}
    rows = [
        {"finding_id": "F-csc", "rule_id": "A-LAST", "trigger_event_id": "e2", "source_row": 4},
        {"finding_id": "F-hosp", "rule_id": "B-MID", "trigger_event_id": "e1", "source_row": 3},
        {"finding_id": "F-gp", "rule_id": "C-FIRST", "trigger_event_id": "e3", "source_row": 2},
    ]
    frame = pd.DataFrame(
        [
            {**base, **r, "evidence": r["trigger_event_id"], "summary": f"Summary {r['rule_id']}"}
            for r in rows
        ]
    ).assign(source_file="combined.xlsx", trigger_start=pd.Timestamp("2007-03-12"))
    doc = render_report(chron, Findings(frame, rulebook="wt2006"))
    index = doc.split('id="by-date"')[1].split("</section>")[0]
    assert index.count("<tr>") == 4  # heading and three findings
    lines = [index.index(f'href="#f-{fid}"') for fid in ("f-gp", "f-hosp", "f-csc")]
    assert lines == sorted(lines)
    assert "combined.xlsx, row 2" in index.split('href="#f-f-gp"')[0].rsplit("<tr>", 1)[1]
    assert 'href="#by-date"' in doc
    assert 'id="by-date"' not in render_report(chron, Findings(rulebook="wt2006"))


def test_warnings_and_rejected_rows_are_counted_by_kind() -> None:
    """A long chronology's hundreds of warnings are a few kinds many times: the sections
    open with how many of each, commonest first."""
    chron = _escalation_case()
    codes = ["time_ignored", "row_out_of_order", "time_ignored", "time_ignored"]
    warnings = pd.DataFrame(
        {
            "code": codes,
            "message": [f"message {i}" for i in range(4)],
            S.SOURCE_FILE: "hv.csv",
            S.SOURCE_SHEET: None,
            S.SOURCE_ROW: [2, 3, 4, 5],
        }
    )
    rejected = pd.concat([chron.rejected] * 2, ignore_index=True)
    rejected.loc[1, [S.REASON_CODE, S.REASON]] = ["no_such_day", "31/06/2007: June has 30 days"]
    chron = Chronology(chron.events, rejected, warnings, chron.meta)
    doc = render_report(chron, Findings())
    section = doc.split('id="warnings"', 1)[1]
    assert (
        'By kind: <span class="nowrap">time_ignored 3</span> · '
        '<span class="nowrap">row_out_of_order 1</span></p>'
    ) in section
    rejected_html = doc.split('id="rejected"', 1)[1].split('id="warnings"', 1)[0]
    assert '<span class="nowrap">empty_date 1</span> · <span class="nowrap">no_such_day 1' in (
        rejected_html
    )
    assert '<div class="outcome">no_such_day</div>' in rejected_html


def test_findings_of_a_category_follow_the_chronologys_order_of_their_triggers() -> None:
    """Within a category and severity, a finding on the untimed row written below a timed
    row of the same day comes after the timed row's finding (it came first by start)."""
    rows = [
        {"finding_id": "F-csc", "rule_id": "INJ-STRAT", "trigger_event_id": "e2"},
        {"finding_id": "F-hosp", "rule_id": "INJ-REFER", "trigger_event_id": "e1"},
    ]
    frame = pd.DataFrame(
        [
            {**r, "category": "injury_procedure", "severity": "high", "status": "missing"}
            for r in rows
        ]
    ).assign(
        evidence=["e2", "e1"],
        summary=["on the referral", "on the A&E visit"],
        trigger_start=[pd.Timestamp("2007-03-12"), pd.Timestamp("2007-03-12 14:30")],
    )
    doc = render_report(_same_day("combined.csv"), Findings(frame, rulebook="wt2006"))
    assert doc.index('id="f-f-hosp"') < doc.index('id="f-f-csc"')


def test_events_by_agency_give_first_and_last_dates_as_precise_as_written() -> None:
    """An agency whose only event is dated "March 2007" was shown as first 01/03/2007 and
    last 31/03/2007; a week's row ends at the end of its week."""
    chron = Chronology(
        make_events(
            start=["March 2007", "12/03/2007 10:00", "w/c 26/03/2007"],
            agency=["education", "csc", "csc"],
        )
    )
    doc = render_report(chron, Findings())
    table = doc.split("Events by agency", 1)[1].split("</table>", 1)[0]
    assert (
        '<td>Children&#39;s social care</td><td class="num">2</td>'
        '<td class="nowrap">12/03/2007</td><td class="nowrap">01/04/2007</td>'
    ) in table
    assert '<td class="nowrap">March 2007</td><td class="nowrap">March 2007</td>' in table
    assert "<dt>Period covered</dt><dd>March 2007 to 1 April 2007</dd>" in doc


def test_templates_compiled_at_install_time_are_used_and_render_the_same(monkeypatch):
    # the prebuilt file keeps the templates as jinja2 compiled them: a run loads them
    # instead of compiling (jinja2's compile is not called), and the report is the same
    import jinja2

    from scr_timeline import _prebuilt, report
    from scr_timeline.datasets import load_sample

    compiled = report.compile_templates()
    assert len(compiled) == 3 and all(isinstance(v, bytes) for v in compiled.values())
    chron = load_sample("child-b-agencies")
    findings = scr.analyse(chron)
    report._template.cache_clear()
    monkeypatch.setattr(_prebuilt, "templates", lambda: None)
    built = report.render_report(chron, findings)

    def refuse(*args, **kwargs):
        raise AssertionError("a template was compiled at run time")

    report._template.cache_clear()
    monkeypatch.setattr(_prebuilt, "templates", lambda: compiled)
    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    try:
        loaded = report.render_report(chron, findings)
    finally:
        report._template.cache_clear()
    strip = re.compile(r"nonce-[^\"']+|nonce=\"[^\"]+\"")
    assert strip.sub("", loaded) == strip.sub("", built)


def test_a_changed_template_is_compiled_again_not_taken_from_the_prebuilt_file(monkeypatch):
    # jinja2 checks the stored bytecode against the template's source
    from scr_timeline import report

    compiled = report.compile_templates()
    same = report._Compiled(compiled)
    report._environment(same).get_template("style.css.j2")
    assert same.compiled == {}  # loaded, not compiled
    cache = report._Compiled(compiled)
    env = report._environment(cache)
    real = env.loader.get_source

    def changed(environment, name):
        source, filename, uptodate = real(environment, name)
        return source + "{# changed #}", filename, uptodate

    monkeypatch.setattr(env.loader, "get_source", changed)
    env.get_template("style.css.j2")
    assert len(cache.compiled) == 1  # compiled afresh


def test_the_report_says_when_the_rulebook_was_not_in_force_for_the_events():
    chron = scr.load_sample("child-a-combined")
    findings = scr.analyse(chron, rulebook="wt2018")
    (message,) = findings.warnings["message"].tolist()
    html = render_report(chron, findings)
    assert f'<p class="note" role="note"><strong>Rulebook:</strong> {escape(message)}</p>' in html
    assert 'class="note"' not in render_report(chron, scr.analyse(chron))  # wt2006: in force


def test_who_knew_of_each_injury() -> None:
    # the GP's bruise is told to csc by phone the next day, and csc holds a strategy
    # discussion with the police the day after; the health visitor never hears of it
    events = make_events(
        start=["2007-03-01", "2007-03-02", "2007-03-05", "2007-03-06"],
        agency=["gp", "csc", "csc", "health_visiting"],
        event_type=["gp_appointment", "referral", "strategy_discussion", "health_visit"],
        details=[
            "Bruise to cheek of Child A (4 months). <b>Mother</b> said he rolled.",
            "Referral from GP by phone re bruise.",
            "Strategy discussion with police.",
            "Home visit. Weighed.",
        ],
        counterparts=[(), ("gp",), ("police",), ()],
        injury=[True, True, False, False],
        suspicious_injury=[True, True, False, False],
        source_file="child.csv",
        source_row=[2, 3, 4, 5],
    )
    chron = Chronology(events)
    doc = render_report(chron, analyse(chron))
    assert 'href="#who-knew"' in doc
    section = doc.split('id="who-knew"', 1)[1].split("</section>", 1)[0]
    # one row: csc's record of the referral is the same injury again, not another
    assert section.count("<tr><td") == 1
    assert "&lt;b&gt;Mother&lt;/b&gt;" in section and "child.csv, row 2" in section
    heads = re.findall(r'<th scope="col">([^<]+)</th>', section)
    assert heads == ["Injury", "Children&#39;s social care", "GP", "Health visiting", "Police"]
    cells = re.findall(r'<td class="knew-(\w+) nowrap"[^>]*>([^<]+)</td>', section)
    assert cells == [
        ("told", "02/03/2007"),
        ("part", "recorded it"),
        ("never", "–"),
        ("told", "05/03/2007"),
    ]
    assert 'title="4 days later, through 2 contact(s); the last recorded by Children' in section


def test_no_suspicious_injury_no_who_knew_section() -> None:
    chron = _escalation_case()
    doc = render_report(chron, analyse(chron, rules=["ESC-DISAGREE"]))
    assert 'id="who-knew"' not in doc


def test_a_workbook_of_sheets_counts_one_input_file_and_its_tables() -> None:
    """child B's agencies each have a sheet of one workbook: one input file, not one per
    sheet."""
    chron = scr.load_sample("child-b-agencies")
    html = render_report(chron, analyse(chron))
    tables = len(chron.meta.sources)
    assert tables > 1
    assert f"from 1 input file ({tables} tables)</dd>" in html
    single = scr.load_sample("child-a-combined")
    assert re.search(r"from 1 input file</dd>", render_report(single, analyse(single)))
