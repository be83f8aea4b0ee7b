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
    # a link's sentence may not count as one letter wide (its column squeezed to a letter a
    # line: in print, a page a finding)
    assert "overflow-wrap: anywhere; }" not in css.split("\na {")[1].split("}")[0] + "}"
    assert "a { color: var(--accent); overflow-wrap: break-word; }" in css
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
