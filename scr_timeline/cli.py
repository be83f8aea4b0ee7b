"""The ``scr-timeline`` command line: analyse, batch, validate, rules, demo.

Exit codes:

- 0: done;
- 1: ``--fail-on SEVERITY`` was given and a finding at or above that severity exists;
- 2: bad input or an output that cannot be written (one line per error on stderr), or,
  for ``batch``, at least one chronology failed (the rest were still analysed);
- 3: an internal error (a bug: please report it with the output of ``--debug``);
- 130: interrupted.

Tracebacks are shown only with ``--debug``. See docs/cli.md for every option.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import __version__
from .exceptions import MissingDependencyError, ScrTimelineError

if TYPE_CHECKING:
    from .chronology import Chronology
    from .rules import Findings

__all__ = ["main"]


def _add_read_options(parser: argparse.ArgumentParser, *, one_case: bool = True) -> None:
    """Options of reading; ``one_case`` adds the inputs and the options of a single case."""
    if one_case:
        parser.add_argument(
            "inputs", nargs="+", metavar="INPUT", help="chronology files or folders"
        )
        parser.add_argument(
            "--child-dob", metavar="DATE", help="child's date of birth (dd/mm/yyyy)"
        )
        parser.add_argument("--end-date", metavar="DATE", help="end of the period under review")
    else:
        parser.set_defaults(child_dob=None, end_date=None)
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


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def _add_rulebook_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rulebook",
        default="wt2006",
        metavar="NAME|PATH",
        help="rulebook name (wt2006, wt2010, wt2013, wt2015, wt2018, wt2023), in_force (for "
        "each chronology, the edition in force for most of its events) or TOML file "
        "(default: wt2006)",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="write into an output folder that holds files"
    )
    parser.add_argument(
        "--no-plots",
        action="store_true",
        help="skip timeline.png and network.png (the report is written without them)",
    )
    parser.add_argument(
        "--outputs",
        metavar="LIST",
        help="comma-separated outputs to write: tables, findings, graph, plots, report "
        "(default: all)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("high", "medium", "low"),
        metavar="SEVERITY",
        help="exit with 1 when a finding at or above SEVERITY (high, medium, low) exists",
    )


def _chosen_outputs(args: argparse.Namespace) -> list[str]:
    from .batch import OUTPUTS

    if args.outputs:
        chosen = [o.strip() for o in args.outputs.split(",") if o.strip()]
        unknown = [o for o in chosen if o not in OUTPUTS]
        if unknown:
            raise _UsageError(
                f"--outputs: unknown output {unknown[0]!r}; choose from {', '.join(OUTPUTS)}"
            )
    else:
        chosen = list(OUTPUTS)
    if args.no_plots:
        chosen = [o for o in chosen if o != "plots"]
    return chosen


def _one_line(text: str) -> str:
    """An error message as one printable line: line breaks, tabs and terminal escape
    sequences (from a file name or a cell) are shown escaped, never acted on."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class _UsageError(Exception):
    """A command-line option that cannot be honoured (exit 2, one line)."""


def _fails(severities: Sequence[object], threshold: str | None) -> bool:
    if threshold is None:
        return False
    limit = _SEVERITY_RANK[threshold]
    return any(_SEVERITY_RANK.get(str(s), 9) <= limit for s in severities)


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


_ANALYSE_WITH = re.compile(r"analyse with rulebook='([\w.-]+)'")


def _print_findings(findings: Findings, *, examples: int | None = 3) -> None:
    """Findings: counts by category and summaries (``examples`` of them, or all), most
    severe first."""
    frame = findings.to_frame()
    book = findings.rulebook or "wt2006"
    notes = findings.warnings  # (the rulebook's edition against the case's dates)
    for code, message in zip(notes["code"], notes["message"], strict=True):
        # on the command line the advice is an option, not a Python argument
        message = _ANALYSE_WITH.sub(
            r"run again with --rulebook \1 (or --rulebook in_force)", message
        )
        print(f"  note ({code}): {message}")
    if frame.empty:
        print(f"  findings ({book}): none: every procedure checked was followed in time")
        return
    counts = frame["category"].value_counts()
    print(
        f"  findings ({book}): {len(frame)}: "
        + ", ".join(f"{category} {n}" for category, n in counts.items())
    )
    order = {"high": 0, "medium": 1, "low": 2}
    shown = frame.assign(_rank=frame["severity"].map(order)).sort_values(
        ["_rank", "trigger_start"], kind="stable"
    )
    if examples is None:
        # the four columns printed only (itertuples walked every column of every finding)
        columns = (shown[name] for name in ("severity", "status", "rule_id", "summary"))
        lines = [
            f"    [{severity}, {status}] {rule_id}: {summary}"
            for severity, status, rule_id, summary in zip(*columns, strict=True)
        ]
        print("\n".join(lines))
        return
    for summary in shown["summary"].head(examples):
        print(f"    - {summary}")


