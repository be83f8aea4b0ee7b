"""Tests for scr_timeline.classify._text: phrase patterns, vocabulary files, the piece pool."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from scr_timeline import schema
from scr_timeline.classify import _text as T
from scr_timeline.exceptions import ChronologyReadError

_DATA = Path(T.__file__).parent.parent / "data"
_CORPUS = Path(__file__).parent.parent / "data" / "classification_corpus.csv"


@pytest.mark.parametrize(
    ("phrase", "matches", "misses"),
    [
        ("A&E", ["a&e", "a & e", "a and e"], ["ae", "a e"]),
        (
            "children's social care",
            [
                "children's social care",
                "childrens social care",
                "children’s social care".replace("’", "'"),
            ],
            [],
        ),
        ("re-referral", ["re-referral", "re referral", "rereferral"], []),
        ("s.47", ["s.47", "s47", "s 47"], ["s470"]),
        ("drug and alcohol", ["drug and alcohol", "drug & alcohol"], []),
        # a hyphen joins words; a dash between spaces ends a clause ("ICPC - report sent")
        (
            "icpc report",
            ["icpc report", "icpc-report", "icpc -report", "icpc- report"],
            ["icpc - report", "icpc -  report", "icpc--report"],
        ),
    ],
)
def test_a_phrase_written_as_words_tolerates_spelling_variants(phrase, matches, misses):
    rx = re.compile(T.phrase_regex(phrase))
    for text in matches:
        assert rx.fullmatch(text), text
    for text in misses:
        assert not rx.fullmatch(text), text


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("hv", "seen at the hiv clinic", False),
        ("hv", "hv1 visited", True),
        ("ed", "record edited", False),
        ("pc", "letter from the pct", False),
        ("pc", "pc 2231 attended", True),
        ("gp", "the gp's letter", True),
    ],
)
def test_word_boundaries(phrase, text, found):
    assert bool(re.search(T.alternation([phrase]), text)) is found


def test_the_longest_phrase_wins_at_a_position():
    rx = re.compile(T.alternation(["home", "home visit", "home visit to"]))
    assert rx.match("home visit today").group() == "home visit"
    assert rx.match("home visit to gran").group() == "home visit to"


def test_build_pool_splits_deduplicates_and_keeps_rows_in_order():
    details = pd.Series(["Home visit. Child seen.", None, "Home visit. NFA"], dtype="string")
    outcome = pd.Series(["Child seen.", "Case closed.", None], dtype="string")
    pool = T.build_pool([details, outcome])
    assert sorted(pool.pieces) == ["case closed.", "child seen.", "home visit", "nfa"]
    texts = pool.pieces.to_numpy()[pool.piece].tolist()
    assert texts == [
        "home visit",
        "child seen.",
        "home visit",
        "nfa",
        "child seen.",
        "case closed.",
    ]
    assert pool.row.tolist() == [0, 0, 2, 2, 0, 1]
    assert pool.field.tolist() == [0, 0, 0, 0, 1, 1]
    assert pool.upto(1) == slice(0, 4)


def test_build_pool_reads_any_text_column():
    numbers = pd.Series([12.5, None, "Bruise. Seen"], dtype=object)
    chunked = pd.Series(pd.arrays.ArrowExtensionArray(pa.chunked_array([["a. b"], ["c"]])))
    empty = pd.Series([None, None, None], dtype=object)
    pool = T.build_pool([numbers, chunked.reindex([0, 1, 2]), empty])
    assert set(pool.pieces) >= {"12.5", "bruise", "seen", "a", "b", "c"}
    assert pool.row[pool.field == 1].tolist() == [0, 0, 1]


def test_build_pool_refuses_columns_of_different_lengths():
    with pytest.raises(ValueError, match="same length"):
        T.build_pool([pd.Series(["a"]), pd.Series(["a", "b"])])


def test_piece_or_and_row_min():
    pool = T.build_pool([pd.Series(["a. b", "b", "c"])])
    per_piece = np.array(
        [1 if t == "a" else 2 if t == "b" else 0 for t in pool.pieces], dtype=np.uint8
    )
    assert T.piece_or(pool, per_piece).tolist() == [3, 2, 0]
    assert T.row_min(3, np.array([0, 0, 2]), np.array([5, 3, 9]), 99).tolist() == [3, 99, 9]


def test_agency_slots_from_categorical_and_text():
    codes = pd.Series(pd.Categorical(["gp", None, "csc"], categories=list(schema.AGENCIES)))
    assert T.agency_slots(codes).tolist() == [2, len(schema.AGENCIES), 0]
    text = pd.Series(["police", "nowhere", None], dtype=object)
    assert T.agency_slots(text).tolist() == [1, len(schema.AGENCIES), len(schema.AGENCIES)]


def test_agency_mask_includes_and_excludes():
    assert T.agency_mask("").all()
    only = T.agency_mask("gp police")
    assert only.sum() == 2 and only[schema.AGENCIES.index("gp")]
    all_but_csc = T.agency_mask("-csc")
    assert not all_but_csc[schema.AGENCIES.index("csc")]
    assert all_but_csc.sum() == len(all_but_csc) - 1  # every other agency, and unknown


def test_masks_to_tuples():
    out = T.masks_to_tuples(np.array([3, 0, 3, 4], dtype=np.uint8), ["a", "b", "c"])
    assert out.tolist() == [("a", "b"), (), ("a", "b"), ("c",)]


def test_read_vocabulary_user_rows_replace_shipped_rows(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("phrase,member\nMGM,family\nstepmum,family\n", encoding="utf-8")
    table = T.read_vocabulary(
        "family_members.csv", path, required=("phrase", "member"), defaults={"kind": "member"}
    )
    assert table.loc[table["phrase"].str.lower() == "mgm", "member"].tolist() == ["family"]
    assert "stepmum" in set(table["phrase"])


def test_a_trie_written_for_some_texts_finds_what_the_full_trie_finds():
    words = ["hv", "hv visit", "home", "home visit", "home-visit to", "a&e", "s47", "s4", "x-ray"]
    words += ["gp", "gp's", "dr.", "c/o", "hv", "visit"]
    usable = np.ones((len(words), 2), dtype=bool)
    usable[words.index("home visit"), 1] = False  # slot 1 may not use "home visit"
    trie = T.PhraseTrie(words, usable)
    texts = ["hv visit to a and e", "home visit; s47 and x ray", "gps dr visit c / o home", "s470"]
    for slot in (0, 1):
        full = re.compile(trie.render(slot) or "(?!)")
        for text in texts:
            keep = T.phrases_in({w: T.literal_words(w) for w in words}, [text])
            written = re.compile(trie.render(slot, keep) or "(?!)")
            assert [m.span() for m in written.finditer(text)] == [
                m.span() for m in full.finditer(text)
            ]
    assert re.search(trie.render(1) or "", "home visit").group() == "home"
    assert trie.render(0, keep=set()) is None


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("attend(?:ed|s)? (?:at )?", ("attend",)),
        ("discharged? to", ("discharge",)),
        ("nfa", ("nfa",)),
        ("a|b", ("a", "b")),
        ("(?:tm|dtm) agreed", ("tm", "dtm")),
        ("((a|b)c|d)e", ("a", "b", "d")),
        ("x[|(]y|z", ("x", "z")),
        ("(?:ab[)]x|q)z", ("ab", "q")),  # the bracket in the class closes no group
        (r"s\.? ?47", ("s",)),
        ("ab*c", ("a",)),
        ("ab{2}", ("a",)),
        ("(?:self )?presented", ()),  # the group may be skipped
        ("(?:ab)+c", ()),
        ("(?:a|)b", ()),
        (r"\d+ days", ()),
        ("(?<!x)ab", ()),
        ("[)]ab", ()),
    ],
)
def test_regex_prefixes_are_texts_every_match_starts_with(pattern: str, prefixes: tuple[str, ...]):
    assert T.regex_prefixes(pattern) == prefixes


def test_regex_prefixes_hold_for_the_shipped_regex_phrases():
    texts = pd.read_csv(_CORPUS, dtype=str)["details"].dropna().str.lower().tolist()
    for name in ("event_types.csv", "injuries.csv", "counterpart_cues.csv", "roles.csv"):
        table = pd.read_csv(_DATA / name, dtype=str, keep_default_na=False)
        for phrase in table.loc[table["match"] == "regex", "phrase"]:
            starts = T.regex_prefixes(phrase)
            if not starts:
                continue
            rx = re.compile(phrase)
            for text in texts:
                for at in range(len(text)):
                    if rx.match(text, at):
                        assert text.startswith(starts, at), (phrase, text[at:])


def test_rows_are_resolved_as_their_regexes_match():
    phrases = ["home visit", "home", "home visit to", "a&e", "x-ray", "s47", "hv 1", "and so"]
    phrases += ["visit(?:ed)? (?:the )?home", "(?:tm|sm) agreed", "home(?= visit)"]
    kinds = ["words"] * 8 + ["regex"] * 3
    entries = T.Entries.build(phrases, kinds)
    hits = ["home visit", "home  visit to", "home-visit", "home - visit to", "home\u00a0visit"]
    hits += ["home visits", "hv 1", "hv 12", "hv 1a", "visited the home", "tm agreed", "home"]
    hits += ["a and e", "x ray", "s47", "s470", "and so", "and  so"]
    for hit in hits:
        expected = []
        for row, (phrase, kind) in enumerate(zip(phrases, kinds, strict=True)):
            source = T.wrap_regex(phrase) if kind == "regex" else T.phrase_regex(phrase)
            found = re.match(source, hit)
            if found is not None and found.end() > 0:
                expected.append((-found.end(), kind == "regex", row))
        assert entries.candidates(hit) == [row for _, _, row in sorted(expected)], hit
    assert entries.occurs(phrases.index("(?:tm|sm) agreed"), ["the sm agreed"])
    assert not entries.occurs(phrases.index("visit(?:ed)? (?:the )?home"), ["no visit"])


@pytest.mark.parametrize("name", sorted(p.name for p in _DATA.glob("*.csv")))
def test_shipped_vocabularies_read_as_a_users_file_is_read(name: str):
    # the shipped files skip pandas' reader: the table must be the one it would give
    header = pd.read_csv(_DATA / name, dtype=str, nrows=0).columns.tolist()
    required = (header[0],)
    defaults = (*((c, f"<{c}>") for c in header[1:]), ("absent", "none"))
    fast = T._shipped_table(name, required, defaults)
    slow = T._checked_table(T.SHIPPED + name, T._read_csv(_DATA / name), required, defaults)
    pd.testing.assert_frame_equal(fast, slow.reset_index(drop=True))


@pytest.mark.parametrize("name", sorted(p.name for p in _DATA.glob("*.csv")))
def test_shipped_regex_phrases_compile(name: str):
    # only a user's regex phrases are compiled when a vocabulary is read
    table = pd.read_csv(_DATA / name, dtype=str, keep_default_na=False)
    if "match" in table:
        for phrase in table.loc[table["match"].str.strip() == "regex"].iloc[:, 0]:
            re.compile(T.wrap_regex(phrase.strip()))
    elif "pattern" in table:  # the child-seen cues: every row a regex
        for pattern in table["pattern"]:
            re.compile(pattern.strip())


def test_a_users_bad_regex_is_reported_with_its_file(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("phrase,member,match\nstep(mum,family,regex\n", encoding="utf-8")
    table = T.read_vocabulary(
        "family_members.csv", path, required=("phrase", "member"), defaults={"match": "words"}
    )
    with pytest.raises(ChronologyReadError, match=r"mine\.csv.*does not compile"):
        T.check_regexes(table, "family vocabulary")


def test_read_vocabulary_errors_name_the_file(tmp_path: Path):
    path = tmp_path / "broken.csv"
    path.write_text("words,member\nx,family\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match=r"broken\.csv.*phrase"):
        T.read_vocabulary("family_members.csv", path, required=("phrase", "member"))
    with pytest.raises(ChronologyReadError, match=r"absent\.csv"):
        T.read_vocabulary(
            "family_members.csv", tmp_path / "absent.csv", required=("phrase", "member")
        )


def test_a_pool_split_slice_by_slice_is_the_pool_split_at_once(monkeypatch: pytest.MonkeyPatch):
    cells = ["Home visit. Child seen.", None, "NFA.", "Child seen. Home visit", "", "NFA. NFA."]
    chunked = pa.chunked_array(
        [pa.array(cells[:4], pa.large_string()), pa.array(cells[4:], pa.large_string())]
    )
    columns = [
        pd.Series(cells * 3, dtype=object),
        pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([*chunked.chunks] * 3))),
        pd.Series([None] * 18, dtype=object),
    ]
    whole = T.build_pool(columns)
    monkeypatch.setattr(T, "_POOL_SLICE", 2)
    sliced = T.build_pool(columns)
    pd.testing.assert_series_equal(sliced.pieces, whole.pieces)
    for name in ("piece", "row", "field"):
        assert getattr(sliced, name).tolist() == getattr(whole, name).tolist()
    assert sliced.ends == whole.ends == (24, 48, 48)
    assert whole.pieces.tolist()[:3] == ["home visit", "child seen.", "nfa."]  # first seen first
