"""Text conditions searched by Python's ``re`` on plain texts lower-cased, with the pattern
lower-cased and case-sensitive (speed work of stop 27; no change of findings): the answer
is still exactly the pattern's own ``search``."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline.rules import predicates as P

OWN = [
    r"\bNFA\b|\bno further action\b|\bcase closed\b|\bthreshold not met\b",
    r"referral (received )?from (csc|children.s (social care|services)|social care)",
    r"sk|ki",  # 'ſ' (long s) and 'K' (Kelvin sign) match under IGNORECASE
    r"^bruis",
    r"[a-z]+ injur(y|ies)",
    r"[^A-Z ]{3} seen",
    r"[^x]ray",
    r"strategy\s+discussion|bruising\shealing",
    r"\bseen\b[^\w.;]+alone",
    r"\b(SW|HV)\d? (visited|saw)\b",
]
PIECES = ["NFA", "nfa", "No Further Action", "case closed", "ſk", "\u212aI", "İ", "ı", "\n",
          "\v", "bruise", "BRUISING", "referral from CSC", "é", " ", "threshold not met",
          "Head Injuries", "Strategy discussion", "strategy\vdiscussion", "bruising\x1chealing",
          ". ", "; ", "SEEN alone", "X-RAY", "xray", "SW1 visited", "hv saw", "_", "K"]  # fmt: skip


def _rulebook_patterns() -> list[re.Pattern[str]]:
    """Every text pattern of the bundled rulebooks."""
    from scr_timeline.rules import available_rulebooks, load_rulebook

    found: dict[str, re.Pattern[str]] = {}

    def walk(spec: object) -> None:
        if isinstance(spec, dict):
            for key, value in spec.items():
                if key in ("text", "not_text") and isinstance(value, str):
                    found[value] = P.regex(value, re.IGNORECASE)
                else:
                    walk(value)
        elif isinstance(spec, list):
            for item in spec:
                walk(item)

    import tomllib

    for name in available_rulebooks():
        book = load_rulebook(name)
        walk(tomllib.loads(Path(book.path).read_text(encoding="utf-8")) if book.path else {})
    return list(found.values())


def _py(texts: list[str]) -> tuple[P._PyTexts, np.ndarray]:
    plain = P._plain_texts(pa.array(texts, pa.large_string()))
    return P._PyTexts(texts, [t.lower() for t in texts], plain.tolist()), plain


def test_the_bundled_rulebooks_have_text_patterns_most_of_which_are_lowered():
    patterns = _rulebook_patterns()
    assert len(patterns) >= 40
    lowered = [p for p in patterns if P._py_lowered(p) is not None]
    assert len(lowered) >= 0.8 * len(patterns)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(PIECES), max_size=5).map("".join), max_size=40))
def test_python_search_of_lowered_texts_equals_the_patterns_own(texts):
    # Python's re alone (no RE2, no clauses): plain texts lower-cased with the pattern
    # lower-cased, the others with the pattern itself
    py, plain = _py(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(P, "_RE2_FROM", 10**12)
        patch.setattr(P, "_SPLIT_FROM", 10**12)
        for pattern in [P.regex(p, re.IGNORECASE) for p in OWN]:
            want = [pattern.search(t) is not None for t in texts]
            assert P._find(None, pattern, split=True, plain=plain, py=py).tolist() == want


def test_every_rulebook_pattern_lowered_finds_what_it_finds(monkeypatch):
    # the samples' own texts and texts that tell readings apart if anything does
    from scr_timeline.datasets import load_sample

    monkeypatch.setattr(P, "_RE2_FROM", 10**12)
    monkeypatch.setattr(P, "_SPLIT_FROM", 10**12)
    events = load_sample("child-a-combined").events
    texts = (events["details"].fillna("") + "\n" + events["outcome"].fillna("")).tolist()
    texts = list(dict.fromkeys(texts))
    texts += [t.upper() for t in texts[:40]] + ["".join(PIECES), " ".join(PIECES), ""]
    texts += [t.replace("k", "\u212a").replace("s", "ſ") for t in texts[:20]]
    py, plain = _py(texts)
    assert plain.any() and not plain.all()
    for pattern in _rulebook_patterns():
        want = [pattern.search(t) is not None for t in texts]
        got = P._find(None, pattern, split=True, plain=plain, py=py).tolist()
        assert got == want, pattern.pattern


@pytest.mark.parametrize(
    ("source", "flags", "lowered"),
    [
        (r"\bNFA\b", re.I, r"\bnfa\b"),
        (r"[A-Z]\w+ [NO]\S", re.I, r"[a-z]\w+ [no]\S"),
        (r"(?:Seen|SEEN) (alone)?", re.I, r"(?:seen|seen) (alone)?"),
        (r"\bNFA\b", 0, None),  # case matters: not lowered
        (r"\bNFA\b", re.I | re.M, None),  # another flag
        (r"(?-i:NFA)", re.I, None),  # a scoped flag
        (r"[A-z]", re.I, None),  # a range holding '_' and '['
        (r"\x41BC", re.I, None),  # an escape naming a character
        (r"caf\u00e9", re.I, None),  # beyond ASCII
        (r"\bNFA$", re.I, None),  # an anchor at the end
        (r"(?<=Plan: )skeletal", re.I, None),  # a lookaround
        (r"(NFA) \1", re.I, None),  # a group reference
    ],
)
def test_which_patterns_are_lowered(source, flags, lowered):
    assert P._py_lowered(re.compile(source, flags)) == lowered
