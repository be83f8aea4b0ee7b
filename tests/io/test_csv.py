from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError, EmptyChronologyError, MissingColumnError
from scr_timeline.io.csv import decode_text, read_csv_table, sniff_delimiter


def test_cp1252_file_with_pound_and_curly_quote(write_text):
    path = write_text(
        "gp.csv",
        "Date,Details\r\n12/03/2007,Mother\u2019s partner paid \u00a320 fine\r\n",
        "cp1252",
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["Mother\u2019s partner paid \u00a320 fine"]
    assert chron.events[S.AGENCY].tolist() == ["gp"]  # from the file name


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings(write_text, encoding):
    path = write_text("x.csv", "Date,Agency,Details\n12/03/2007,GP,caf\u00e9 visit\n", encoding)
    assert scr.read_csv(path).events[S.DETAILS].tolist() == ["caf\u00e9 visit"]


@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_delimiter_sniffed(write_text, delim):
    text = (
        delim.join(["Date", "Agency", "Details"])
        + "\n"
        + delim.join(["12/03/2007", "GP", "seen, weighed"]).replace(
            "seen, weighed", '"seen, weighed"' if delim == "," else "seen, weighed"
        )
        + "\n"
    )
    path = write_text("x.csv", text)
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["seen, weighed"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
@pytest.mark.parametrize("directive", ["sep=;", '"sep=;"', "SEP=;;;"])
def test_excel_s_sep_line_sets_the_delimiter_and_is_no_title(write_text, encoding, directive):
    # Excel writes "sep=;" as the first line (after a BOM) and reads it as the delimiter
    path = write_text(
        "combined.csv",
        f"{directive}\r\nChronology: Child A\r\nDate;Agency;Details;Weight (kg)\r\n"
        "12/03/2007;Health Visiting;Seen, weighed \u2018well\u2019 \u00a35 voucher;10,5\r\n",
        encoding,
    )
    raw, facts = read_csv_table(path)
    assert facts["delimiter"] == ";"
    assert raw.iloc[0].isna().all()
    chron = scr.read_csv(path)
    assert chron.meta.title == "Chronology: Child A"
    assert chron.events[S.SOURCE_ROW].tolist() == [4]  # lines of the file, as before
    assert chron.events[S.DETAILS].tolist() == ["Seen, weighed \u2018well\u2019 \u00a35 voucher"]
    assert chron.events[S.EXTRA].tolist() == ["Weight (kg): 10,5"]


def test_a_sep_line_is_obeyed_over_the_sniffer(write_text):
    # a bar-separated export whose cells hold more commas than bars
    path = write_text(
        "police.csv",
        "sep=|\nDate|Details\n12/03/2007|Seen, a, b, c\n13/03/2007|Visit, d, e, f\n",
    )
    assert read_csv_table(path)[1]["delimiter"] == "|"
    assert read_csv_table(path, delimiter=",")[1]["delimiter"] == ","


def test_tsv_suffix(write_text):
    path = write_text("x.tsv", "Date\tAgency\tDetails\n12/03/2007\tGP\tseen\n")
    assert scr.read(path).events[S.AGENCY].tolist() == ["gp"]


def test_multiline_quoted_cells_and_row_numbers(write_text):
    path = write_text(
        "x.csv",
        'Date,Agency,Details\n12/03/2007,GP,"line one\nline two"\n13/03/2007,GP,next\n',
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["line one\nline two", "next"]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]  # records, as Excel shows them


def test_ragged_title_lines_take_the_slow_path(write_text):
    path = write_text(
        "x.csv",
        "Serious Case Review: Child A\nChronology: Elm Road Surgery\n"
        "Date,Practitioner,Details\n12/03/2007,GP1,seen\n",
    )
    chron = scr.read_csv(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [4]
    assert chron.events[S.AGENCY].tolist() == ["gp"]
    assert chron.meta.title == "Serious Case Review: Child A"


def test_empty_and_whitespace_files(write_text):
    for text in ["", "  \n\n"]:
        with pytest.raises(EmptyChronologyError, match=r"x\.csv"):
            scr.read_csv(write_text("x.csv", text))


def test_header_only(write_text):
    with pytest.raises(EmptyChronologyError) as info:
        scr.read_csv(write_text("x.csv", "Date,Agency,Details\n"))
    assert "no data rows" in str(info.value) and "x.csv" in str(info.value)


def test_no_date_column_names_headings_found(write_text):
    with pytest.raises(MissingColumnError) as info:
        scr.read_csv(write_text("x.csv", "Agency,Details\nGP,seen\n"))
    assert "x.csv" in str(info.value)
    assert "Details" in str(info.value)


def test_binary_file_with_csv_suffix(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00garbage\x00\xff" * 20)
    with pytest.raises(ChronologyReadError, match="not a text table"):
        scr.read_csv(path)


def test_a_few_nul_bytes_in_a_text_export_are_left_out(tmp_path):
    """A NUL byte or two in an export (a system's padding, a file cut short and joined) had
    made the whole file 'binary data'. Left out, with a warning; a binary file is still one."""
    path = tmp_path / "gp.csv"
    path.write_bytes(
        b"Date,Agency,Details\r\n12/03/2007,GP,Child A seen\x00\r\n13/03/2007,GP\x00\x00,DNA\r\n"
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["Child A seen", "DNA"]
    assert chron.events[S.AGENCY].tolist() == ["gp", "gp"]
    assert "nul_bytes" in chron.warnings[S.CODE].tolist()
    many = tmp_path / "many.csv"
    many.write_bytes(b"Date,Agency,Details\r\n" + b"12/03/2007,GP,seen\x00\x00\r\n" * 4)
    with pytest.raises(ChronologyReadError, match="not a text table"):
        scr.read_csv(many)
    controls = tmp_path / "controls.csv"
    controls.write_bytes(b"Date,Agency,Details\r\n12/03/2007,GP,seen\x00\x07\r\n")
    with pytest.raises(ChronologyReadError, match="not a text table"):
        scr.read_csv(controls)


def test_text_that_is_not_a_table(write_text):
    with pytest.raises(MissingColumnError):
        scr.read_csv(write_text("x.csv", "Dear reviewer,\nplease find attached our notes.\n"))


def test_decode_and_sniff_helpers():
    assert decode_text("\u00a3".encode("cp1252")) == ("\u00a3", "cp1252")
    assert decode_text(b"\x81abc")[1] == "latin-1"
    assert sniff_delimiter("a|b|c\n1|2|3\n") == "|"
    assert sniff_delimiter("", default="\t") == "\t"


def test_read_csv_table_keeps_cells_as_text(write_text):
    frame, facts = read_csv_table(write_text("x.csv", "Date,Seq\n12/03/2007,007\n"))
    assert frame.iloc[1].tolist() == ["12/03/2007", "007"]
    assert facts == {"encoding": "utf-8", "delimiter": ","}
    assert isinstance(frame.columns, pd.RangeIndex)


def test_a_line_of_text_alone_carries_on_the_row_above(write_text):
    path = write_text(
        "gp.csv",
        "Date,Agency,Practitioner,Details,Outcome\n"
        "13/12/2006,GP,GP1,Child A seen with a cough.,Advice\n"
        ",,,bruise noted on left cheek,\n"
        ",Police,,call-out: undated,\n"
        "14/12/2006,GP,GP1,Seen again,\n",
    )
    chron = scr.read_csv(path)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Child A seen with a cough.\nbruise noted on left cheek",
        "Seen again",
    ]
    assert bool(ev[S.INJURY].iloc[0])
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[4, "empty_date"]]
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[S.SOURCE_ROW].tolist() == [3]
    assert "row 2 " in joined[S.MESSAGE].iloc[0]


@pytest.mark.parametrize("quote", ["", '"'])
def test_report_footer_lines_under_the_table_are_not_rejected_rows(write_text, quote):
    q = quote
    path = write_text(
        "mosaic-export.csv",
        f"{q}Date{q},{q}Worker{q},{q}Case Note Text{q}\r\n"
        f"{q}12/03/2007{q},{q}SW1{q},{q}Home visit{q}\r\n"
        f"{q}13/03/2007{q},{q}SW1{q},{q}Phoned Mother{q}\r\n"
        "\r\n"
        f"{q}Total rows: 2{q}\r\n"
        f"{q}Report generated on 01/04/2008 10:15 by jsmith{q}\r\n",
    )
    chron = scr.read_csv(path)
    assert len(chron.events) == 2 and chron.rejected.empty
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[S.SOURCE_ROW].tolist() == [5, 6]
    assert "Total rows: 2" in footers[S.MESSAGE].iloc[0]


def test_a_last_row_that_is_no_footer_is_still_rejected(write_text):
    path = write_text(
        "x.csv",
        "Date,Agency,Details\n12/03/2007,GP,Seen\nNo date recorded,,\nTotal rows: 2\n",
    )
    chron = scr.read_csv(path)
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[3, "empty_date"]]
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[S.SOURCE_ROW].tolist() == [4]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("quote_all", [False, True])
def test_a_windows_line_break_inside_a_quoted_cell_is_one_newline(write_text, newline, quote_all):
    # Alt+Enter in some exports writes CR LF (or a lone CR) inside the quoted cell
    q = '"' if quote_all else ""
    path = write_text(
        "csc.csv",
        f"{q}Date{q},{q}Worker{q},{q}Case Note{q}\r\n"
        f'{q}12/03/2007{q},{q}SW1{q},"Home visit.{newline}Child A seen.{newline}"\r\n'
        f"{q}13/03/2007{q},{q}SW1{q},{q}Phoned Mother{q}\r\n"
        # a ragged title line under the table sends the file down the slow path too
        + ("Total rows: 2\r\n" if quote_all else ""),
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["Home visit.\nChild A seen.", "Phoned Mother"]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]


def test_an_unquoted_line_break_in_a_cell_joins_the_next_line_to_its_row(write_text):
    # a badly written export: the rest of the cell starts a new physical line
    path = write_text(
        "gp.csv",
        "Date,Agency,Practitioner,Details,Outcome\r\n"
        "12/03/2007,GP,GP1,Child A seen with a cough.\r\n"
        "Mother said the bruise was from a fall,Advice given\r\n"
        "13/03/2007,GP,GP1,Seen again,Reviewed\r\n",
    )
    chron = scr.read_csv(path)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Child A seen with a cough.\nMother said the bruise was from a fall",
        "Seen again",
    ]
    assert ev[S.OUTCOME].tolist() == ["Advice given", "Reviewed"]
    assert ev[S.SOURCE_ROW].tolist() == [2, 4]  # the lines as a person finds them
    assert chron.rejected.empty
    joined = chron.warnings[chron.warnings[S.CODE] == "line_break_joined"]
    assert joined[S.SOURCE_ROW].tolist() == [3]
    assert "row 2" in joined[S.MESSAGE].iloc[0]


def test_a_cell_broken_over_several_lines_and_a_blank_line(write_text):
    path = write_text(
        "Chronology - Children's Social Care.csv",
        "Serious Case Review: Child A\n"
        "Person ID,Case Note Date,Worker,Case Note,Outcome\n"
        "1001,12/03/2007,SW1,Home visit.\n"
        "Child A seen alone.\n"
        "\n"
        "Mother present,NFA\n"
        "1001,14/03/2007,SW1,Phoned school,\n",
    )
    chron = scr.read_csv(path)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Home visit.\nChild A seen alone.\n\nMother present",
        "Phoned school",
    ]
    assert ev[S.OUTCOME].tolist()[0] == "NFA"
    assert ev[S.SOURCE_ROW].tolist() == [3, 7]
    assert chron.rejected.empty
    joined = chron.warnings[chron.warnings[S.CODE] == "line_break_joined"]
    assert joined[S.SOURCE_ROW].tolist() == [4, 6]


