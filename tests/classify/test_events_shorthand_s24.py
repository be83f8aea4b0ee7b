"""Social care's shorthand for a core group meeting and an allocation."""

import pytest

import scr_timeline as scr


def _types(tmp_path, rows):
    path = tmp_path / "rows.csv"
    path.write_text("Date,Agency,Worker,Details,Outcome\n" + rows)
    return scr.read(path).events["event_type"].tolist()


@pytest.mark.parametrize("details", ["CGM.", "CGM held. Plan reviewed.", "Attended CGM at school."])
def test_cgm_is_a_core_group(tmp_path, details):
    assert _types(tmp_path, f"12/03/2024,Children's Social Care,SW3,{details},\n") == ["core_group"]


def test_cgm_in_a_gp_record_is_no_core_group(tmp_path):
    # (a continuous glucose monitor)
    rows = "12/03/2024,GP,Dr B,Diabetic review. CGM readings reviewed.,\n"
    assert _types(tmp_path, rows) != ["core_group"]


def test_alloc_is_an_allocation(tmp_path):
    rows = (
        "15/03/2024,Children's Social Care,Duty,"
        "T/I from Northshire CC - child subject to CP plan there.,Alloc SW3\n"
    )
    assert _types(tmp_path, rows) == ["allocation"]
