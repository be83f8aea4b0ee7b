"""The report's first screen as a panel chair reads it (stop 26)."""

from __future__ import annotations

import html as html_module
import re

import pandas as pd

import scr_timeline as scr
from scr_timeline.report import render_report


def _chron(rows: list[tuple[str, str, str]]) -> scr.Chronology:
    frame = pd.DataFrame(rows, columns=["Date", "Agency", "Details"])
    return scr.parse_table(frame, source="case.csv")


def _key_block(html: str) -> str:
    found = re.search(r'<div class="key-findings".*?</div>', html, re.S)
    assert found, "no key findings in the summary"
    return found.group()


def test_the_summary_opens_with_the_key_findings_in_date_order() -> None:
    # two babies' bruises nobody acted on, months apart: high-severity findings
    chron = _chron(
        [
            ("11/10/2007", "GP", 'Bruise to the cheek of Child A aged 4 months. <b>&</b> "x"'),
            ("20/10/2007", "Health Visiting", "Home visit."),
            ("03/03/2008", "GP", "Bruise to the ear of Child A aged 9 months."),
        ]
    )
    findings = scr.analyse(chron)
    html = render_report(chron, findings)
    block = _key_block(html)
    # before the tables of the summary and the findings themselves
    assert html.index('class="key-findings"') < html.index("<h3>Events by agency</h3>")
    frame = findings.to_frame()
    high = frame[frame["severity"] == "high"]
    assert len(high) >= 2
    assert "high severity" in block
    items = re.findall(r'<li class="sev-high">(.*?)</li>', block, re.S)
    assert len(items) == len(high)
    # dated, in the chronology's order, linking to each finding's card
    dates = [
        pd.Timestamp(re.search(r'class="nowrap when">([^<]+)<', item).group(1)) for item in items
    ]
    assert dates[0] == pd.Timestamp("2007-10-11") and dates == sorted(dates)
    for item in items:
        anchor = re.search(r'href="#(f-[^"]+)"', item)
        assert anchor and f'id="{anchor.group(1)}"' in html
    assert "<b>" not in block


def test_key_findings_are_capped_with_a_link_to_the_rest() -> None:
    rows = [
        (f"{day:02d}/{month:02d}/2008", "GP", "Bruise to the cheek of Child A aged 4 months.")
        for month in range(1, 7)
        for day in (3, 17)
    ]
    chron = _chron(rows)
    findings = scr.analyse(chron)
    n_high = int((findings.to_frame()["severity"] == "high").sum())
    assert n_high > 8
    block = _key_block(render_report(chron, findings))
    assert block.count("<li ") == 8
    assert f"and {n_high - 8} more high-severity findings" in block
    assert 'href="#by-date"' in block


def test_without_findings_there_is_no_key_findings_block() -> None:
    chron = _chron([("11/10/2007", "Health Visiting", "Home visit. Child A seen.")])
    html = render_report(chron, scr.analyse(chron))
    assert 'class="key-findings"' not in html


def test_events_by_agency_says_which_agency_never_had_contact_with_social_care() -> None:
    chron = _chron(
        [
            ("11/10/2007", "GP", "Bruise to the cheek of Child A aged 4 months."),
            ("12/10/2007", "Health Visiting", "Home visit. Child A seen."),
            ("15/10/2007", "Health Visiting", "Phoned CSC duty desk re concerns."),
            ("16/10/2007", "Children's Social Care", "Referral received from the health visitor."),
        ]
    )
    html = render_report(chron, scr.analyse(chron))
    table = re.search(r"<h3>Events by agency</h3>.*?</table>", html, re.S)
    assert table and "Contacts with CSC" in table.group()
    rows = {
        html_module.unescape(re.sub(r"<[^>]+>", "", cells[0])): cells
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr>(.*?)</tr>", table.group(), re.S)
        )
        if cells
    }
    assert 'class="never">none' in rows["GP"][4]
    assert "1 injury before first contact" in rows["GP"][4]
    assert rows["Health visiting"][4].startswith("2")
    assert rows["Children's social care"][4] == "–"


def test_without_social_care_records_there_is_no_contacts_column() -> None:
    chron = _chron([("11/10/2007", "GP", "Seen. Phoned the health visitor.")])
    html = render_report(chron, scr.analyse(chron))
    assert "Contacts with CSC" not in html
