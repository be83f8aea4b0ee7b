"""Classification benchmark: ``classify_events`` on a synthetic chronology.

    python benchmarks/bench_classify.py --rows 1000000
    python benchmarks/bench_classify.py --rows 100000 --unique-text

Builds an events frame from :func:`generate.generate_chronology` (agency codes through
``normalise_agencies``; dates are not parsed, as classification does not need them),
warms the compiled vocabularies on a few rows, then times ``classify_events`` on the
whole frame and prints rows/s against the issue's target (>= 500,000 rows/s at 1e6 rows).

It also prints how often the classifier agrees with the generator's own labels
(``include_truth``): an out-of-sample check, since the generator and its labels were written
by someone else (its conventions differ in places, e.g. a midwife's postnatal home visit is a
``health_visit`` there and a ``home_visit`` in GLOSSARY.md).

``--unique-text`` appends a different nonsense word to every sentence, so that no two pieces
of text repeat: the worst case for the per-piece deduplication the classifiers rely on.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_chronology

from scr_timeline import schema
from scr_timeline.classify._text import clear_match_cache
from scr_timeline.classify.agencies import normalise_agencies
from scr_timeline.classify.pipeline import classify_events


def events_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """A canonical-looking events frame from the generator's columns."""
    n = len(raw)
    agency = normalise_agencies(raw["Agency"])[schema.AGENCY]
    frame = pd.DataFrame(
        {
            schema.START: pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
            schema.AGENCY: agency.to_numpy(),
            schema.ORGANISATION: raw["Agency"].astype("string").to_numpy(),
            schema.SOURCE: raw["Source of Information"].astype("string").to_numpy(),
            schema.PRACTITIONER: raw["Practitioner"].astype("string").to_numpy(),
            schema.DETAILS: raw["Significant Event"].astype("string").to_numpy(),
            schema.OUTCOME: raw["Outcome/Action"].replace("", None).astype("string").to_numpy(),
            schema.COUNTERPARTS_TEXT: pd.array([pd.NA] * n, dtype="string"),
            schema.CHILD_AGE_DAYS: pd.array([pd.NA] * n, dtype="Int64"),
        }
    )
    frame.index = pd.Index([f"e{i}" for i in range(1, n + 1)], dtype="string", name=schema.EVENT_ID)
    return frame


def make_unique(text: pd.Series, seed: int) -> pd.Series:
    """Append a different nonsense word to every sentence of every cell."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("bcdfghjklmnpqrstvwxz"))
    words = ["".join(w) for w in rng.choice(letters, size=(len(text), 8))]
    tagged = (text.astype(str) + " zq" + pd.Series(words, index=text.index)).str.replace(
        ". ", ". zq", regex=False
    )
    return tagged.astype("string")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    parser.add_argument("--unique-text", action="store_true", help="no sentence repeats")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    raw = generate_chronology(args.rows, seed=args.seed, include_truth=True)
    events = events_frame(raw)
    if args.unique_text:
        events[schema.DETAILS] = make_unique(events[schema.DETAILS], args.seed).to_numpy()
    print(f"generated {len(events):,} rows in {time.perf_counter() - t0:.1f} s")

    classify_events(events.head(200))  # compile and cache the vocabularies
    best, out = float("inf"), None
    for _ in range(args.repeats):
        clear_match_cache()  # every sentence new to the process, as in a fresh batch worker
        t = time.perf_counter()
        out, _warnings = classify_events(events)
        best = min(best, time.perf_counter() - t)
    assert out is not None
    rate = len(events) / best
    print(f"classify_events: {best:.2f} s  {rate:12,.0f} rows/s  (target >= 500,000 rows/s)")
    t = time.perf_counter()
    classify_events(events)
    warm = time.perf_counter() - t
    print(
        f"  again, sentences already matched by this process: {warm:.2f} s  "
        f"{len(events) / warm:12,.0f} rows/s"
    )

    truth_type = raw["_event_type"].to_numpy()
    truth_agency = raw["_agency_code"].to_numpy()
    agree_type = (out[schema.EVENT_TYPE].astype(str).to_numpy() == truth_type).mean()
    agree_agency = (out[schema.AGENCY].astype(str).to_numpy() == truth_agency).mean()
    print(
        f"agreement with the generator's labels: event type {agree_type:.1%}, agency {agree_agency:.1%}"
    )
    wrong = pd.DataFrame(
        {"truth": truth_type, "got": out[schema.EVENT_TYPE].astype(str).to_numpy()}
    )
    wrong = wrong.loc[wrong["truth"] != wrong["got"]].value_counts().head(8)
    if len(wrong):
        print("most frequent disagreements (generator label -> classified):")
        for (truth, got), count in wrong.items():
            print(f"  {truth:>22} -> {got:<22} {count:8,}")
    print(
        f"injury rows: {int(out[schema.INJURY].sum()):,}; suspicious: "
        f"{int(out[schema.SUSPICIOUS_INJURY].sum()):,}; child_seen known: "
        f"{int(out[schema.CHILD_SEEN].notna().sum()):,}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
