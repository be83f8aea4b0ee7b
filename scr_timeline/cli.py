"""The ``scr-timeline`` command line.

Exit codes: 0 success, 2 bad input (one line per error on stderr), 1 reserved for
``--fail-on``. Tracebacks only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import __version__
from .chronology import write_csv_atomic
from .exceptions import ScrTimelineError

if TYPE_CHECKING:
    from .chronology import Chronology
    from .rules import Findings

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


def _print_findings(findings: Findings, *, examples: int = 3) -> None:
    """Findings: counts by category and a few summaries, most severe first."""
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


def _figure_png(draw: Callable[[Any], Any], *, size: tuple[float, float]) -> bytes:
    """Draw on a fresh matplotlib Figure (no pyplot, no window) and return it as PNG."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=size, layout="constrained")
    draw(figure.subplots())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def write_analysis(chron: Chronology, findings: Findings, out: Path) -> Path:
    """Write what ``analyse --out`` writes into ``out``; returns the report's path.

    events.csv, rejected.csv, warnings.csv, findings.csv, contacts.csv, graph.graphml,
    timeline.png, network.png and report.html (self-contained, with the plots inlined).
    """
    from . import schema as S
    from .graph import contact_matrix, to_graphml
    from .plotting import plot_network, plot_timeline
    from .report import write_report

    out.mkdir(parents=True, exist_ok=True)
    chron.to_csv(out)
    findings.to_csv(out)
    matrix = contact_matrix(chron)
    counts = matrix.to_numpy()
    rows, cols = counts.nonzero()
    contacts = pd.DataFrame(
        {
            S.AGENCY: matrix.index.to_numpy()[rows],
            "counterpart": matrix.columns.to_numpy()[cols],
            "contacts": counts[rows, cols],
        }
    )
    write_csv_atomic(contacts, out / "contacts.csv")
    to_graphml(chron, out / "graph.graphml")
    images = {
        "Agency timeline with findings": _figure_png(
            lambda ax: plot_timeline(chron, findings=findings, ax=ax), size=(13, 7)
        ),
        "Contacts between agencies": _figure_png(
            lambda ax: plot_network(chron, ax=ax), size=(8, 7)
        ),
    }
    for name, png in zip(("timeline.png", "network.png"), images.values(), strict=True):
        tmp = out / f".{name}.tmp"
        tmp.write_bytes(png)
        tmp.replace(out / name)
    return write_report(chron, findings, out / "report.html", images=images)


def _cmd_demo(args: argparse.Namespace) -> int:
    from .datasets import list_samples, load_sample
    from .rules import analyse

    samples = list_samples()
    out = Path(args.out)
    print(f"scr_timeline {__version__}: demo on {len(samples)} fictional sample chronologies\n")
    reports = []
    for _, sample in samples.iterrows():
        chron = load_sample(sample["name"])
        findings = analyse(chron)
        print(f"== {sample['file']}: {sample['description']}")
        print(chron.summary())
        _print_contents(chron)
        _print_findings(findings)
        if len(chron.rejected):
            print("  rejected rows:")
            for _, row in chron.rejected.iterrows():
                sheet = (
                    f" sheet {row['source_sheet']!r}"
                    if row["source_sheet"] is not None and str(row["source_sheet"]) != "<NA>"
                    else ""
                )
                print(f"    {row['source_file']}{sheet} row {row['source_row']}: {row['reason']}")
        reports.append(write_analysis(chron, findings, out / str(sample["name"])))
        print()
    print(f"tables, plots and a report for each sample written under {out.resolve()}:")
    for report in reports:
        print(f"  {report.resolve()}")
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
    demo.add_argument(
        "--out",
        metavar="DIR",
        default="scr-demo-output",
        help="folder for the tables, plots and reports (default: ./scr-demo-output)",
    )
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
