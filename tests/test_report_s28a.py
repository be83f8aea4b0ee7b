"""The report as a reviewer reads and prints it (stop 28): findings in date order give the
sentence the room, in print too."""

from __future__ import annotations

import pandas as pd

from scr_timeline.chronology import Chronology
from scr_timeline.report import render_report
from scr_timeline.rules import Findings
from scr_timeline.testing import make_events


def _report() -> str:
    chron = Chronology(
        make_events(
            start=["w/c 12/03/2007", "20/04/2007 09:15"],
            agency=["gp", "csc"],
            details=["Bruise to the ear noted (that week)", "Strategy discussion"],
            source_file="a-long-agency-file-name.xlsx",
            source_sheet="Health Visiting",
            source_row=[14, 15],
        )
    )
    row = {
        "finding_id": "F1",
        "rule_id": "INJ-STRAT",
        "category": "injury_procedure",
        "severity": "high",
        "status": "missing",
        "agency": "csc",
        "trigger_event_id": "e1",
        "trigger_start": pd.Timestamp("2007-03-12"),
        "evidence": "e1",
        "summary": "Suspicious injury recorded by GP: no strategy discussion by 13 March 2007.",
        "source_file": "a-long-agency-file-name.xlsx",
        "source_sheet": "Health Visiting",
        "source_row": 14,
    }
    return render_report(chron, Findings(pd.DataFrame([row]), rulebook="wt2006"))


def test_findings_in_date_order_leave_the_sentence_its_width() -> None:
    doc = _report()
    css = doc.split("<style>")[1].split("</style>")[0]
    # a finding's linked sentence may not count as one letter wide (its column squeezed to
    # a letter a line: in print, a page a finding); other links (references with long web
    # addresses) may break anywhere, so that no table is widened past the page
    assert "table.by-date a { overflow-wrap: break-word; }" in css
    assert "a { color: var(--accent); overflow-wrap: anywhere; }" in css
    assert "table.by-date td:last-child { min-width: 18rem; width: 55%; }" in css
    assert "table.by-date { font-size: 8pt; }" in css.split("@media print")[1]
    index = doc.split('id="by-date"')[1].split("</section>")[0]
    assert index.count("<th ") == 5
    line = index.split("<tbody>")[1]
    # a span of days breaks between its dates, not inside one; the file and row under it
    cell = line.split('<td class="when">')[1].split("</td>")[0]
    assert cell.startswith(
        '<span class="nowrap">12 March 2007</span> – <span class="nowrap">18 March 2007</span>'
    ), cell
    assert "a-long-agency-file-name.xlsx, sheet Health Visiting, row 14" in cell
    assert 'class="nowrap"' not in line.split('<td class="when">')[0]


def test_who_knew_with_many_agencies_is_in_parts_that_fit_a_page() -> None:
    """Eighteen agencies' columns were one table, cut off at the page's edge in print (the
    last six agencies never printed): the table now comes in parts of at most nine
    agencies, each with the injury, every agency in one of them."""
    import re

    from scr_timeline import schema as S
    from scr_timeline.rules import analyse

    agencies = list(S.AGENCIES)
    n = len(agencies)
    events = make_events(
        start=[f"2007-03-{d:02d}" for d in range(1, n + 1)],
        agency=agencies,
        details=["Bruise to cheek of Child A (4 months)."] + ["Contact."] * (n - 1),
        counterparts=[()] + [(agencies[i - 1],) for i in range(1, n)],
        injury=[True] + [False] * (n - 1),
        suspicious_injury=[True] + [False] * (n - 1),
        source_file="child.csv",
        source_row=list(range(2, n + 2)),
    )
    chron = Chronology(events)
    doc = render_report(chron, analyse(chron))
    section = doc.split('id="who-knew"', 1)[1].split("</section>", 1)[0]
    tables = section.split('<table class="who-knew">')[1:]
    shown = [re.findall(r'<th scope="col">([^<]+)</th>', t)[1:] for t in tables]
    assert len(tables) == 2 and [len(s) for s in shown] == [9, 9]
    assert sum(len(s) for s in shown) == n
    assert all(t.count("child.csv, row 2") == 1 for t in tables)
    assert '<p class="part">Agencies 10 to 18 of 18</p>' in section