def test_short_lines_that_start_with_a_date_or_close_the_table_are_not_joined(write_text):
    # an export that leaves out empty cells at the end of a line
    path = write_text(
        "gp.csv",
        "Date,Agency,Practitioner,Details,Outcome\n"
        "12/03/2007,GP,GP1,Seen\n"
        "13/03/2007,GP,GP1,Seen again\n"
        "No date recorded,GP,,,\n"
        "\n"
        "Total rows: 3\n",
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == ["Seen", "Seen again"]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [4]
    assert (chron.warnings[S.CODE] == "footer_row").sum() == 1
    assert not (chron.warnings[S.CODE] == "line_break_joined").any()


def test_a_broken_line_starting_with_a_number_is_still_joined(write_text):
    path = write_text(
        "hv.csv",
        "Date,Practitioner,Details,Outcome\n"
        "12/03/2007,HV1,Home visit: Child A weighed.\n"
        "2 small bruises seen on the left arm,Referred to CSC\n",
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == [
        "Home visit: Child A weighed.\n2 small bruises seen on the left arm"
    ]
    assert chron.events[S.OUTCOME].tolist() == ["Referred to CSC"]
    assert bool(chron.events[S.INJURY].iloc[0])


def test_cells_written_as_excel_text_formulas_are_read_as_their_text(write_text):
    # exports write ="01/03/2020" so that Excel keeps the date and leading zeros as text
    path = write_text(
        "gp-export.csv",
        'Date,Time,Ref,Details\n="01/03/2020",="09:05",="00123",Seen\n'
        '"=""02/03/2020""",,="00124","Said ""=""Mum"" was upset"\n',
    )
    chron = scr.read_csv(path)
    assert chron.rejected.empty, chron.rejected
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2020-03-01 09:05"),
        pd.Timestamp("2020-03-02"),
    ]
    assert chron.events[S.DATE_TEXT].tolist() == ["01/03/2020 09:05", "02/03/2020"]
    assert chron.events[S.SEQUENCE].tolist() == ["00123", "00124"]
    assert chron.events[S.DETAILS].tolist()[1] == 'Said "="Mum" was upset'  # not a wrapper


def test_a_row_split_by_a_delimiter_nobody_quoted_is_a_warning(write_text):
    path = write_text(
        "police.csv",
        "Date,Agency,Details,Outcome\n"
        "01/03/2020,Police,Domestic incident, mother injured,Referral to CSC\n"
        "02/03/2020,Police,Follow-up visit,NFA\n"
        "03/03/2020,Police,Arrest of partner,Charged\n",
    )
    chron = scr.read_csv(path)
    assert len(chron.events) == 3
    assert chron.events[S.EXTRA].tolist()[0] == "Column 5: Referral to CSC"  # kept
    notes = chron.warnings[chron.warnings[S.CODE] == "overlong_row"]
    assert notes[S.SOURCE_ROW].tolist() == [2]
    assert "past the last heading ('Outcome'): row 2" in notes[S.MESSAGE].iloc[0]


@pytest.mark.parametrize(
    "text",
    [
        # a column with no heading that most rows fill
        "Date,Details,\n01/03/2020,Seen,HV1\n02/03/2020,Visit,HV2\n03/03/2020,Visit,\n",
        # a wider table stacked under the first
        "Date,Details\n01/03/2020,Seen\n\nGP\nDate,Clinician,Entry,Plan\n"
        "02/03/2020,Dr X,Seen,Review\n",
    ],
)
def test_cells_past_the_header_that_are_no_split_row(write_text, text):
    chron = scr.read_csv(write_text("chronology.csv", text))
    assert not (chron.warnings[S.CODE] == "overlong_row").any()


def test_markup_and_text_formulas_are_found_in_a_big_column(write_text, monkeypatch):
    # a column longer than the sample is searched only when the sample shows the trait
    from scr_timeline.io import csv as csv_module

    monkeypatch.setattr(csv_module, "_SAMPLED_CELLS", 8)
    rows = "".join(f'="{d:02d}/03/2020",<p>Visit {d}</p>\n' for d in range(1, 21))
    chron = scr.read_csv(write_text("notes.csv", "Date,Case Note\n" + rows))
    assert chron.rejected.empty
    assert chron.events[S.DETAILS].tolist()[:2] == ["Visit 1", "Visit 2"]
    plain = "".join(f"{d:02d}/03/2020,A&E visit {d}\n" for d in range(1, 21))
    chron = scr.read_csv(write_text("plain.csv", "Date,Case Note\n" + plain))
    assert chron.events[S.DETAILS].tolist()[0] == "A&E visit 1"
    assert not (chron.warnings[S.CODE] == "markup_read").any()


def test_utf8_with_a_row_of_windows_1252_reads_each_part_in_its_own_encoding(tmp_path):
    path = tmp_path / "combined.csv"
    path.write_bytes(
        "Date,Agency,Details\n01/03/2020,GP,Mum\u2019s \u201cworry\u201d about caf\u00e9\n".encode()
        + "02/03/2020,Housing,Arrears of \u00a3450 \u2013 Mum\u2019s letter\n".encode("cp1252")
    )
    chron = scr.read_csv(path)
    assert chron.events[S.DETAILS].tolist() == [
        "Mum\u2019s \u201cworry\u201d about caf\u00e9",
        "Arrears of \u00a3450 \u2013 Mum\u2019s letter",
    ]
    assert (chron.warnings[S.CODE] == "encoding_mixed").sum() == 1
    # a file of Windows-1252 alone is still read as that, with no warning
    assert decode_text("caf\u00e9 \u00a35 Mum\u2019s".encode("cp1252"))[1] == "cp1252"


def test_a_police_export_s_page_lines_and_count_beside_its_label_are_footers(write_text):
    path = write_text(
        "niche.csv",
        "Occurrence No,Date/Time,Occurrence Type,Summary\n"
        "16/1234,02/04/2016 23:15,Domestic,Police attended. Mother and partner arguing.\n"
        "16/2345,05/05/2016 01:10,Concern for welfare,Child A found alone in the flat.\n"
        "Page 1 of 1,,,\n"
        "Total:,2,,\n"
        "Run date:,01/06/2017 09:12,,\n",
    )
    chron = scr.read_csv(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]
    assert chron.rejected.empty  # 'Total:' | 2 was rejected as an unreadable date
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[S.SOURCE_ROW].tolist() == [4, 5, 6]
