"""Rule engine benchmark: every wt2006 rule on a large synthetic chronology.

    python benchmarks/bench_rules.py --rows 1000000
    python benchmarks/bench_rules.py --rows 100000 --parse   # via generate.py + parse_table

By default the classified events table is built directly with NumPy (random but seeded
event types, agencies, counterparts, injuries, texts), which takes a second or two at 1e6
rows; ``--parse`` instead generates raw rows with :func:`generate.generate_chronology` and
reads and classifies them with :func:`scr_timeline.io.table.parse_table` (much slower to
build, closer to real text). Only :func:`scr_timeline.rules.analyse` is timed (best of
``--repeat`` runs), findings table and sentences included. The synthetic table draws its
details from 8 sentences and its events are dense (about 270 a day), so it has few findings
and measures the rules' arithmetic; ``benchmarks/bench_analyse.py`` measures the findings
side. The issue's target: all wt2006 rules on 1e6 rows in <= 2 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scr_timeline import schema as S
from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse, load_rulebook

TARGET_SECONDS = 2.0

_TYPES = {
    "home_visit": 10,
    "information_sharing": 12,
    "gp_appointment": 8,
    "health_visit": 8,
    "hospital_attendance": 4,
    "referral": 3,
    "strategy_discussion": 0.6,
    "s47_enquiry": 0.3,
    "initial_assessment": 1,
    "core_assessment": 0.3,
    "icpc": 0.3,
    "core_group": 0.6,
    "review_conference": 0.3,
    "cp_plan_end": 0.1,
    "supervision": 2,
    "management_oversight": 1,
    "allocation": 0.5,
    "case_closure": 0.5,
    "referral_decision": 1,
    "medical_examination": 0.4,
    "skeletal_survey": 0.1,
    "dna": 3,
    "police_incident": 2,
    "concern": 2,
    "disagreement": 0.2,
    "escalation": 0.1,
    "placement": 0.2,
    "return_home": 0.1,
    "carer_assessment": 0.1,
    "other": 10,
}
_TEXTS = (
    "Home visit, child seen. No concerns.",
    "Domestic incident: police attended the address after an argument.",
    "Mother phoned; information shared with the school.",
    "Bruise to the cheek, no explanation given.",
    "Decision: NFA, threshold not met.",
    "Child placed with family friend Ms F.",
    "Carer approved at panel.",
    "Appointment letter sent.",
)
_COUNTERPARTS = ((), ("csc",), ("police",), ("gp", "mother"), ("csc", "police"), ("carer",))
_MENTIONS = ((), ("referral",), ("strategy_discussion",), ("home_visit",))


def synthetic_events(n_rows: int, *, seed: int = 1) -> pd.DataFrame:
    """A classified events table of ``n_rows`` FICTIONAL events over about ten years."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2005-01-03T00:00", "ns").astype(np.int64)
    span = 10 * 365 * 86_400 * 10**9
    start = np.sort(base + rng.integers(0, span, n_rows)) // (60 * 10**9) * (60 * 10**9)
    types = np.array(list(_TYPES))
    weights = np.array(list(_TYPES.values()), dtype=float)
    event_type = types[rng.choice(len(types), n_rows, p=weights / weights.sum())]
    agency = np.array(S.AGENCIES[:12])[rng.integers(0, 12, n_rows)]
    agency[np.isin(event_type, ["supervision", "icpc", "core_group", "referral_decision"])] = "csc"
    injury = rng.random(n_rows) < 0.03
    suspicious = injury & (rng.random(n_rows) < 0.4)
    seen = pd.array(rng.random(n_rows) < 0.7, dtype="boolean")

    def pick(options: tuple[tuple[str, ...], ...]) -> np.ndarray:
        values = np.empty(len(options), dtype=object)
        values[:] = list(options)
        return values[rng.integers(0, len(options), n_rows)]

    ids = pd.Index([f"bench-r{i}" for i in range(2, n_rows + 2)], dtype="string", name=S.EVENT_ID)
    frame = pd.DataFrame(
        {
            S.START: start.astype("datetime64[ns]"),
            S.END: (start + 59 * 10**9).astype("datetime64[ns]"),
            S.PRECISION: "minute",
            S.AGENCY: agency,
            S.EVENT_TYPE: event_type,
            S.MENTIONS: pick(_MENTIONS),
            S.DETAILS: np.array(_TEXTS, dtype=object)[rng.integers(0, len(_TEXTS), n_rows)],
            S.OUTCOME: None,
            S.COUNTERPARTS: pick(_COUNTERPARTS),
            S.INJURY: injury,
            S.SUSPICIOUS_INJURY: suspicious,
            S.CHILD_SEEN: seen,
            S.CHILD_AGE_DAYS: pd.array(rng.integers(0, 3000, n_rows), dtype="Int64"),
            S.SOURCE_FILE: "bench.csv",
            S.SOURCE_ROW: np.arange(2, n_rows + 2),
        },
        index=ids,
    )
    frame[S.INJURY_KINDS] = pd.Series(
        [("bruise",) if i else () for i in injury.tolist()], index=ids, dtype=object
    )
    return frame


def parsed_events(n_rows: int, *, seed: int = 1) -> pd.DataFrame:
    """Events read and classified from :func:`generate.generate_chronology` rows."""
    from generate import generate_chronology

    from scr_timeline.io.table import parse_table

    raw = generate_chronology(n_rows, seed=seed)
    return parse_table(raw.astype(str), source="bench.csv").events


def main(argv: list[str] | None = None) -> int:
    """Time ``analyse`` on a synthetic chronology and print seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rulebook", default="wt2006")
    parser.add_argument("--parse", action="store_true", help="build events with parse_table")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    events = (parsed_events if args.parse else synthetic_events)(args.rows, seed=args.seed)
    chron = Chronology(events)
    print(f"built {len(chron):,} events in {time.perf_counter() - t0:.1f} s")
    book = load_rulebook(args.rulebook)
    analyse(chron.events.head(1000), rulebook=book)  # warm caches (holidays, regexes)
    best = float("inf")
    findings = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        findings = analyse(chron, rulebook=book)
        best = min(best, time.perf_counter() - t0)
    assert findings is not None
    print(f"analyse ({args.rulebook}, {len(book.rules)} rules): {best:.2f} s best of {args.repeat}")
    print(f"findings: {len(findings):,}")
    print(findings.summary().to_string())
    verdict = "meets" if best <= TARGET_SECONDS else "MISSES"
    print(f"{verdict} the target of {TARGET_SECONDS:.0f} s at {args.rows:,} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
