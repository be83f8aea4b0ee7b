"""The report gives each finding's delay in its own unit."""

from __future__ import annotations

import re

import scr_timeline as scr
from scr_timeline.report import render_report


def test_a_gap_of_a_working_day_rule_is_told_in_working_days() -> None:
    chron = scr.load_sample("child-a-combined")
    findings = scr.analyse(chron)
    frame = findings.to_frame().assign(unit=findings.delay_units().to_numpy())
    html = render_report(chron, findings)
    for rule, unit in (("VIS-CP", "working days"), ("SUP-CADENCE", "days")):
        gaps = frame[(frame["rule_id"] == rule) & (frame["status"] == "gap")]
        assert len(gaps) and set(gaps["unit"]) == {unit}
        for delay in gaps["delay_working_days"]:
            # VIS-CP's window is 10 working days: its gaps had been shown as "N days"
            assert re.search(rf">\s*{int(delay)} {unit}\s*<", html), (rule, delay)
