from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError, UnsupportedFormatError


def test_read_several_agency_files_merges_and_sorts(write_text, write_xlsx):
    police = write_text("police.csv", "Date,Details\n14/03/2007,DV call-out\n")
    gp = write_xlsx("gp.xlsx", {"Sheet1": [["Date", "Details"], ["12/03/2007", "seen"]]})
    chron = scr.read([police, gp], child_dob="01/03/2006", title="Child A")
    assert chron.events[S.AGENCY].tolist() == ["gp", "police"]
    assert chron.meta.title == "Child A"
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert len(chron.meta.sources) == 2


def test_read_folder(tmp_path, write_text):
    write_text("police.csv", "Date,Details\n14/03/2007,a\n")
    write_text("gp.csv", "Date,Details\n12/03/2007,b\n")
    (tmp_path / "notes.docx.tmp").write_text("x")
    chron = scr.read(tmp_path)
    assert sorted(chron.events[S.AGENCY].astype(str)) == ["gp", "police"]


def test_read_dataframe():
    frame = pd.DataFrame({"Date": ["12/03/2007"], "Agency": ["HV"], "Details": ["x"]})
    assert scr.read(frame).events[S.AGENCY].tolist() == ["health_visiting"]


def test_unsupported_and_missing(tmp_path):
    odd = tmp_path / "x.odt"
    odd.write_text("x")
    with pytest.raises(UnsupportedFormatError, match=r"x\.odt"):
        scr.read(odd)
    with pytest.raises(ChronologyReadError, match="no such file"):
        scr.read(tmp_path / "missing.csv")
    with pytest.raises(TypeError):
        scr.read(42)  # type: ignore[arg-type]


# --- one case's files: the order of day and month decided across them -----------------------
def _codes(chron, file):
    rows = chron.warnings[chron.warnings[S.SOURCE_FILE] == file]
    return rows[S.CODE].tolist(), rows[S.MESSAGE].tolist()


def test_a_file_whose_dates_prove_nothing_takes_the_order_its_sibling_files_prove(
    write_text, write_xlsx
):
    csc = write_text("csc.csv", "Date,Details\n22/03/2007,PPN received\n05/04/2007,Visit\n")
    gp = write_text("gp.csv", "Date,Details\n05/03/2007,Seen with bruise\n")
    ae = write_xlsx("ae.xlsx", {"ED": [["Date", "Details"], ["02/04/2007", "Fracture"]]})
    chron = scr.read([csc, gp, ae])
    starts = dict(zip(chron.events[S.AGENCY].astype(str), chron.events[S.START], strict=True))
    assert starts["gp"] == pd.Timestamp("2007-03-05")
    assert S.CODE in chron.warnings
    assert "ambiguous_day_month" not in chron.warnings[S.CODE].tolist()
    codes, messages = _codes(chron, "gp.csv")
    assert codes == ["day_month_from_other_files"]
    assert "read day first" in messages[0] and "'22/03/2007' in csc.csv" in messages[0]
    codes, _ = _codes(chron, "ae.xlsx")
    assert codes == ["day_month_from_other_files"]
    assert chron.warnings.loc[
        chron.warnings[S.SOURCE_FILE] == "ae.xlsx", S.SOURCE_SHEET
    ].tolist() == ["ED"]
    assert _codes(chron, "csc.csv")[0] == []


def test_a_case_whose_files_write_month_first_rereads_the_unproven_file_month_first(write_text):
    csc = write_text("csc.csv", "Date,Details\n03/22/2007,PPN received\n")
    gp = write_text("gp.csv", "Date,Details\n05/03/2007,Seen with bruise\n")
    chron = scr.read([csc, gp])
    gp_rows = chron.events[chron.events[S.SOURCE_FILE] == "gp.csv"]
    assert gp_rows[S.START].tolist() == [pd.Timestamp("2007-05-03")]
    codes, messages = _codes(chron, "gp.csv")
    assert codes == ["day_month_from_other_files"]
    assert "read month first" in messages[0] and "pass dayfirst=True" in messages[0]


@pytest.mark.parametrize(
    "other",
    [
        "Date,Details\n12 March 2007,No numeric dates here\n",  # proves nothing
        "Date,Details\n04/03/2007,Also ambiguous\n",  # ambiguous too
    ],
)
def test_files_that_prove_nothing_leave_the_ambiguous_warning(write_text, other):
    gp = write_text("gp.csv", "Date,Details\n05/03/2007,Seen with bruise\n")
    csc = write_text("csc.csv", other)
    chron = scr.read([csc, gp])
    assert _codes(chron, "gp.csv")[0] == ["ambiguous_day_month"]


def test_files_that_disagree_leave_the_ambiguous_warning(write_text):
    day = write_text("csc.csv", "Date,Details\n22/03/2007,PPN\n")
    month = write_text("police.csv", "Date,Details\n03/23/2007,Call\n")
    gp = write_text("gp.csv", "Date,Details\n05/03/2007,Seen\n")
    chron = scr.read([day, month, gp])
    assert _codes(chron, "gp.csv")[0] == ["ambiguous_day_month"]


def test_a_given_order_is_not_second_guessed(write_text):
    csc = write_text("csc.csv", "Date,Details\n22/03/2007,PPN received\n")
    gp = write_text("gp.csv", "Date,Details\n05/03/2007,Seen\n")
    chron = scr.read([csc, gp], dayfirst=True)
    assert not chron.warnings[S.CODE].str.contains("day_month").any()


@pytest.mark.parametrize(("name", "advice"), [("x.rtf", "Word document"), ("x.doc", ".docx")])
def test_a_word_processor_file_we_cannot_read_says_how_to_resave_it(tmp_path, name, advice):
    path = tmp_path / name
    path.write_text("{\\rtf1 x}")
    with pytest.raises(UnsupportedFormatError, match=advice):
        scr.read(path)


def test_ages_in_one_agencys_date_column_are_dated_from_the_birth_in_another(tmp_path):
    # the GP wrote ages where dates go; the midwife's file records the birth: read as one
    # case, the ages are dated from it and nothing is rejected
    (tmp_path / "midwifery.csv").write_text(
        "Date,Details\n12/03/2007,Child A born at 38 weeks.\n14/03/2007,Discharged home.\n"
    )
    (tmp_path / "gp.csv").write_text(
        "Date,Details\nAged 6 weeks,6 week check. Baby seen.\n6/52,Immunisations given.\n"
        "20/05/2007,Seen with a rash.\n"
    )
    alone = scr.read(tmp_path / "gp.csv")
    assert len(alone.rejected) == 2  # on its own, no date of birth: rejected
    chron = scr.read([tmp_path / "midwifery.csv", tmp_path / "gp.csv"])
    assert chron.rejected.empty
    gp = chron.events[chron.events[S.SOURCE_FILE] == "gp.csv"]
    assert gp[S.START].tolist()[:2] == [pd.Timestamp("2007-04-23")] * 2
    assert chron.meta.child_dob == pd.Timestamp("2007-03-12")
    codes = chron.warnings[S.CODE].tolist()
    assert "child_dob_inferred" in codes and "ages_from_inferred_dob" in codes
    assert gp[S.CHILD_AGE_DAYS].tolist() == [42, 42, 69]
