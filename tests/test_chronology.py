from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema as S
from scr_timeline.chronology import (
    EVENT_DTYPES,
    REJECTED_DTYPES,
    WARNING_DTYPES,
    Chronology,
    conform,
    merge,
    safe_for_spreadsheet,
)
from scr_timeline.testing import make_events


def test_canonical_columns_and_dtypes_present_for_a_partial_table():
    chron = Chronology(make_events(start=["12/03/2007"], agency="gp"))
    ev = chron.events
    assert ev.index.name == S.EVENT_ID
    for col in S.EVENT_COLUMNS:
        assert col in ev.columns
    assert str(ev[S.START].dtype) == "datetime64[ns]"
    assert isinstance(ev[S.AGENCY].dtype, pd.CategoricalDtype)
    assert ev[S.COUNTERPARTS].iloc[0] == ()
    assert ev[S.INJURY].dtype == bool


def test_rejects_non_dataframe():
    with pytest.raises(TypeError, match="DataFrame"):
        Chronology(events=[1, 2])  # type: ignore[arg-type]


def test_child_dob_accepts_uk_text_and_bad_text_raises_clear_error():
    chron = Chronology(child_dob="01/03/2006")
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    with pytest.raises(ValueError, match="child_dob"):
        Chronology(child_dob="31/02/2006")


def test_summary_repr_and_html_show_agencies_span_and_counts():
    ev = make_events(start=["12/03/2007", "14/03/2007", "01/04/2007"], agency=["gp", "csc", "gp"])
    rejected = pd.DataFrame(
        {
            "source_file": ["a.csv"],
            "source_row": [5],
            "reason_code": ["impossible_date"],
            "reason": ["no such day"],
        }
    )
    chron = Chronology(ev, rejected=rejected, title="Child A <test>")
    text = chron.summary()
    assert "3 events from 12 Mar 2007 to 01 Apr 2007" in text
    assert "GP" in text and "Children's social care" in text
    assert "rejected rows: 1" in text
    assert "impossible_date 1" in text
    assert "events=3" in repr(chron) and "rejected=1" in repr(chron)
    html = chron._repr_html_()
    assert "Child A &lt;test&gt;" in html  # escaped
    assert "<td>GP</td>" in html


def test_to_csv_writes_tables_joins_tuples_and_neutralises_formulas(tmp_path):
    ev = make_events(
        start=["12/03/2007"],
        agency="gp",
        details=['=HYPERLINK("http://x")'],
        counterparts=[("csc", "mother")],
    )
    paths = Chronology(ev).to_csv(tmp_path / "out")
    assert set(paths) == {"events", "rejected", "warnings"}
    back = pd.read_csv(paths["events"], encoding="utf-8-sig")
    assert back.loc[0, "counterparts"] == "csc; mother"
    assert back.loc[0, "details"].startswith("'=")
    assert back.loc[0, "event_id"] == "e1"
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_safe_for_spreadsheet_covers_every_formula_start():
    values = pd.Series(["=1", "+1", "-1", "@SUM", "\tx", "\rx", "ok", None])
    out = safe_for_spreadsheet(values).tolist()
    assert out[:6] == ["'=1", "'+1", "'-1", "'@SUM", "'\tx", "'\rx"]
    assert out[6] == "ok"
    assert pd.isna(out[7])


def test_merge_sorts_by_start_keeps_input_order_for_ties_and_prefixes_clashing_ids():
    a = Chronology(make_events(start=["12/03/2007", "12/03/2007"], details=["first", "second"]))
    b = Chronology(make_events(start=["11/03/2007", "12/03/2007"], details=["earlier", "third"]))
    merged = merge([a, b])
    assert merged.events["details"].tolist() == ["earlier", "first", "second", "third"]
    assert merged.events.index.is_unique
    assert "2:e1" in merged.events.index
    assert "event_id_clash" in merged.warnings["code"].tolist()


def test_merge_reports_conflicting_dates_of_birth():
    a = Chronology(make_events(start=["2007"]), child_dob="01/03/2006")
    b = Chronology(make_events(start=["2007"], event_id=["x1"]), child_dob="02/03/2006")
    merged = merge([a, b])
    assert merged.meta.child_dob == pd.Timestamp("2006-03-01")
    assert "child_dob_conflict" in merged.warnings["code"].tolist()


