"""The batch index and the report as a researcher reads them (stop 25)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from scr_timeline.batch import analyse_many

HEADER = "Date,Agency,Details\n"


def _batch(tmp_path: Path):
    (tmp_path / "in").mkdir()
    # one case with an injury nobody acted on, one quiet case, one with <script> & quotes
    (tmp_path / "in" / "bruised.csv").write_text(
        HEADER + "11/10/2007,GP,Bruise to the cheek of Child A aged 4 months.\n"
        "20/10/2007,Health Visiting,Home visit.\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "quiet.csv").write_text(
        HEADER + "11/10/2007,Health Visiting,Home visit. Child A seen.\n", encoding="utf-8"
    )
    (tmp_path / "in" / "odd & <b>.csv").write_text(
        HEADER
        + '11/10/2007,GP,"Bruise to the ear of Child A aged 5 months <script>x</script> & ""so"""\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = analyse_many(sorted((tmp_path / "in").glob("*.csv")), jobs=1, progress=False, out=out)
    return result, out, (out / "index.html").read_text(encoding="utf-8")


def test_the_index_shows_which_chronology_has_which_rule_linked_to_the_finding(tmp_path):
    result, out, page = _batch(tmp_path)
    findings = result.findings()
    assert len(findings)
    matrix = page[page.index('<section id="matrix">') : page.index('<section id="chronologies">')]
    # a column per rule with findings, a row per chronology analysed
    for rule in findings["rule_id"].unique():
        assert f"<span>{rule}</span>" in matrix
    rows = re.findall(r'<tr><th scope="row"[^>]*>(.*?)</th>(.*?)</tr>', matrix)
    names = [re.sub(r"<[^>]+>", "", name) for name, _ in rows]
    assert sorted(names) == ["bruised", "odd-b", "quiet"]  # safe folder names
    # the quiet case has no numbers; those with findings come first
    assert names[-1] == "quiet"
    assert not re.search(r">\d+<", rows[-1][1])
    # each count opens the first finding of that rule in that chronology's report
    bruised = findings[findings["chronology"] == "bruised"]
    first = bruised.groupby("rule_id", sort=False)["finding_id"].first()
    for rule, finding in first.items():
        n = int((bruised["rule_id"] == rule).sum())
        anchor = "f-" + re.sub(r"[^a-z0-9]+", "-", str(finding).lower()).strip("-")
        assert f'<a href="bruised/report.html#{anchor}">{n}</a>' in matrix
        report = (out / "bruised" / "report.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in report
    # no chronology's text is markup
    assert "<script>" not in page
    assert "<b>" not in page


def test_the_index_links_the_tables_and_the_guidance(tmp_path):
    _result, _out, page = _batch(tmp_path)
    for name in ("summary.csv", "by_rule.csv", "findings.csv"):
        assert f'<a href="{name}">{name}</a>' in page
    by_rule = page[page.index('<section id="by-rule">') : page.index('<section id="matrix">')]
    urls = re.findall(r'<a href="(https?://[^"]+)" rel="noreferrer noopener">\1</a>', by_rule)
    assert urls  # the references' addresses are links
    assert '<div class="wide">' in page[page.index('<section id="chronologies">') :]


def test_an_index_without_findings_says_so(tmp_path):
    (tmp_path / "quiet.csv").write_text(
        HEADER + "11/10/2007,Health Visiting,Home visit. Child A seen.\n", encoding="utf-8"
    )
    result = analyse_many([tmp_path / "quiet.csv"], jobs=1, progress=False, out=tmp_path / "o")
    assert not len(result.findings())
    page = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "No findings in any chronology." in page
    assert isinstance(result.summary(), pd.DataFrame)


def test_wide_tables_print_whole(tmp_path):
    _result, _out, page = _batch(tmp_path)
    style = page[page.index("<style>") : page.index("</style>")]
    prints = style[style.index("@media print") :]
    assert "div.wide { overflow: visible; }" in prints
    assert "#chronologies table { font-size: 7.5pt; }" in style