def _cmd_demo(args: argparse.Namespace) -> int:
    from .batch import write_analysis
    from .datasets import list_samples, load_sample
    from .rules import IN_FORCE, analyse

    samples = list_samples()
    out = Path(args.out)
    print(f"scr_timeline {__version__}: demo on {len(samples)} fictional sample chronologies\n")
    reports = []
    for _, sample in samples.iterrows():
        try:
            chron = load_sample(sample["name"])
        except MissingDependencyError as err:  # a Word or PDF sample without that extra
            print(f"== {sample['file']}: skipped: {err}\n")
            continue
        # each case judged by the guidance of its time (child-b is a 2011-13 case)
        findings = analyse(chron, rulebook=IN_FORCE)
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
        reports.append(write_analysis(chron, findings, out / str(sample["name"]))["report.html"])
        print()
    print(f"tables, plots and a report for each sample written under {out.resolve()}:")
    for report in reports:
        print(f"  {report.resolve()}")
    return 0


def _cmd_analyse(args: argparse.Namespace) -> int:
    from .io import read
    from .rules import analyse

    out = Path(args.out) if args.out else None
    # the outputs are checked (a wrong name is an error with or without --out) and the
    # batch module imported only when asked for: a run that prints its findings needs none
    chosen = _chosen_outputs(args) if out is not None or args.outputs else []
    if out is not None:
        from .batch import _check_output_folder

        _check_output_folder(out, force=args.force, resume=False)
    source = args.inputs[0] if len(args.inputs) == 1 else args.inputs
    chron = read(source, title=args.title, **_read_options(args))  # type: ignore[arg-type]
    if args.anonymise:
        from .anonymise import anonymise_with_keyfile

        chron = anonymise_with_keyfile(chron, args.anonymise, out_dir=out)
    findings = analyse(chron, rulebook=args.rulebook)
    print(chron.summary())
    _print_findings(findings, examples=None)
    if out is not None:
        from .batch import write_analysis

        written = write_analysis(chron, findings, out, outputs=chosen)
        print(f"written to {out.resolve()}: " + ", ".join(written))
    return 1 if _fails(findings.to_frame()["severity"].tolist(), args.fail_on) else 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import analyse_many

    if args.jobs is not None and args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
    options: dict[str, Any] = _read_options(args)
    for option in ("child_dob", "end_date"):
        options.pop(option, None)
    result = analyse_many(
        args.inputs,
        rulebook=args.rulebook,
        jobs=args.jobs,
        client=args.dask,
        out=args.out,
        outputs=_chosen_outputs(args),
        force=args.force,
        resume=args.resume,
        progress=not args.no_progress,
        **options,
    )
    findings = result.findings()
    resumed = sum(r.resumed for r in result)
    print(
        f"{len(result)} chronologies: {len(result.ok)} ok, {len(result.failed)} failed"
        + (f" ({resumed} finished earlier, not analysed again)" if resumed else "")
        + f"; {len(findings)} findings ({result.rulebook})"
    )
    by_rule = result.by_rule()
    top = by_rule[by_rule["chronologies"] > 0].head(5)
    for row in top.itertuples():
        print(f"  {row.rule_id}: in {row.chronologies} chronologies ({row.share:.0%})")
    for failed in result.failed:
        print(_one_line(f"error: {failed.name}: {failed.error}"), file=sys.stderr)
    print(f"written to {Path(args.out).resolve()}: summary.csv, by_rule.csv, index.html")
    if result.failed:
        return 2
    return 1 if _fails(findings["severity"].tolist(), args.fail_on) else 0


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


