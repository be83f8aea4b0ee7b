"""Predicates: text conditions give exactly what Python's ``re`` gives, whatever the text."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline.rules.predicates import EventView, compile_predicate, required_literals
from scr_timeline.testing import make_events

PATTERNS = [
    r"\bNFA\b|\bno further action\b|\bcase closed\b|\bthreshold not met\b",
    r"referral (received )?from (csc|children.s (social care|services)|social care)",
    r"family friend|relative|grand(mother|father|parent)|aunt|uncle|kinship",
    r"\bnot (made )?(subject|registered|placed)|\bno (child protection )?plan\b",
    r"approv",
    r"sk|ki",  # 'ſ' (long s) and 'K' (Kelvin sign) match under IGNORECASE
    r"^bruis",
    r"(?-i:NFA)",
    r"a\.b|x\ty",
    r"[a-z]+ injur(y|ies)",
]

# pieces of text, ASCII and not, including characters Python's IGNORECASE folds to ASCII
PIECES = ["NFA", "nfa", "No Further Action", "case closed", "ſk", "\u212aI", "İ", "grandmother",
          "GRAND", "Aunt", "not made subject", "no plan", "APPROVED", "a.b", "x\ty", "\n",
          "bruise", "Bruising", "referral from CSC", "referral received from children's services",
          "é", "ß", " ", "threshold not met", "head injuries"]  # fmt: skip


def _events(details: list[str | None], outcome: list[str | None]) -> pd.DataFrame:
    n = len(details)
    return make_events(
        start=[f"2007-03-{1 + i % 28:02d}" for i in range(n)], details=details, outcome=outcome
    )


def _expected(pattern: str, details: list[str | None], outcome: list[str | None]) -> list[bool]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return [
        compiled.search(f"{d or ''}\n{o or ''}") is not None
        for d, o in zip(details, outcome, strict=True)
    ]


text = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
maybe_text = st.one_of(st.none(), text)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(maybe_text, maybe_text), min_size=1, max_size=12))
def test_text_condition_equals_python_re_search(rows):
    details = [d for d, _ in rows]
    outcome = [o for _, o in rows]
    view = EventView.from_events(_events(details, outcome))
    cache: dict = {}
    for pattern in PATTERNS:
        for key in ("text", "not_text"):
            got = compile_predicate({key: pattern}, where="test").evaluate(view, cache)
            want = _expected(pattern, details, outcome)
            order = view.frame["source_row"].to_numpy().argsort()
            result = got[order].tolist()
            assert result == (want if key == "text" else [not w for w in want]), (pattern, key)


def test_text_that_only_python_folds_to_the_pattern_still_matches():
    # 'İ' and 'ı' match 'i' under re.IGNORECASE but not under RE2's case folding: texts
    # that are not ASCII are always searched with the pattern itself
    details = ["KİN", "kıt", "ſKI", "\u212aI", "kin", "none"]
    view = EventView.from_events(_events(details, [None] * len(details)))
    got = compile_predicate({"text": "ki"}, where="test").evaluate(view, {}).tolist()
    assert got == _expected("ki", details, [None] * len(details)) == [True] * 5 + [False]


def test_text_is_tested_only_for_the_events_still_in_question():
    details = ["placed with grandmother", "placed with grandmother", "NFA"]
    view = EventView.from_events(_events(details, [None, None, None]))
    pred = compile_predicate(
        {"agency": ["csc"], "any": [{"involves": ["police"]}, {"text": "grandmother"}]},
        where="test",
    )
    assert pred.evaluate(view, {}).tolist() == [False, False, False]  # no csc events
    assert view.match_state(re.compile("grandmother", re.IGNORECASE)).tolist() == [-1, -1, -1]


def test_a_named_predicate_answers_only_for_the_events_asked_about():
    # 'initial_assessment, not assessment_begun': the named predicate's text is searched
    # for the assessments alone, then for the other events when a later caller asks
    details = ["IA commenced", "IA completed", "home visit started", "GP appt started"]
    events = make_events(
        start=["2007-03-01", "2007-03-02", "2007-03-03", "2007-03-04"],
        event_type=["initial_assessment", "initial_assessment", "home_visit", "gp_appointment"],
        details=details,
        source_row=[2, 3, 4, 5],
    )
    view = EventView.from_events(events)
    named = {"begun": compile_predicate({"text": r"\bstart|commenc"}, where="test")}
    done = compile_predicate(
        {"event_type": ["initial_assessment"], "not": "begun"}, where="test", named=named
    )
    cache: dict = {}
    order = view.frame["source_row"].to_numpy().argsort()
    assert done.evaluate(view, cache)[order].tolist() == [False, True, False, False]
    state = view.match_state(re.compile(r"\bstart|commenc", re.IGNORECASE))
    assert state[order].tolist() == [1, 0, -1, -1]
    # asked about everything later, the rest is searched (once) and the answers stay exact
    everything = compile_predicate("begun", where="test", named=named).evaluate(view, cache)
    assert everything[order].tolist() == [True, False, True, True]
    assert state[order].tolist() == [1, 0, 1, 1]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bNFA\b|no further (police )?action", ("nfa", "no further ")),
        (r"referral (received )?from", ("referral ",)),
        (r"[a-z]+", ()),
        (r"abc|", ()),  # an empty alternative matches anything
        (r"(?=x)y", ("y",)),
        (r"\u212a", ()),  # non-ASCII literal: no prefilter
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(re.compile(pattern, re.IGNORECASE)) == literals


def test_texts_searched_in_chunks_give_the_same_answer(monkeypatch):
    import scr_timeline.rules.predicates as predicates

    details = ["NFA", "home visit", None, "no further action", "case closed", "nfa.", "x"] * 3
    outcome = [None, "Threshold not met", "NFA", None, "", None, "ok"] * 3
    pattern = PATTERNS[0]
    whole = compile_predicate({"text": pattern}, where="test").evaluate(
        EventView.from_events(_events(details, outcome)), {}
    )
    monkeypatch.setattr(predicates, "_TEXT_CHUNK", 2)
    chunked = compile_predicate({"text": pattern}, where="test").evaluate(
        EventView.from_events(_events(details, outcome)), {}
    )
    assert chunked.tolist() == whole.tolist()
    view = EventView.from_events(_events(details, outcome))
    order = view.frame["source_row"].to_numpy().argsort()
    assert whole[order].tolist() == _expected(pattern, details, outcome)


def test_follows_looks_back_in_the_chronologys_order_and_the_same_day():
    events = make_events(
        start=["2007-03-01", "2007-03-05", "2007-03-05", "2007-03-05", "2007-03-09", "2007-03-20"],
        agency=["gp", "csc", "hospital", "csc", "csc", "csc"],
        event_type=["gp_appointment", "referral", "hospital_attendance", "referral", "referral",
                    "referral"],
        source_row=[2, 3, 4, 5, 6, 7],
    )  # fmt: skip
    view = EventView.from_events(events)
    spec = {"event_type": ["referral"], "follows": {"agency": ["hospital"]}}
    # the same day: e4 is listed after the hospital's record, e2 before it; e5 is 4 days on
    assert compile_predicate(spec, where="x").evaluate(view, {}).tolist() == [
        False, False, False, True, False, False,
    ]  # fmt: skip
    spec["follows_within"] = "7 days"
    assert compile_predicate(spec, where="x").evaluate(view, {}).tolist() == [
        False, False, False, True, True, False,
    ]  # fmt: skip
    spec["follows_within"] = "3 weeks"
    assert compile_predicate(spec, where="x").evaluate(view, {}).tolist() == [
        False, False, False, True, True, True,
    ]  # fmt: skip
    # an event never follows itself, only another of its kind before it
    own = {"agency": ["csc"], "follows": {"agency": ["csc"]}, "follows_within": "7 days"}
    assert compile_predicate(own, where="x").evaluate(view, {}).tolist() == [
        False, False, False, True, True, False,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "spec",
    [
        {"follows_within": "7 days"},
        {"follows": {"agency": ["csc"]}, "follows_within": "7 WD"},
        {"follows": {"agency": ["csc"]}, "follows_within": 7},
    ],
)
def test_a_bad_follows_is_refused(spec):
    from scr_timeline.rules.predicates import PredicateError

    with pytest.raises(PredicateError, match="follows"):
        compile_predicate(spec, where="x")


# --- the text predicates' search: RE2 over ASCII texts reads as Python's re -------------------
def test_the_re2_search_finds_what_pythons_re_finds(monkeypatch):
    """Every text pattern the default rulebook searches, on texts that tell the two engines
    apart if anything does: line breaks, a vertical tab, non-ASCII letters and quotes,
    case, word boundaries at punctuation, a trailing line break; and searched clause by
    clause (texts split at full stops, semicolons, line breaks, ! and ?) as whole."""
    import pyarrow as pa

    import scr_timeline as scr
    from scr_timeline.datasets import load_sample
    from scr_timeline.rules import predicates as P

    patterns = []
    real = P._search
    monkeypatch.setattr(
        P,
        "_search",
        lambda texts, pattern, *plain: patterns.append(pattern) or real(texts, pattern, *plain),
    )
    scr.analyse(load_sample("child-a-combined"))
    monkeypatch.setattr(P, "_search", real)
    assert len({p.pattern for p in patterns}) >= 5
    samples = load_sample("child-a-combined").events["details"].dropna().tolist()
    tricky = [
        "Strategy discussion held.\n",
        "strategy\vdiscussion held",
        "STRATEGY DISCUSSION HELD; CP medical to be arranged",
        "Strategy discussion \u2013 held",
        "Café: strategy discussion held",
        "bruising\x1chealing",
        "the bruise_s are fading",
        "skeletal survey: done",
        "Skeletal survey. Requested by Dr X; done next day",
        "Plan: skeletal survey.\nShows no fracture! Medical? to be arranged",
        "strategy discussion; held. CP medical requested.  Skeletal survey to be booked",
        "seen.alone;not seen? child seen!",
        "",
    ]
    texts = pa.array((samples + tricky) * 120)  # enough texts for RE2 to be used
    own = [r"strategy\s+discussion", r"bruising\shealing", r"^strategy", r"\w+ held\b"]
    patterns += [re.compile(p, re.IGNORECASE) for p in own]
    own += [r"seen\.alone", r"\bseen\b(?![^\w.;]+alone)", r"(?<=plan: )skeletal"]
    patterns += [re.compile(p, re.IGNORECASE) for p in own[-3:]]
    for pattern in {p.pattern: p for p in patterns}.values():
        # Python's re over each whole text, against RE2 and against clause by clause
        monkeypatch.setattr(P, "_RE2_FROM", 10**12)
        monkeypatch.setattr(P, "_SPLIT_FROM", 10**12)
        by_re = P._search(texts, pattern)
        assert by_re.tolist() == [pattern.search(t) is not None for t in texts.to_pylist()]
        for re2_from, split_from in ((0, 10**12), (10**12, 0), (0, 0)):
            monkeypatch.setattr(P, "_RE2_FROM", re2_from)
            monkeypatch.setattr(P, "_SPLIT_FROM", split_from)
            assert (P._search(texts, pattern) == by_re).all(), (pattern.pattern, re2_from)
            # with each text's plainness worked out beforehand (as an analysis does, once
            # for every event)
            plain = P._plain_texts(texts)
            assert (P._search(texts, pattern, plain) == by_re).all(), (pattern.pattern, re2_from)


def test_analyse_reads_columns_at_positions_without_reordering_the_table(monkeypatch):
    # the rules take what they need from the events table at the view's positions: the
    # whole table is never reordered (a million rows: 0.6 s and a copy of every column)
    import scr_timeline as scr
    from scr_timeline.datasets import load_sample

    chron = load_sample("child-a-combined")
    want = scr.analyse(chron).to_frame()

    def refuse(self):
        raise AssertionError("the events table was reordered")

    monkeypatch.setattr(EventView, "frame", property(refuse))
    shuffled = chron.events.iloc[::-1]  # not in start order: the view orders it
    got = scr.analyse(type(chron)(shuffled, chron.rejected, chron.warnings, chron.meta))
    pd.testing.assert_frame_equal(got.to_frame(), want)


def test_follows_asks_about_earlier_events_only_within_reach():
    """``follows`` asks its earlier predicate only about the events that could be the
    earlier one: listed before an event asked about, within reach of its day (its texts are
    searched for those alone), and finds what it did over every event."""
    events = make_events(
        start=["01/03/2007", "02/03/2007", "20/03/2007", "21/03/2007", "22/03/2007"],
        event_type=["other", "home_visit", "other", "return_home", "home_visit"],
        agency="csc",
        details=["Child A missing", "Home visit", "Child A missing", "Returned home", "Visit"],
    )
    view = EventView.from_events(events)
    named = {"missing": compile_predicate({"text": r"\bmissing\b"}, where="test")}
    back = compile_predicate(
        {"event_type": ["return_home"], "follows": "missing", "follows_within": "7 days"},
        where="test",
        named=named,
    )
    assert back.evaluate(view, {}).tolist() == [False, False, False, True, False]
    # only the events from 14 to 21 March were asked about (the return's reach)
    state = view.match_state(re.compile(r"\bmissing\b", re.IGNORECASE))
    assert state.tolist() == [-1, -1, 1, -1, -1]
