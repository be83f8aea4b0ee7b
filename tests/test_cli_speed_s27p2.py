"""Speed work of stop 27 (p2) on the command line's printing: the same text as before."""

from __future__ import annotations

import scr_timeline as scr
from scr_timeline import cli


def test_findings_printed_one_line_each_most_severe_first(capsys) -> None:  # type: ignore[no-untyped-def]
    chron = scr.load_sample("child-a-combined")
    findings = scr.analyse(chron)
    cli._print_findings(findings, examples=None)
    out = capsys.readouterr().out.splitlines()
    frame = findings.to_frame()
    order = {"high": 0, "medium": 1, "low": 2}
    shown = frame.assign(_rank=frame["severity"].map(order)).sort_values(
        ["_rank", "trigger_start"], kind="stable"
    )
    expected = [
        f"    [{row.severity}, {row.status}] {row.rule_id}: {row.summary}"
        for row in shown.itertuples()
    ]
    assert len(frame) > 3
    assert out[-len(expected) :] == expected
    assert out[0].startswith("  findings (wt2006): ")


def test_summary_lists_each_agency_with_its_count_and_dates() -> None:
    chron = scr.load_sample("child-a-combined")
    text = chron.summary()
    table = chron.agency_summary()
    width = max(len(label) for label in table["label"])
    for _, row in table.iterrows():
        line = (
            f"    {row['label']:<{width}}  {row['events']:>6,}  "
            f"{row['first']:%d/%m/%Y} - {row['last']:%d/%m/%Y}"
        )
        assert line in text.splitlines()