def validation_table(chron: Chronology) -> pd.DataFrame:
    """What a reviewer must fix before analysis, one row per rejected row or warning, in
    file, sheet and row order: file, sheet, row, kind (``rejected`` or ``warning``),
    code, message and the cell as written (a rejected row's date cell, else its value)."""
    from . import schema as S

    columns = {S.SOURCE_FILE: "file", S.SOURCE_SHEET: "sheet", S.SOURCE_ROW: "row"}
    rejected = chron.rejected
    written = (
        rejected[S.DATE_TEXT]
        .astype(object)
        .where(rejected[S.DATE_TEXT].notna(), rejected[S.VALUE].astype(object))
    )
    rejected = rejected.rename(
        columns={**columns, S.REASON_CODE: "code", S.REASON: "message"}
    ).assign(kind="rejected", value=written)
    warned = chron.warnings.rename(columns=columns).assign(kind="warning", value=None)
    order = ["file", "sheet", "row", "kind", "code", "message", "value"]
    parts = [frame[order].astype(object) for frame in (rejected, warned) if len(frame)]
    if not parts:
        return pd.DataFrame(columns=order)
    table = pd.concat(parts, ignore_index=True)
    return table.sort_values(
        ["file", "sheet", "row"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .batch import _check_output_folder
    from .chronology import frame_for_export, write_csv_atomic
    from .io import read

    out = Path(args.out) if args.out else None
    if out is not None:
        _check_output_folder(out, force=args.force, resume=False)
    source = args.inputs[0] if len(args.inputs) == 1 else args.inputs
    chron = read(source, **_read_options(args))  # type: ignore[arg-type]
    print(chron.summary())
    problems = validation_table(chron)
    if len(problems):
        print(_left_aligned(problems.drop(columns="value")))
    else:
        print("  nothing to fix")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_csv_atomic(frame_for_export(problems), out / "validation.csv")
        print(f"written to {out.resolve()}: validation.csv ({len(problems)} row(s))")
    return 0


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
        "validate", help="list what must be fixed in one case's chronologies before analysis"
    )
    _add_read_options(validate)
    validate.add_argument("--out", metavar="DIR", help="also write the list to DIR/validation.csv")
    validate.add_argument(
        "--force", action="store_true", help="write into an output folder that holds files"
    )
    validate.set_defaults(func=_cmd_validate)

    analyse = sub.add_parser(
        "analyse",
        help="read one case's chronologies, run a rulebook, print the findings and write "
        "tables, plots and a report with --out",
    )
    _add_read_options(analyse)
    _add_rulebook_option(analyse)
    analyse.add_argument("--title", help="the chronology's title (default: from the file)")
    analyse.add_argument(
        "--out", metavar="DIR", help="write the tables, graph, plots and report.html into DIR"
    )
    analyse.add_argument(
        "--anonymise",
        metavar="KEYFILE",
        help="replace names with labels (Child A, Mother, SW1...) before analysis; the key "
        "is read from KEYFILE, or written there when it does not exist (keep it apart from "
        "the outputs)",
    )
    _add_output_options(analyse)
    analyse.set_defaults(func=_cmd_analyse)

    batch = sub.add_parser(
        "batch",
        help="analyse many chronologies (files, folders of cases, patterns) in parallel",
    )
    batch.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT_DIR_OR_GLOB",
        help="chronology files, folders (each file, or each sub-folder of agency files, is "
        "one chronology) or patterns such as 'reviews/*.xlsx'",
    )
    batch.add_argument("--out", metavar="DIR", required=True, help="the output folder")
    batch.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: one per CPU)"
    )
    batch.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is ADDRESS"
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted batch in --out: chronologies analysed earlier (inputs "
        "unchanged) are not analysed again; failed ones are tried again",
    )
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_read_options(batch, one_case=False)
    _add_rulebook_option(batch)
    _add_output_options(batch)
    batch.set_defaults(func=_cmd_batch)

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
    if argv is None:  # a program run (not a call from Python):
        # the objects made by importing pandas and the rest live as long as the process;
        # frozen, the collector stops walking them on every full collection (about 0.1 s
        # of a one-file run)
        gc.freeze()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (ScrTimelineError, _UsageError) as err:
        if args.debug:
            raise
        print(_one_line(f"error: {err}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was piped into `head` or similar: stop quietly
        sys.stderr.close()
        return 0
    except OSError as err:  # a file that cannot be opened or written
        if args.debug:
            raise
        where = f"{err.filename}: " if err.filename else ""
        print(_one_line(f"error: {where}{err.strerror or err}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        if args.debug:
            raise
        print(
            _one_line(
                f"internal error: {type(err).__name__}: {err} (this is a bug in scr_timeline; "
                "run again with --debug for the traceback and report it)"
            ),
            file=sys.stderr,
        )
        return 3
