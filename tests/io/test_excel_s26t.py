"""Workbooks as review teams merge them (s26 sweep)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

import scr_timeline as scr


def test_a_workbook_grid_of_ticks_and_check_boxes(tmp_path: Path) -> None:
    # Wingdings' 'ü' shows as a tick; a check box linked to its cell writes TRUE or FALSE
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Summary of event", "HV", "SW", "GP", "Police", "Education"])
    ws.append([dt.datetime(2018, 3, 12), "Home visit - bruise noted", "ü", None, None, None, False])
    ws.append([dt.datetime(2018, 3, 14), "Strategy discussion", None, True, None, True, False])
    path = tmp_path / "ticks.xlsx"
    wb.save(path)
    chron = scr.read(path)
    events = chron.events.sort_values(["source_row", "agency"])
    assert events["agency"].astype(str).tolist() == ["health_visiting", "csc", "police"]
    assert events.index.tolist() == [
        "ticks-chronology-r2c",
        "ticks-chronology-r3d",
        "ticks-chronology-r3f",
    ]
    assert events["extra"].isna().all()  # 'Education: FALSE' is no text of the entry
    assert "agency_from_ticks" in set(chron.warnings["code"])
