"""Tests for scr_timeline.anonymise: finding names, replacing them, putting them back."""

from __future__ import annotations

import re
import stat
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.anonymise import (
    KEY_FORMAT,
    AnonymisationError,
    AnonymisationKey,
    anonymise,
    anonymise_with_keyfile,
    find_names,
    personalise,
)
from scr_timeline.chronology import Chronology, ChronologyMeta, SourceInfo
from scr_timeline.testing import make_events

#: Every word of every (fictional) name in the chronology built below.
NAME_WORDS = ("Tracey", "Smith", "Steven", "Jones", "Kayden", "Jane", "Brown", "Patel", "Khan")
NAME_WORDS += ("Green", "Doreen", "Ellis", "Marcus")


def _fictional() -> Chronology:
    """A small realistic combined chronology that names people the way practitioners do."""
    details = [
        "Baby Kayden born at term. Mother (Tracey Smith) aged 24; maternal grandmother "
        "Mrs Ellis present.",
        "New birth visit by HV Jane Brown. Tracey's flat clean; Kayden weighed 3.6kg.",
        "Police called to the address: mother's partner Steven Jones arrested after an "
        "argument with TRACEY SMITH. DC Green attended.",
        "Referral from police. SW Ms Patel allocated. The Smith family known to CSC in 2004.",
        "Kayden seen by Dr Khan with a bruise to the cheek; Ms Smith said he fell.",
        "Strategy discussion: SW1, DC Green, Dr Khan. Mr Jones not to have unsupervised "
        "contact. Jones's bail conditions noted.",
        "Home visit: Steven Jones (mother's partner) present; Smithfield Road flat untidy, "
        "disgrace of a kitchen per Mother.",
        "Marcus Ellis (maternal uncle) told SW1 that Doreen Ellis (maternal grandmother) "
        "would care for Kayden.",
    ]
    events = make_events(
        start=[
            "01/03/2010",
            "12/03/2010",
            "02/05/2010",
            "03/05/2010",
            "10/06/2010",
            "11/06/2010",
            "15/06/2010",
            "20/06/2010",
        ],
        agency=["midwifery", "health_visiting", "police", "csc", "gp", "csc", "csc", "csc"],
        practitioner=[
            "MW1",
            "Jane Brown",
            "DC Green",
            "SW Ms Patel",
            "Dr Khan",
            "TM1",
            "Ms Patel",
            "SW1",
        ],
        source=[
            "Maternity notes",
            "HV record",
            "Police log",
            "CSC contact record",
            "Elm Road Surgery",
            "Strategy minutes",
            "Case notes",
            "Case notes",
        ],
        details=details,
        outcome=[
            "Discharged home with Tracey.",
            None,
            "Merlin to CSC naming Kayden Smith.",
            "Visit to Tracey Smith planned.",
            "Referred to paediatrics.",
            "S47 to start.",
            "SW1 to see Kayden alone.",
            None,
        ],
        source_file="north-borough-combined.csv",
    )
    events.index = pd.Index(
        [f"north-borough-combined-r{i}" for i in range(2, 10)], dtype="string", name=S.EVENT_ID
    )
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: ["north-borough-combined.csv"],
            S.SOURCE_ROW: [10],
            S.REASON_CODE: ["empty_date"],
            S.REASON: ["the date cell is empty"],
            S.DETAILS: ["Steven Jones moved into Tracey Smith's flat (date not known)."],
        }
    )
    warnings = pd.DataFrame(
        {
            S.CODE: ["note"],
            S.MESSAGE: ["row 7 mentions Steven Jones twice"],
            S.SOURCE_FILE: ["north-borough-combined.csv"],
        }
    )
    meta = ChronologyMeta(
        title="Combined chronology: Kayden Smith",
        child_dob=pd.Timestamp("2010-03-01"),
        sources=(
            SourceInfo(
                file="north-borough-combined.csv",
                rows=9,
                events=8,
                rejected=1,
                title="Chronology of Kayden Smith",
            ),
        ),
    )
    return Chronology(events, rejected, warnings, meta)


def _assert_same(a: Chronology, b: Chronology) -> None:
    pd.testing.assert_frame_equal(a.events, b.events)
    pd.testing.assert_frame_equal(a.rejected, b.rejected)
    pd.testing.assert_frame_equal(a.warnings, b.warnings)
    assert a.meta == b.meta


def _surviving(text: str, words: tuple[str, ...] = NAME_WORDS) -> list[str]:
    """Name words still in ``text`` (whole words, any case)."""
    return [w for w in words if re.search(rf"(?<![^\W_]){w}(?![^\W_])", text, re.IGNORECASE)]


