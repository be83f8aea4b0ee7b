"""Graph benchmarks: the aggregated agency graph and the contact matrix at 1e6 events.

    python benchmarks/bench_graph.py --events 1000000

The events are built directly with numpy (no reading, no classification): random recording
agencies, counterpart tuples of zero to three agencies or family members, event types and
injuries, sorted by start. Counterpart tuples are fresh objects per row, as a reader makes them
(``--shared-tuples`` draws them from one pool of objects instead, the kindest case).

Prints the best wall time of several runs for:

- ``build_graph`` (aggregated; target <= 0.1 s at 1e6 events),
- ``contact_matrix`` (whole chronology, and per month),
- ``knowledge`` of one early event and ``as_of(..., agency=...)`` at 1e5 events (knowledge
  target: well under a second), and ``find_duplicates`` at 1e5 events.

For reference it also times ``pandas.factorize`` of the counterparts column alone: the one
pass over a million Python tuples that any reading of an object column costs, and the floor
under ``build_graph``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scr_timeline import schema as S
from scr_timeline.chronology import EVENT_DTYPES, Chronology, tuples_as_category
from scr_timeline.classify.duplicates import find_duplicates
from scr_timeline.graph import as_of, build_graph, contact_matrix, knowledge

#: How often each agency records an event (the rest are spread over the other agencies).
AGENCY_WEIGHTS: dict[str, float] = {
    "csc": 0.30,
    "police": 0.15,
    "gp": 0.10,
    "health_visiting": 0.10,
    "hospital": 0.08,
    "education": 0.07,
}


def best_of(repeats: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``repeats`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - t0)
    return best, result


def synthetic_events(
    n: int, *, seed: int = 1, shared_tuples: bool = False, as_classified: bool = False
) -> pd.DataFrame:
    """``n`` canonical events with random agencies, counterparts, types and injuries.

    ``as_classified`` stores ``counterparts`` as the classifier does (each distinct tuple
    once: :func:`scr_timeline.chronology.tuples_as_category`); otherwise every row holds a
    tuple object of its own, as a table built by hand would.
    """
    rng = np.random.default_rng(seed)
    agencies = np.array(S.AGENCIES)
    weights = np.array([AGENCY_WEIGHTS.get(a, 0.0) for a in S.AGENCIES])
    rest = weights == 0
    weights[rest] = (1 - weights.sum()) / rest.sum()
    agency_codes = rng.choice(len(agencies), size=n, p=weights)

    names = np.array([*S.AGENCIES, "mother", "father", "partner", "child"], dtype=object)
    pool_size = 4_000
    sizes = rng.choice(4, size=pool_size, p=[0.35, 0.4, 0.18, 0.07])
    pool = np.empty(pool_size, dtype=object)
    pool[:] = [tuple(rng.choice(names, size=k, replace=False).tolist()) for k in sizes]
    picks = rng.integers(0, pool_size, size=n)
    counterparts: object
    if as_classified:
        distinct, codes = np.unique(picks, return_inverse=True)
        counterparts = tuples_as_category(codes, list(pool[distinct]))
    else:
        counterparts = np.empty(n, dtype=object)
        if shared_tuples:
            counterparts[:] = pool[picks]
        else:
            counterparts[:] = [tuple(list(pool[i])) for i in picks.tolist()]

    days = np.sort(rng.integers(0, 365 * 8, size=n))
    start = np.datetime64("2005-01-01", "ns") + days.astype("timedelta64[D]")
    end = start + np.timedelta64(86_399, "s")
    frame = pd.DataFrame(
        {
            S.START: start,
            S.END: end,
            S.AGENCY: pd.Categorical.from_codes(agency_codes, categories=list(S.AGENCIES)),
            S.EVENT_TYPE: pd.Categorical.from_codes(
                rng.integers(0, len(S.EVENT_TYPES), size=n), categories=list(S.EVENT_TYPES)
            ),
            S.COUNTERPARTS: counterparts,
            S.INJURY: rng.random(n) < 0.05,
            S.SOURCE_ROW: np.arange(2, n + 2),
        },
        index=pd.Index([f"e{i}" for i in range(n)], dtype="string", name=S.EVENT_ID),
    )
    templates = np.array(
        [
            "Phoned HV re bruise on left arm",
            "Call from GP re bruise on left arm",
            "Strategy discussion, s47 agreed",
            "Home visit, mother tearful, baby well",
            "Referral received from school",
        ],
        dtype=object,
    )
    frame[S.DETAILS] = pd.array(templates[rng.integers(0, len(templates), size=n)], dtype="string")
    frame[S.PRECISION] = pd.Categorical(
        ["day"] * n, categories=EVENT_DTYPES[S.PRECISION].categories
    )
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--query-events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--shared-tuples", action="store_true")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    hand = Chronology(synthetic_events(args.events, shared_tuples=args.shared_tuples))
    chron = Chronology(synthetic_events(args.events, as_classified=True))
    print(f"built 2 x {len(chron):,} synthetic events in {time.perf_counter() - t0:.1f} s")

    counterparts = hand.events[S.COUNTERPARTS].to_numpy(dtype=object)
    seconds, _ = best_of(args.repeats, lambda: pd.factorize(counterparts))
    print(f"pandas.factorize of a hand-built counterparts column: {seconds:.3f} s")
    seconds, graph = best_of(args.repeats, lambda: build_graph(chron))
    status = "ok" if seconds <= 0.1 else "OVER TARGET"
    print(
        f"build_graph (aggregated, counterparts as classified): {seconds:.3f} s "
        f"({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
        f"target <= 0.1 s: {status})"
    )
    seconds, _ = best_of(args.repeats, lambda: build_graph(hand))
    print(f"build_graph (aggregated, a hand-built tuple per row): {seconds:.3f} s")
    seconds, matrix = best_of(args.repeats, lambda: contact_matrix(chron))
    print(f"contact_matrix:           {seconds:.3f} s ({matrix.shape[0]}x{matrix.shape[1]})")
    seconds, matrix = best_of(args.repeats, lambda: contact_matrix(chron, freq="M"))
    print(f"contact_matrix(freq='M'): {seconds:.3f} s ({matrix.shape[0]} rows)")

    small = Chronology(synthetic_events(args.query_events, seed=2))
    first = str(small.events.index[0])
    seconds, known = best_of(args.repeats, lambda: knowledge(small, first))
    print(
        f"knowledge at {len(small):,} events: {seconds:.3f} s "
        f"({int(known['known_from'].notna().sum())} agencies reached)"
    )
    middle = small.events[S.START].iloc[len(small) // 2]
    seconds, view = best_of(args.repeats, lambda: as_of(small, middle, agency="gp"))
    print(f"as_of(agency='gp') at {len(small):,} events: {seconds:.3f} s ({len(view):,} events)")
    seconds, found = best_of(1, lambda: find_duplicates(small.events))
    print(
        f"find_duplicates at {len(small):,} events: {seconds:.3f} s "
        f"({int(found.notna().sum()):,} copies linked)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
