"""The ``scr-timeline`` command line.

Exit codes: 0 success, 2 bad input (one line per error on stderr), 1 reserved for
``--fail-on``. Tracebacks only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import __version__
from .exceptions import ScrTimelineError

if TYPE_CHECKING:
    from .chronology import Chronology

__all__ = ["main"]


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="chronology files or folders")
    parser.add_argument("--child-dob", metavar="DATE", help="child's date of birth (dd/mm/yyyy)")
    parser.add_argument("--end-date", metavar="DATE", help="end of the period under review")
    parser.add_argument(
        "--agency", metavar="AGENCY", help="agency of rows that have none (e.g. gp, police)"
    )
    parser.add_argument(
        "--month-first",
        action="store_true",
        help="read numeric dates month first (default: day first unless the file proves otherwise)",
    )
    parser.add_argument(
        "--anchor-relative",
        action="store_true",
        help="date relative cells ('2 weeks later') from the row above instead of rejecting them",
    )


def _read_options(args: argparse.Namespace) -> dict[str, object]:
    return {
        "child_dob": args.child_dob,
        "end_date": args.end_date,
        "agency": args.agency,
        "dayfirst": False if args.month_first else None,
        "anchor_relative": args.anchor_relative,
    }


def _print_contents(chron: Chronology) -> None:
    """What the events say: event types, injuries, and the busiest contacts."""
    import numpy as np

    from . import schema as S
    from .graph import contact_matrix

    ev = chron.events
    if ev.empty:
        return
    types = ev[S.EVENT_TYPE].astype("string").fillna("other").value_counts().head(6)
    print("  most frequent events: " + ", ".join(f"{t} {n}" for t, n in types.items()))
    injuries = ev[ev[S.INJURY]]
    if len(injuries):
        suspicious = int(injuries[S.SUSPICIOUS_INJURY].sum())
        first = injuries.iloc[0]
        print(
            f"  injuries recorded: {len(injuries)} ({suspicious} suspicious); first on "
            f"{first[S.START]:%d/%m/%Y} by {S.AGENCY_LABELS.get(str(first[S.AGENCY]), first[S.AGENCY])}"
        )
    matrix = contact_matrix(chron)
    counts = matrix.to_numpy(dtype=np.int64)
    rows, cols = np.nonzero(counts)
    pairs = [
        (int(counts[i, j]), str(matrix.index[int(i)]), str(matrix.columns[int(j)]))
        for i, j in zip(rows, cols, strict=True)
    ]
    busiest = sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))[:4]
    if busiest:
        print("  busiest contacts: " + ", ".join(f"{a} -> {b} {n}" for n, a, b in busiest))
    duplicates = int(ev[S.DUPLICATE_OF].notna().sum())
    if duplicates:
        print(f"  contacts recorded by both agencies (linked by duplicate_of): {duplicates}")


def _print_findings(chron: Chronology, *, examples: int = 3) -> None:
    """Findings of the default rulebook: counts by category and a few summaries."""
    from .rules import analyse

    findings = analyse(chron)
    frame = findings.to_frame()
    if frame.empty:
        print("  findings (wt2006): none: every procedure checked was followed in time")
        return
    counts = frame["category"].value_counts()
    print(
        f"  findings (wt2006): {len(frame)}: "
        + ", ".join(f"{category} {n}" for category, n in counts.items())
    )
    order = {"high": 0, "medium": 1, "low": 2}
    shown = frame.assign(_rank=frame["severity"].map(order)).sort_values(
        ["_rank", "trigger_start"], kind="stable"
    )
    for summary in shown["summary"].head(examples):
        print(f"    - {summary}")


def _cmd_demo(args: argparse.Namespace) -> int:
    from .datasets import list_samples, load_sample

    samples = list_samples()
    print(f"scr_timeline {__version__}: demo on {len(samples)} fictional sample chronologies\n")
    for _, sample in samples.iterrows():
        chron = load_sample(sample["name"])
        print(f"== {sample['file']}: {sample['description']}")
        print(chron.summary())
        _print_contents(chron)
        _print_findings(chron)
        if len(chron.rejected):
            print("  rejected rows:")
            for _, row in chron.rejected.iterrows():
                sheet = (
                    f" sheet {row['source_sheet']!r}"
                    if row["source_sheet"] is not None and str(row["source_sheet"]) != "<NA>"
                    else ""
                )
                print(f"    {row['source_file']}{sheet} row {row['source_row']}: {row['reason']}")
        print()
    if args.out:
        out = Path(args.out)
        for _, sample in samples.iterrows():
            load_sample(sample["name"]).to_csv(out / sample["name"])
        print(f"canonical tables written to {out.resolve()}")
    return 0


def _left_aligned(table: pd.DataFrame) -> str:
    """A plain-text table, every column left-aligned, blanks for missing cells."""

    def text(value: object) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    cells = [[text(v) for v in row] for row in table.itertuples(index=False)]
    headers = [str(c) for c in table.columns]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _cmd_validate(args: argparse.Namespace) -> int:

    from .io import read

    status = 0
    for source in args.inputs:
        try:
            chron = read(source, **_read_options(args))  # type: ignore[arg-type]
        except ScrTimelineError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 2
            continue
        print(chron.summary())
        problems = []
        for _, row in chron.rejected.iterrows():
            problems.append(
                {
                    "file": row["source_file"],
                    "sheet": row["source_sheet"],
                    "row": row["source_row"],
                    "kind": "rejected",
                    "code": row["reason_code"],
                    "message": row["reason"],
                }
            )
        for _, row in chron.warnings.iterrows():
            problems.append(
                {
                    "file": row["source_file"],
                    "sheet": row["source_sheet"],
                    "row": row["source_row"],
                    "kind": "warning",
                    "code": row["code"],
                    "message": row["message"],
                }
            )
        if problems:
            table = pd.DataFrame(problems).sort_values(
                ["file", "sheet", "row"], na_position="last", kind="stable"
            )
            print(_left_aligned(table))
        else:
            print("  nothing to fix")
        print()
    return status


def _cmd_rules(args: argparse.Namespace) -> int:

    from .rules import list_rules

    table = list_rules(args.rulebook)
    columns = [
        c for c in ("id", "kind", "category", "severity", "window", "reference") if c in table
    ]
    with pd.option_context(
        "display.max_rows", None, "display.max_colwidth", 70, "display.width", 220
    ):
        print(f"rulebook {args.rulebook}: {len(table)} rules")
        print(table[columns].to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (for documentation tools and tests)."""
    parser = argparse.ArgumentParser(
        prog="scr-timeline",
        description="Read, merge and analyse child safeguarding review chronologies.",
    )
    parser.add_argument("--version", action="version", version=f"scr-timeline {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="read the bundled fictional samples and summarise them")
    demo.add_argument("--out", metavar="DIR", help="also write their canonical tables here")
    demo.set_defaults(func=_cmd_demo)

    validate = sub.add_parser(
        "validate", help="list what must be fixed in chronologies before analysis"
    )
    _add_read_options(validate)
    validate.set_defaults(func=_cmd_validate)

    rules = sub.add_parser("rules", help="list the rules of a rulebook")
    rules.add_argument(
        "--rulebook", default="wt2006", metavar="NAME|PATH", help="rulebook name or TOML file"
    )
    rules.set_defaults(func=_cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Examples
    --------
    >>> import contextlib, io
    >>> from scr_timeline.datasets import sample_path
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     code = main(["validate", str(sample_path("child-a-combined"))])
    >>> code
    0
    >>> "events from" in out.getvalue()
    True
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ScrTimelineError as err:
        if args.debug:
            raise
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