# --- finding names -------------------------------------------------------------------------
def test_find_names_proposes_the_people_with_role_labels() -> None:
    found = find_names(_fictional()).set_index("name")
    labels = found["label"].to_dict()
    assert labels["Kayden"] == "Child A"
    assert labels["Tracey Smith"] == "Mother"
    assert labels["Steven Jones"] == "Mother's partner"
    assert labels["Doreen Ellis"] == "Maternal grandmother"
    assert labels["Marcus Ellis"] == "Maternal uncle"
    assert labels["Jane Brown"] == "HV1"
    assert labels["Green"] == "DC1"
    assert labels["Khan"] == "GP1"
    # SW1 is already used in the chronology, so the named social worker is SW2
    assert labels["Patel"] == "SW2"
    assert found.loc["Tracey Smith", "category"] == "family"
    assert found.loc["Jane Brown", "category"] == "practitioner"
    assert "Mrs Ellis" in found.loc["Doreen Ellis", "aliases"] or "Mrs Ellis" in found.index


def test_find_names_ignores_pseudonyms_places_and_words() -> None:
    chron = Chronology(
        make_events(
            start=["2007-03-12"] * 3,
            details=[
                "Child A seen by SW1 with Mother; Mr X present. GP Surgery phoned.",
                "Mother: Reported that the HV Record was lost. Family friend (Ms Y) helped.",
                "Mother reported bruising; reported again at Riverside Hospital.",
            ],
        )
    )
    assert find_names(chron).empty


@pytest.mark.parametrize("name", scr.list_samples()["name"].tolist())
def test_find_names_on_samples_finds_no_false_names(name: str) -> None:
    # the shipped samples are already pseudonymised ("Child A", "Mother", "SW1", "Mr X")
    assert find_names(scr.load_sample(name)).empty


def test_find_names_takes_a_users_list() -> None:
    chron = Chronology(make_events(start=["2007-03-12"], details=["Seen with Zoe Ng today."]))
    found = find_names(chron, names=["Zoe Ng"])
    assert found[["name", "label"]].values.tolist() == [["Zoe Ng", "Person 1"]]


# --- anonymising -----------------------------------------------------------------------------
def test_anonymise_replaces_every_spelling_and_keeps_words() -> None:
    key = AnonymisationKey(
        {"Tracey Smith": "Mother", "Steven Jones": "Mother's partner", "Grace Hill": "HV1"}
    )
    text = (
        "Tracey Smith, TRACEY, tracey smith and Ms. Smith; Tracey's son; Mr Jones, "
        "Jones's car; HV Grace Hill; Smithfield Road; a disgrace; Hillside."
    )
    assert key.anonymise_text(text) == (
        "Mother, MOTHER, Mother and Mother; Mother's son; Mother's partner, "
        "Mother's partner's car; HV1; Smithfield Road; a disgrace; Hillside."
    )


def test_shared_surname_becomes_the_family_label() -> None:
    key = AnonymisationKey({"Kayden Smith": "Child A", "Tracey Smith": "Mother"})
    assert key.anonymise_text("the Smith family; Kayden; Tracey") == (
        "the Family A family; Child A; Mother"
    )
    forms = key.forms().set_index("form")
    assert forms.loc["Smith", "ambiguous"] == "Child A; Mother"


def test_anonymise_accepts_list_dict_and_key() -> None:
    chron = _fictional()
    by_list, _ = anonymise(chron, names=["Tracey Smith", "Zed Quill"])
    assert "Mother (Mother)" in by_list.events[S.DETAILS].iloc[0]
    by_dict, key = anonymise(chron, names={"Tracey Smith": "Mum"})
    assert "Mother (Mum)" in by_dict.events[S.DETAILS].iloc[0]
    by_key, _ = anonymise(chron, names=key)
    _assert_same(by_key, by_dict)
    with pytest.raises(TypeError):
        anonymise(chron, names="Tracey Smith")


def test_anonymise_does_not_change_its_input() -> None:
    chron = _fictional()
    before = chron.copy()
    anonymise(chron)
    _assert_same(chron, before)


def test_anonymise_covers_ids_rejected_warnings_and_meta() -> None:
    chron = _fictional()
    anon, _key = anonymise(chron, names={"North Borough": "Area X", "Steven Jones": "Partner"})
    assert anon.events.index[0] == "area-x-combined-r2"
    assert (anon.events[S.SOURCE_FILE] == "area-x-combined.csv").all()
    assert anon.rejected[S.DETAILS].iloc[0].startswith("Partner moved in")
    assert anon.warnings[S.MESSAGE].iloc[0] == "row 7 mentions Partner twice"
    assert anon.meta.sources[0].file == "area-x-combined.csv"