def test_merge_rejects_other_types():
    with pytest.raises(TypeError):
        merge([Chronology(), "x"])  # type: ignore[list-item]


def test_classified_counterparts_are_tuples_stored_once_and_export_joined(tmp_path):
    import scr_timeline as scr

    chron = scr.load_sample("child-b-agencies")
    column = chron.events[S.COUNTERPARTS]
    assert isinstance(column.dtype, pd.CategoricalDtype)
    assert all(isinstance(value, tuple) for value in column)
    paths = chron.to_csv(tmp_path)
    back = pd.read_csv(paths["events"], encoding="utf-8-sig", keep_default_na=False)
    written = back.set_index("event_id")["counterparts"]
    for event_id, value in column.items():
        assert written[event_id] == "; ".join(value)


@pytest.mark.parametrize("dtypes", [EVENT_DTYPES, REJECTED_DTYPES, WARNING_DTYPES])
def test_conform_of_an_empty_table_is_the_canonical_empty_table(dtypes):
    names = list(dtypes)[::-1][:4]  # some of the columns, out of order, untyped
    frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in names})
    fast = conform(frame, dtypes)
    general = conform(frame.assign(not_canonical=pd.Series([], dtype=object)), dtypes)
    pd.testing.assert_frame_equal(fast, general.drop(columns="not_canonical"))
    fast["mine"] = pd.Series([], dtype=object)  # a caller's change stays its own
    assert "mine" not in conform(frame, dtypes).columns


def test_a_conformed_classified_table_is_not_rebuilt(monkeypatch: pytest.MonkeyPatch):
    """The tuple columns may be categorical (one tuple per distinct value): a table that
    is otherwise canonical passes through as it is, not column by column."""
    from scr_timeline import chronology
    from scr_timeline.datasets import load_sample

    events = load_sample("child-a-combined").events
    assert isinstance(events[S.COUNTERPARTS].dtype, pd.CategoricalDtype)

    def rebuilt(*_args: object) -> None:
        raise AssertionError("a canonical table was rebuilt column by column")

    monkeypatch.setattr(chronology, "_cast_column", rebuilt)
    monkeypatch.setattr(chronology, "_empty_column", rebuilt)
    again = Chronology(events).events
    pd.testing.assert_frame_equal(again, events)
    assert isinstance(again[S.COUNTERPARTS].dtype, pd.CategoricalDtype)


def test_empty_tables_are_fresh_each_time():
    """The empty tables are built once and lent out as lazy copies: changing one (a new
    column, rows, a new index) never shows in the next."""
    from scr_timeline.chronology import empty_events, empty_rejected, empty_warnings

    first = empty_events()
    first["mine"] = pd.Series([], dtype="string")
    first.index.name = "changed"
    again = empty_events()
    assert "mine" not in again.columns and again.index.name == "event_id"
    assert list(again.columns) == list(EVENT_DTYPES)
    warnings = empty_warnings()
    warnings.loc[0] = ["x", "y", "f.csv", None, 1]
    assert len(empty_warnings()) == 0 and len(warnings) == 1
    assert empty_rejected() is not empty_rejected()


def test_a_workbook_of_agency_sheets_is_not_titled_after_its_first_agency():
    """Each agency's sheet titled after itself: the merged chronology takes the words they
    share, not the first sheet's title ("Health Visiting chronology" for a whole case)."""
    from scr_timeline.chronology import ChronologyMeta, merge

    def titled(title: str, agency: str) -> Chronology:
        return Chronology(
            make_events(start=["2019-01-28"], agency=[agency]), meta=ChronologyMeta(title=title)
        )

    merged = merge(
        [
            titled("Health Visiting chronology - Child A (DOB 01/01/2019)", "health_visiting"),
            titled("Police chronology - Child A (DOB 01/01/2019)", "police"),
        ]
    )
    assert merged.meta.title == "Chronology - Child A (DOB 01/01/2019)"
    same = merge([titled("Child A", "gp"), titled("Child A", "police")])
    assert same.meta.title == "Child A"
    assert (
        merge([titled("GP records", "gp"), titled("Police records", "police")]).meta.title is None
    )
    assert merge([titled("GP", "gp"), titled("X", "police")], title="Case 7").meta.title == "Case 7"
