"""The bundled samples: every data row accounted for, and the documented rejections."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.datasets import UnknownSampleError, list_samples, load_sample, sample_path

# data rows per sample (title, blank and header rows excluded), from data/samples/README.md
DATA_ROWS = {
    "child-a-combined": 75,
    "child-b-agencies": 88,
    "child-c-messy-dates": 40,
    "child-d-well-handled": 15,
    "child-e-word": 13,
    "child-e-narrative": 13,
}

# rows the README says are rejected: (sheet, row) -> reason code
REJECTED = {
    "child-a-combined": {(None, 10): "empty_date"},
    "child-b-agencies": {("School", 12): "empty_date"},
    "child-c-messy-dates": {
        (None, 34): "impossible_date",
        (None, 35): "relative_date",
        (None, 36): "empty_date",
    },
    "child-d-well-handled": {},
    "child-e-word": {("table 1", 12): "impossible_date"},
    "child-e-narrative": {("page 1", 14): "impossible_date"},
}


def test_every_sample_listed_and_shipped():
    names = list_samples()["name"].tolist()
    assert names == list(DATA_ROWS)
    for name in names:
        assert sample_path(name).exists()


@pytest.mark.parametrize("name", list(DATA_ROWS))
def test_every_data_row_is_an_event_or_rejected(name):
    chron = load_sample(name)
    # or the rest of the row above it (a line break typed as a new row), said in warnings
    joined = int((chron.warnings[S.CODE] == "row_continued").sum())
    assert len(chron.events) + len(chron.rejected) + joined == DATA_ROWS[name]
    assert sum(s.rows for s in chron.meta.sources) == DATA_ROWS[name]
    assert chron.events.index.is_unique
    assert (chron.events[S.START] <= chron.events[S.END]).all()
    assert chron.events[S.START].is_monotonic_increasing


@pytest.mark.parametrize("name", list(DATA_ROWS))
def test_documented_rejections(name):
    rejected = load_sample(name).rejected
    got = {
        (None if pd.isna(sheet) else sheet, int(row)): code
        for sheet, row, code in zip(
            rejected[S.SOURCE_SHEET], rejected[S.SOURCE_ROW], rejected[S.REASON_CODE], strict=True
        )
    }
    assert got == REJECTED[name]


def test_child_b_agencies_from_sheet_names_and_two_row_header():
    chron = load_sample("child-b-agencies")
    sheets = chron.events.groupby(S.SOURCE_SHEET, observed=True)[S.AGENCY].agg(
        lambda a: set(a.astype(str))
    )
    assert sheets["CSC"] == {"csc"}
    assert sheets["Police"] == {"police"}
    assert sheets["Health Visiting"] == {"health_visiting"}
    hv = chron.events[chron.events[S.SOURCE_SHEET] == "Health Visiting"]
    period = hv[hv[S.END] - hv[S.START] > pd.Timedelta(days=2)]
    assert len(period) >= 1  # "From"/"To" columns under a merged "Date" give periods
    police = chron.events[chron.events[S.AGENCY] == "police"]
    assert (police[S.PRECISION].astype(str) == "minute").any()  # date+time cells


def test_child_c_messy_dates_read_as_written():
    chron = load_sample("child-c-messy-dates")
    ev = chron.events
    precisions = set(ev[S.PRECISION].astype(str))
    assert {"day", "minute", "week", "month", "season", "year"} <= precisions
    codes = set(chron.warnings[S.CODE])
    assert {"approximate_date", "unknown_agency"} <= codes
    other = ev[ev[S.AGENCY] == "other"]
    assert set(other[S.ORGANISATION]) == {"Acme Tenancy Support"}


def test_unknown_sample():
    with pytest.raises(UnknownSampleError, match="child-a-combined"):
        load_sample("nope")
    assert isinstance(scr.load_sample("child-a-combined.csv"), scr.Chronology)


def test_child_e_word_and_narrative_pdf_agree():
    word, pdf = load_sample("child-e-word"), load_sample("child-e-narrative")
    for column in (S.START, S.END, S.AGENCY):
        assert word.events[column].astype(str).tolist() == pdf.events[column].astype(str).tolist()
    sections = word.warnings[word.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 6]