def test_label_that_contains_a_name_is_refused() -> None:
    with pytest.raises(AnonymisationError, match="contains the name"):
        AnonymisationKey({"Tracey Smith": "Tracey's mother"})
    with pytest.raises(AnonymisationError):
        AnonymisationKey({"  ": "Mother"})


# --- exports ---------------------------------------------------------------------------------
def test_no_name_survives_in_any_exported_file(tmp_path: Path) -> None:
    chron = _fictional()
    anon, key = anonymise(chron)
    out = tmp_path / "out"
    anon.to_csv(out)
    findings = scr.analyse(anon)
    findings.to_csv(out)
    scr.write_report(anon, findings, out / "report.html")
    key_file = key.save(tmp_path / "secret" / "key.json")
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert {p.name for p in files} >= {
        "events.csv",
        "rejected.csv",
        "warnings.csv",
        "findings.csv",
        "report.html",
    }
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert _surviving(text) == [], path.name
        assert KEY_FORMAT not in text
        assert '"spellings"' not in text
    # the originals are there before anonymising (the test can fail)
    chron.to_csv(tmp_path / "plain")
    assert set(_surviving((tmp_path / "plain" / "events.csv").read_text())) == set(NAME_WORDS)
    assert key_file.exists() and not (out / key_file.name).exists()


def test_analysis_reads_labels_as_the_same_roles() -> None:
    anon, _ = anonymise(_fictional())
    practitioners = anon.events[S.PRACTITIONER].tolist()
    assert practitioners == ["MW1", "HV1", "DC1", "SW2", "GP1", "TM1", "SW2", "SW1"]
    from scr_timeline.classify.roles import roles_from_practitioners

    roles = roles_from_practitioners(anon.events[S.PRACTITIONER], anon.events[S.AGENCY])
    assert roles.tolist() == [
        "midwife",
        "health_visitor",
        "police_officer",
        "social_worker",
        "gp",
        "team_manager",
        "social_worker",
        "social_worker",
    ]


# --- personalising ---------------------------------------------------------------------------
def _sample_names(chron: Chronology) -> dict[str, str]:
    """Capitalised words of a sample, given labels the sample already uses (collisions)."""
    words = Counter(
        w
        for text in chron.events[S.DETAILS].dropna()
        for w in re.findall(r"\b[A-Z][a-z]{3,}\b", str(text))
        if w not in {"Mother", "Child", "Father"}
    )
    common = [w for w, _ in words.most_common(3)]
    return dict(zip(common, ["Mother", "SW1", "Child A"], strict=False))


@pytest.mark.parametrize("name", scr.list_samples()["name"].tolist())
def test_round_trip_is_the_identity_on_every_sample(name: str) -> None:
    chron = scr.load_sample(name)
    anon, key = anonymise(chron)
    _assert_same(personalise(anon, key), chron)
    names = _sample_names(chron)
    anon, key = anonymise(chron, names=names)
    assert not anon.events[S.DETAILS].equals(chron.events[S.DETAILS])
    _assert_same(personalise(anon, key), chron)


def test_round_trip_through_a_key_file(tmp_path: Path) -> None:
    chron = _fictional()
    anon, key = anonymise(chron)
    path = key.save(tmp_path / "key.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["key.json"]  # no temporary file left
    loaded = AnonymisationKey.load(path)
    assert loaded == key
    assert loaded.candidates is not None and "Tracey Smith" in set(loaded.candidates["name"])
    _assert_same(personalise(anon, loaded), chron)


def test_labels_already_in_the_text_stay_as_written() -> None:
    chron = Chronology(
        make_events(
            start=["2007-03-12"] * 3,
            details=["Mother and Tracey seen.", "Mother and Mother seen.", "Tracey seen."],
        )
    )
    anon, key = anonymise(chron, names={"Tracey": "Mother"})
    assert anon.events[S.DETAILS].tolist() == [
        "Mother and Mother seen.",
        "Mother and Mother seen.",
        "Mother seen.",
    ]
    assert personalise(anon, key).events[S.DETAILS].tolist() == chron.events[S.DETAILS].tolist()


def test_personalise_leaves_cells_edited_since() -> None:
    chron = Chronology(make_events(start=["2007-03-12"] * 2, details=["Tracey seen.", "Tracey."]))
    anon, key = anonymise(chron, names={"Tracey": "Mother"})
    edited = anon.events.copy()
    edited.iloc[0, edited.columns.get_loc(S.DETAILS)] = "Mother seen at home."
    back = personalise(Chronology(edited), key)
    assert back.events[S.DETAILS].tolist() == ["Mother seen at home.", "Tracey."]


def test_load_refuses_what_is_not_a_key(tmp_path: Path) -> None:
    bad = tmp_path / "key.json"
    bad.write_text('{"names": {}}', encoding="utf-8")
    with pytest.raises(AnonymisationError, match="not an anonymisation key"):
        AnonymisationKey.load(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(AnonymisationError, match="cannot read"):
        AnonymisationKey.load(bad)


def test_anonymise_with_keyfile_writes_then_reuses_the_key(tmp_path: Path) -> None:
    chron = _fictional()
    path = tmp_path / "keys" / "child.json"
    first = anonymise_with_keyfile(chron, path)
    assert path.exists()
    edited = AnonymisationKey.load(path)
    AnonymisationKey({**edited.names, "Smithfield": "Street A"}).save(path)
    second = anonymise_with_keyfile(chron, path)
    assert "Street A Road" in second.events[S.DETAILS].iloc[6]
    assert "Smithfield Road" in first.events[S.DETAILS].iloc[6]
    _assert_same(personalise(second, AnonymisationKey.load(path)), chron)
    with pytest.raises(AnonymisationError, match="output folder"):
        anonymise_with_keyfile(chron, tmp_path / "out" / "key.json", out_dir=tmp_path / "out")


# --- property ----------------------------------------------------------------------------------
_PEOPLE = {"Tracey Smith": "Mother", "Steven Jones": "Mother's partner", "Ann Lee": "SW1"}
_PIECES = st.sampled_from(
    [
        "Tracey",
        "TRACEY SMITH",
        "Smith",
        "Ms Smith",
        "Mr. Jones",
        "Steven Jones",
        "Ann",
        "SW Ann Lee",
        "Lee",
        "Mother",
        "Mother's partner",
        "SW1",
        "Family A",
        "Smithfield",
        "disgrace",
        "tracey",
        "seen",
        "'s",
        "",
        "1",
    ]
)
_GLUE = st.sampled_from([" ", ", ", "; ", "(", ")", "'", "-", "\n", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), max_size=12))
def test_round_trip_on_random_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    chron = Chronology(make_events(start=["2007-03-12"] * 2, details=[text, "Mother and " + text]))
    anon, key = anonymise(chron, names=_PEOPLE)
    back = personalise(anon, key)
    assert back.events[S.DETAILS].tolist() == chron.events[S.DETAILS].tolist()
    for cell in anon.events[S.DETAILS]:
        # every capitalised or upper-case spelling is gone
        assert not re.search(r"(?<![^\W_])(?:Tracey|TRACEY|Steven|Jones|Ann|Lee)(?![^\W_])", cell)


def test_a_full_name_with_the_family_surname_and_no_cue_is_found() -> None:
    chron = Chronology(
        make_events(
            start=["2007-03-12", "2007-03-13", "2007-03-14"],
            agency=["gp", "csc", "police"],
            details=[
                "Mother (Tracey Smith) brought Kayden Smith; bruise to cheek",
                "Tracey Smith and Steven Jones (mother's partner) seen at home",
                "Steven Jones arrested; Kayden Smith seen with Lacey Smith",
            ],
        )
    )
    found = find_names(chron).set_index("name")
    assert found.loc["Kayden Smith", "label"] == "Child A"  # the most mentioned, no child cue
    assert found.loc["Lacey Smith", "category"] == "family"
    anonymised, key = anonymise(chron)
    text = " ".join(anonymised.events["details"])
    assert "Kayden" not in text and "Lacey" not in text and "Smith" not in text
    assert (
        personalise(anonymised, key).events["details"].tolist() == chron.events["details"].tolist()
    )


def test_names_that_are_words_of_the_vocabularies_phrases_are_proposed():
    """A surname or first name that is also a word of a longer event phrase ('Green' and
    'Amber' of 'RAG green', 'RAG amber') had been a stop word, never proposed: a name
    missed is a name published. The event types' one-word phrases ('visit') still stop."""
    events = make_events(
        start=["12/03/2010", "13/03/2010"],
        agency=["police", "csc"],
        details=[
            "DC Green attended. Mother (Amber White) at the address.",
            "MASH RAG: amber. SW Visit planned.",
        ],
    )
    chron = Chronology(events)
    names = set(find_names(chron)["name"])
    assert {"Green", "Amber White"} <= names
    assert "Visit" not in names
