"""Many chronologies at once: local processes by default, a Dask cluster when asked.

:func:`analyse_many` reads, classifies and analyses every chronology it is given, each on
its own, and returns a :class:`BatchResult`: one :class:`ChronologyResult` per
chronology, :meth:`BatchResult.summary` (one row per chronology: events, rejected rows,
findings by category, status ok/failed and the error) and :meth:`BatchResult.by_rule`
(findings per rule across every chronology: the thematic view a national review takes).

Failures are isolated: a file that cannot be read, or that breaks the analysis, becomes
a ``failed`` row with its error and the batch goes on. Even a worker process that dies
(out of memory, say) only fails the chronologies it held.

With ``out=`` each chronology gets a folder holding what ``scr-timeline analyse --out``
writes (:func:`write_analysis`), plus ``summary.csv``, ``by_rule.csv`` and an
``index.html`` linking every report. Each folder's ``result.json`` is written last, so an
interrupted batch can be finished with ``resume=True``: chronologies analysed earlier
(same input files, unchanged since) are not analysed again; failed ones are tried again.

Examples
--------
>>> import scr_timeline as scr
>>> from scr_timeline.datasets import sample_path
>>> result = scr.analyse_many(
...     [sample_path("child-a-combined"), sample_path("child-d-well-handled")],
...     jobs=1, progress=False)
>>> result.summary()[["chronology", "status", "events", "findings"]].to_string(index=False)
...
' chronology status  events  findings\\n  child-a-combined     ok ...'
>>> result.by_rule().columns[:4].tolist()
['rule_id', 'category', 'severity', 'chronologies']
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import glob
import json
import os
import re
import time
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from . import schema as S
from .chronology import Chronology, write_atomic, write_csv_atomic
from .exceptions import OutputError, ScrTimelineError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .rules import Findings, Rulebook

__all__ = [
    "OUTPUTS",
    "BatchResult",
    "ChronologyResult",
    "analyse_many",
    "batch_inputs",
    "write_analysis",
]

#: What :func:`write_analysis` can write, by name (the default is all of them).
#: ``tables``: events.csv, rejected.csv, warnings.csv and contacts.csv; ``findings``:
#: findings.csv; ``graph``: graph.graphml; ``plots``: timeline.png and network.png;
#: ``report``: report.html (with the plots inlined when they are drawn).
OUTPUTS: Final[tuple[str, ...]] = ("tables", "findings", "graph", "plots", "report")

#: The file written last into a chronology's output folder; its presence means finished.
RESULT_FILE: Final = "result.json"

_SEVERITIES: Final = ("high", "medium", "low")
_STATUSES: Final = ("missing", "late", "gap")


# --- writing one analysis ----------------------------------------------------------------------
def _outputs(outputs: str | Collection[str] | None) -> frozenset[str]:
    if outputs is None or outputs == "all":
        return frozenset(OUTPUTS)
    chosen = frozenset([outputs] if isinstance(outputs, str) else outputs)
    unknown = sorted(chosen - set(OUTPUTS))
    if unknown:
        raise ValueError(f"unknown outputs {unknown}; choose from {', '.join(OUTPUTS)}")
    return chosen


def _figure_png(draw: Callable[[Any], Any], *, size: tuple[float, float]) -> bytes:
    """Draw on a fresh matplotlib Figure (no pyplot, no window) and return it as PNG."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=size, layout="constrained")
    draw(figure.subplots())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def _ages_source(chron: Chronology) -> tuple[str, int]:
    """What the child's ages rest on (see :attr:`ChronologyResult.ages_from`) and how many
    events have one."""
    aged = int(chron.events[S.CHILD_AGE_DAYS].notna().sum()) if len(chron.events) else 0
    if chron.meta.child_dob is not None:
        inferred = bool((chron.warnings[S.CODE] == S.CHILD_DOB_INFERRED).any())
        return ("dob_inferred" if inferred else "dob_given"), aged
    return ("age_column" if aged else "none"), aged


def _write_bytes(data: bytes, path: Path) -> None:
    path.write_bytes(data)


def contacts_table(chron: Chronology) -> pd.DataFrame:
    """Contacts between agencies as a long table: agency, counterpart, contacts."""
    from .graph import contact_matrix

    matrix = contact_matrix(chron)
    counts = matrix.to_numpy()
    rows, cols = counts.nonzero()
    return pd.DataFrame(
        {
            S.AGENCY: matrix.index.to_numpy()[rows],
            "counterpart": matrix.columns.to_numpy()[cols],
            "contacts": counts[rows, cols],
        }
    )


def write_analysis(
    chron: Chronology,
    findings: Findings,
    out: str | os.PathLike[str],
    *,
    outputs: str | Collection[str] | None = None,
) -> dict[str, Path]:
    """Write what ``scr-timeline analyse --out`` writes into the folder ``out``.

    events.csv, rejected.csv, warnings.csv, contacts.csv, findings.csv, graph.graphml,
    timeline.png, network.png and report.html (self-contained, the plots inlined). CSVs
    are safe to open in Excel (formula-like cells neutralised); every file is written to
    a temporary name and renamed, so no half-written file is ever left.

    Parameters
    ----------
    outputs
        Which of :data:`OUTPUTS` to write (default all).

    Returns
    -------
    dict
        File name to the path written.
    """
    chosen = _outputs(outputs)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "tables" in chosen:
        for name, path in chron.to_csv(folder).items():
            written[f"{name}.csv"] = path
        write_csv_atomic(contacts_table(chron), folder / "contacts.csv")
        written["contacts.csv"] = folder / "contacts.csv"
    if "findings" in chosen:
        written["findings.csv"] = findings.to_csv(folder)
    if "graph" in chosen:
        from .graph import to_graphml

        write_atomic(folder / "graph.graphml", lambda tmp: to_graphml(chron, tmp))
        written["graph.graphml"] = folder / "graph.graphml"
    images: dict[str, bytes] = {}
    if "plots" in chosen:
        from .plotting import plot_network, plot_timeline

        images["Agency timeline with findings"] = _figure_png(
            lambda ax: plot_timeline(chron, findings=findings, ax=ax), size=(13, 7)
        )
        images["Contacts between agencies"] = _figure_png(
            lambda ax: plot_network(chron, ax=ax), size=(8, 7)
        )
        for name, png in zip(("timeline.png", "network.png"), images.values(), strict=True):
            write_atomic(folder / name, functools.partial(_write_bytes, png))
            written[name] = folder / name
    if "report" in chosen:
        from .report import write_report

        written["report.html"] = write_report(
            chron, findings, folder / "report.html", images=images
        )
    return written


# --- inputs ----------------------------------------------------------------------------------
def _is_chronology_file(path: Path) -> bool:
    from .io import SUPPORTED_SUFFIXES

    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith(("~$", "."))
    )


def batch_inputs(sources: Iterable[str | os.PathLike[str]]) -> list[tuple[str, tuple[Path, ...]]]:
    """The chronologies a batch runs over, as ``(name, files)``.

    A file is one chronology. A folder's chronology files are one chronology each, and
    each sub-folder holding chronology files is one case (its agency chronologies are
    merged). A pattern such as ``reviews/*.xlsx`` (``*``, ``?``, ``[``; ``**`` for any
    depth) is expanded the same way. Names come from the file or folder names, made
    safe as folder names and unique.

    Raises
    ------
    ChronologyReadError
        A path that does not exist, or a pattern or folder that matches nothing.
    """
    from .exceptions import ChronologyReadError

    found: list[tuple[str, tuple[Path, ...]]] = []

    def add(path: Path, *, top: bool) -> None:
        if path.is_dir():
            if top:
                entries = sorted(path.iterdir(), key=lambda p: p.name)
                for entry in entries:
                    if entry.is_dir() and not entry.name.startswith("."):
                        add(entry, top=False)
                    elif _is_chronology_file(entry):
                        found.append((entry.stem, (entry,)))
            else:
                files = tuple(sorted(p for p in path.iterdir() if _is_chronology_file(p)))
                if files:
                    found.append((path.name, files))
        elif path.exists():
            found.append((path.stem, (path,)))
        else:
            raise ChronologyReadError("no such file or folder", file=str(path))

    for source in sources:
        text = os.fspath(source)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            before = len(found)
            for match in sorted(glob.glob(text, recursive=True)):
                path = Path(match)
                if path.is_dir():
                    add(path, top=False)
                elif _is_chronology_file(path):
                    found.append((path.stem, (path,)))
            if len(found) == before:
                raise ChronologyReadError(
                    "the pattern matches no chronology file", file=text, expected="chronologies"
                )
        else:
            before = len(found)
            add(Path(text), top=True)
            if len(found) == before:
                raise ChronologyReadError(
                    "the folder holds no chronology files", file=text, expected="chronologies"
                )
    return _unique_names(found)


_UNSAFE: Final = re.compile(r"[^\w.-]+")


def _safe_name(name: str) -> str:
    """A folder name safe on every system: no separators, no leading dots, not empty."""
    safe = _UNSAFE.sub("-", name).strip("-.")[:80]
    return safe or "chronology"


def _unique_names(
    found: list[tuple[str, tuple[Path, ...]]],
) -> list[tuple[str, tuple[Path, ...]]]:
    seen: dict[str, int] = {}
    out = []
    for name, files in found:
        base = _safe_name(name)
        key = base.casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append((base if seen[key] == 1 else f"{base}-{seen[key]}", files))
    return out


# --- one chronology ----------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True, slots=True)
class _Task:
    index: int
    name: str
    files: tuple[str, ...]
    read_options: Mapping[str, Any]
    rulebook: Any
    out: str | None
    outputs: frozenset[str]
    keep: bool


@dataclasses.dataclass(slots=True)
class ChronologyResult:
    """What became of one chronology in a batch.

    Attributes
    ----------
    name
        The chronology's name (its file or folder name; its output folder's name).
    files
        The input files.
    status
        ``"ok"`` or ``"failed"``.
    error, error_type
        Why it failed (the error's message and class name); empty when ok.
    events, rejected, warnings
        Row counts.
    findings
        The findings table (see :data:`scr_timeline.rules.findings.FINDING_COLUMNS`), or
        None when the chronology failed.
    chronology
        The Chronology itself when the batch kept them (``keep_chronologies=True``).
    child_dob, child_dob_from
        The child's date of birth the age-based rules counted from, and where it came
        from: ``"given"`` (``child_dob=``), ``"chronology"`` (taken from the chronology
        itself, see the ``child_dob_inferred`` warning) or ``""`` when there was none.
    ages_from
        What the child's ages (and so the age-based rules, such as bruising in a baby
        under 24 months) rest on: ``"dob_given"`` (``child_dob=``), ``"dob_inferred"``
        (a date of birth taken from the chronology), ``"age_column"`` (no date of birth:
        the ages stated in the chronology's age column) or ``"none"`` (no ages: the
        age-based rules were off); ``""`` for a chronology that failed.
    events_with_age
        How many events have the child's age (with ``"age_column"``, the rows whose age
        cell could be read).
    rulebook
        The name of the rulebook it was judged by (with ``rulebook="in_force"``, the edition
        in force for most of its events); empty for a chronology that failed.
    rulebook_period
        The ``rulebook_period`` note, when the chronology was judged by guidance not in
        force at the time of its events (see :func:`scr_timeline.rules.analyse`), else "".
    seconds
        Time spent on it (reading, analysis and writing).
    out
        Its output folder, when the batch wrote one.
    resumed
        True when a finished result from an earlier run was reused.
    traceback
        The traceback of an unexpected error (not a ScrTimelineError), for bug reports.
    """

    name: str
    files: tuple[str, ...]
    status: str
    error: str = ""
    error_type: str = ""
    events: int = 0
    rejected: int = 0
    warnings: int = 0
    findings: pd.DataFrame | None = None
    chronology: Chronology | None = None
    child_dob: pd.Timestamp | None = None
    child_dob_from: str = ""
    ages_from: str = ""
    events_with_age: int = 0
    rulebook: str = ""
    rulebook_period: str = ""
    seconds: float = 0.0
    out: str | None = None
    resumed: bool = False
    traceback: str = ""
    index: int = dataclasses.field(default=0, repr=False)
    #: this chronology's rows of the batch's findings.csv, made by the worker
    csv_rows: bytes | None = dataclasses.field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _fingerprint(files: Sequence[str]) -> list[list[Any]]:
    out = []
    for f in files:
        st = Path(f).stat()
        out.append([os.path.abspath(f), st.st_size, st.st_mtime_ns])
    return out


def _run_task(task: _Task) -> ChronologyResult:
    """Read, analyse and (with an output folder) write one chronology; never raises."""
    from .io import read
    from .rules import analyse

    started = time.perf_counter()
    result = ChronologyResult(task.name, task.files, "ok", index=task.index, out=task.out)

    def work() -> None:
        chron = read(_source(task), **task.read_options)
        _analysed(result, task, chron, analyse(chron, rulebook=task.rulebook))

    _attempt(result, work)
    return _done(result, task, time.perf_counter() - started)


def _source(task: _Task) -> Any:
    return task.files[0] if len(task.files) == 1 else list(task.files)


def _attempt(result: ChronologyResult, work: Callable[[], None]) -> bool:
    """Run ``work``; when it fails, ``result`` says how (failures are isolated)."""
    try:
        work()
    except ScrTimelineError as err:
        result.status, result.error, result.error_type = "failed", str(err), type(err).__name__
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # one broken file never stops the batch
        result.status = "failed"
        result.error = f"internal error: {type(err).__name__}: {err}"
        result.error_type = type(err).__name__
        result.traceback = traceback.format_exc()
    return result.status == "ok"


def _analysed(result: ChronologyResult, task: _Task, chron: Chronology, findings: Findings) -> None:
    """Fill ``result`` from the chronology and its findings, and write its outputs."""
    result.events, result.rejected, result.warnings = (
        len(chron.events),
        len(chron.rejected),
        len(chron.warnings),
    )
    result.findings = findings.to_frame()
    result.rulebook = findings.rulebook or ""
    notes = findings.warnings
    result.rulebook_period = " ".join(
        notes.loc[notes["code"] == "rulebook_period", "message"].astype(str)
    )
    result.child_dob = chron.meta.child_dob
    if chron.meta.child_dob is not None:
        inferred = (chron.warnings[S.CODE] == S.CHILD_DOB_INFERRED).any()
        result.child_dob_from = "chronology" if inferred else "given"
    result.ages_from, result.events_with_age = _ages_source(chron)
    if task.keep:
        result.chronology = chron
    if task.out is not None:
        written = write_analysis(chron, findings, task.out, outputs=task.outputs)
        result.csv_rows = _batch_rows(task.name, result.findings, written.get("findings.csv"))


def _done(result: ChronologyResult, task: _Task, seconds: float) -> ChronologyResult:
    """``result`` with the time spent on it, its result file written."""
    result.seconds = seconds
    if task.out is not None:
        _write_result_file(result, task, Path(task.out))
    return result


# --- many chronologies together ----------------------------------------------------------------
#: Chronologies a worker reads, classifies and analyses together (see :func:`_run_grouped`):
#: the classification's fixed cost (about 30 ms a chronology) is paid once per group.
_GROUP: Final = 32
#: At most about this many events are held at once by a group (a big chronology is
#: classified on its own: stacking saves it nothing).
_GROUP_EVENTS: Final = 100_000


@dataclasses.dataclass(slots=True)
class _Read:
    """A chronology of a group, read with its classification put off."""

    task: _Task
    result: ChronologyResult
    chron: Chronology
    asked: Any  # the classification put off (classify.chronologies.Deferred), or None
    seconds: float  # spent on it so far


def _run_grouped(tasks: Sequence[_Task]) -> Iterator[ChronologyResult]:
    """Run tasks as :func:`_run_task` runs each (the same results), in groups: each file
    is read with its classification put off, the group's chronologies are classified at
    once (:func:`scr_timeline.classify.chronologies.classify_each`) and analysed at once
    (:func:`scr_timeline.rules.engine.analyse_each`), then each one's outputs written.

    A file that fails to read fails alone, as it would on its own. When classifying or
    analysing a group fails, its chronologies are run again one by one, so that one broken
    chronology never changes another's result.
    """
    if len(tasks) < 2:
        yield from map(_run_task, tasks)
        return
    group: list[_Read] = []
    events = 0
    for task in tasks:
        read = _read_deferred(task)
        if isinstance(read, ChronologyResult):
            yield read
            continue
        group.append(read)
        events += len(read.chron.events)
        if len(group) >= _GROUP or events >= _GROUP_EVENTS:
            yield from _run_group(group)
            group, events = [], 0
    yield from _run_group(group)


def _read_deferred(task: _Task) -> _Read | ChronologyResult:
    """``task``'s chronology read with its classification put off; the finished result
    when it cannot be read (or when a reader classified twice: then it is run on its own)."""
    from .classify.chronologies import deferred_classification
    from .io import read

    started = time.perf_counter()
    result = ChronologyResult(task.name, task.files, "ok", index=task.index, out=task.out)
    got: list[Any] = []

    def work() -> None:
        with deferred_classification() as asked:
            got.append(read(_source(task), **task.read_options))
        got.append(asked)

    if not _attempt(result, work):
        return _done(result, task, time.perf_counter() - started)
    chron, asked = got
    if len(asked) > 1:
        return _run_task(task)
    return _Read(task, result, chron, asked[0] if asked else None, time.perf_counter() - started)


def _run_group(group: list[_Read]) -> Iterator[ChronologyResult]:
    """Classify, analyse and write the chronologies of ``group`` (see :func:`_run_grouped`)."""
    if not group:
        return
    started = time.perf_counter()
    try:
        classified = _classify_group([r.asked for r in group])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        yield from (_run_task(r.task) for r in group)
        return
    _share(group, time.perf_counter() - started)
    ready: list[tuple[_Read, Chronology]] = []
    for read, done in zip(group, classified, strict=True):
        chron = read.chron if done is None else _completed(read, done)
        if chron is None:  # the reader changed its events after asking: on its own
            yield _run_task(read.task)
        else:
            ready.append((read, chron))
    started = time.perf_counter()
    found = _analyse_group(ready)
    _share([read for read, _chron in ready], time.perf_counter() - started)
    for (read, chron), findings in zip(ready, found, strict=True):
        started = time.perf_counter()

        def work(read: _Read = read, chron: Chronology = chron, findings: Any = findings) -> None:
            if findings is None:
                from .rules import analyse

                findings = analyse(chron, rulebook=read.task.rulebook)
            _analysed(read.result, read.task, chron, findings)

        _attempt(read.result, work)
        yield _done(read.result, read.task, read.seconds + time.perf_counter() - started)


def _completed(read: _Read, classified: Chronology) -> Chronology | None:
    """The reader's chronology with its classification (see
    :func:`scr_timeline.classify.chronologies.complete`); None when that cannot be done."""
    from .classify.chronologies import complete

    try:
        return complete(read.chron, read.asked, classified)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return None


def _share(group: Sequence[_Read], seconds: float) -> None:
    """Spread time spent on a whole group over its chronologies, by their events."""
    if not group:
        return
    sizes = np.array([len(read.chron.events) + 1 for read in group], dtype=float)
    for read, part in zip(group, seconds * sizes / sizes.sum(), strict=True):
        read.seconds += float(part)


def _classify_group(asked: Sequence[Any]) -> list[Chronology | None]:
    """The chronologies whose classification was put off, classified: together when they
    ask for the same vocabularies (all of a batch do); None where none was asked for."""
    from .classify.chronologies import classify_each
    from .io import table

    out: list[Chronology | None] = [None] * len(asked)
    alike: dict[Any, list[int]] = {}
    for i, one in enumerate(asked):
        if one is not None:
            alike.setdefault(_vocabularies_key(one.vocabularies), []).append(i)
    for members in alike.values():
        done = classify_each(
            [asked[i].chronology for i in members],
            vocabularies=asked[members[0]].vocabularies,
            duplicates=[asked[i].duplicates for i in members],
            duplicates_up_to=table.DUPLICATES_UP_TO,
        )
        for i, chron in zip(members, done, strict=True):
            out[i] = chron
    return out


def _vocabularies_key(vocabularies: Mapping[str, Any] | None) -> Any:
    if vocabularies is None:
        return None
    return tuple(sorted((str(name), os.fspath(path)) for name, path in vocabularies.items()))


def _analyse_group(ready: Sequence[tuple[_Read, Chronology]]) -> list[Findings | None]:
    """The findings of each chronology, analysed together when they are judged by the same
    rulebook; None for each when that fails (each is then analysed on its own, so that
    its failure is its own)."""
    if not ready:
        return []
    rulebook = ready[0][0].task.rulebook
    same = all(read.task.rulebook is rulebook for read, _chron in ready) or all(
        isinstance(read.task.rulebook, str) and read.task.rulebook == rulebook
        for read, _chron in ready
    )
    if same:
        from .rules.engine import analyse_each

        try:
            return list(analyse_each([chron for _read, chron in ready], rulebook=rulebook))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            pass
    return [None] * len(ready)


def _run_chunk(tasks: Sequence[_Task]) -> list[ChronologyResult]:
    return list(_run_grouped(tasks))


def _findings_rows(name: str, findings: pd.DataFrame) -> bytes:
    """One chronology's rows of the batch's findings.csv (no header): each cell is written
    on its own, so these are the very bytes of its rows in the whole file. (Severity and
    status stay categorical here: their words are written the same either way.)"""
    from .rules.findings import csv_bytes

    if not len(findings):
        return b""
    table = findings.copy(deep=False)
    table.insert(0, "chronology", np.full(len(table), name, dtype=object))
    return csv_bytes(table).partition(b"\n")[2]


#: A cell written as it is in a CSV row: no quotes needed, no formula guard (every name a
#: batch gives a chronology; see :func:`_safe_name`).
_PLAIN_CELL: Final = re.compile(r"[^=+\-@\t\r\n\",][^\r\n\",]*")


def _batch_rows(name: str, findings: pd.DataFrame, written: Path | None) -> bytes:
    """:func:`_findings_rows`, from the chronology's own findings.csv (``written``) when
    each finding is one line of it (no cell holds a line break): those lines after its
    name. (Making the rows again cost as much as writing the file: about 5 ms for 460
    findings.)"""
    if written is not None and _PLAIN_CELL.fullmatch(name):
        sep = os.linesep.encode()
        body = written.read_bytes().partition(sep)[2]  # after the header line
        if body.count(sep) == len(findings):
            cell = name.encode("utf-8") + b","
            return b"".join(cell + line + sep for line in body.split(sep)[:-1])
    return _findings_rows(name, findings)


def _summary_row(result: ChronologyResult) -> dict[str, Any]:
    return {
        "chronology": result.name,
        "files": "; ".join(Path(f).name for f in result.files),
        "status": result.status,
        "error": result.error,
        "error_type": result.error_type,
        "events": result.events,
        "rejected": result.rejected,
        "warnings": result.warnings,
        "child_dob": "" if result.child_dob is None else f"{result.child_dob:%d/%m/%Y}",
        "child_dob_from": result.child_dob_from,
        "ages_from": result.ages_from,
        "events_with_age": result.events_with_age,
        "rulebook": result.rulebook,
        "rulebook_period": result.rulebook_period,
        "seconds": round(result.seconds, 4),
    }


def _write_result_file(result: ChronologyResult, task: _Task, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "summary": _summary_row(result),
        "inputs": _fingerprint(task.files) if all(Path(f).exists() for f in task.files) else [],
        "rulebook": str(task.rulebook) if isinstance(task.rulebook, str | Path) else None,
        "outputs": sorted(task.outputs),
    }
    text = json.dumps(record, indent=1)
    write_atomic(folder / RESULT_FILE, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _resumed(task: _Task) -> ChronologyResult | None:
    """A finished result from an earlier run of the same inputs, or None."""
    if task.out is None:
        return None
    folder = Path(task.out)
    try:
        record = json.loads((folder / RESULT_FILE).read_text(encoding="utf-8"))
        if record["inputs"] != _fingerprint(task.files):
            return None
        if sorted(task.outputs) != record.get("outputs"):
            return None
        if isinstance(task.rulebook, str | Path) and record.get("rulebook") != str(task.rulebook):
            return None
        row = record["summary"]
        if "ages_from" not in row or "rulebook" not in row:
            return None  # written before the summary said where the ages came from
        if row["status"] != "ok" or "findings" not in task.outputs:
            return None  # failed last time, or its findings were not kept: try again
        findings = _read_findings_csv(folder / "findings.csv")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return ChronologyResult(
        task.name,
        task.files,
        str(row["status"]),
        error=str(row.get("error") or ""),
        error_type=str(row.get("error_type") or ""),
        events=int(row.get("events") or 0),
        rejected=int(row.get("rejected") or 0),
        warnings=int(row.get("warnings") or 0),
        child_dob=_dob(row.get("child_dob")),
        child_dob_from=str(row.get("child_dob_from") or ""),
        ages_from=str(row.get("ages_from") or ""),
        events_with_age=int(row.get("events_with_age") or 0),
        rulebook=str(row.get("rulebook") or ""),
        rulebook_period=str(row.get("rulebook_period") or ""),
        findings=findings,
        seconds=float(row.get("seconds") or 0.0),
        out=task.out,
        resumed=True,
        index=task.index,
    )


def _dob(text: object) -> pd.Timestamp | None:
    """A date of birth as a summary row writes it (dd/mm/yyyy, or empty)."""
    if not isinstance(text, str) or not text:
        return None
    return pd.Timestamp(datetime.datetime.strptime(text, "%d/%m/%Y"))


def _read_findings_csv(path: Path) -> pd.DataFrame:
    """A findings.csv written by :meth:`Findings.to_csv` as the findings table again."""
    from .rules import Findings

    raw = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    raw = raw.replace("", None)
    for column in raw.columns:  # undo the spreadsheet-safety quote of formula-like cells
        raw[column] = raw[column].str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
    return Findings(raw).to_frame()


# --- running many ------------------------------------------------------------------------------
def _chunks(tasks: Sequence[_Task], workers: int) -> list[list[_Task]]:
    """Tasks in chunks: few enough to spread evenly, big enough to save on messages."""
    size = max(1, min(_GROUP, len(tasks) // (workers * 4)))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


def _died(task: _Task, why: str) -> ChronologyResult:
    return ChronologyResult(
        task.name,
        task.files,
        "failed",
        error=why,
        error_type="WorkerDied",
        index=task.index,
        out=task.out,
    )


def _process_context() -> Any:
    """forkserver where there is one (a clean, preloaded parent to fork workers from)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["scr_timeline.batch", "scr_timeline.rules"])
        return context
    return multiprocessing.get_context("spawn")


def _run_processes(tasks: Sequence[_Task], jobs: int) -> Iterator[ChronologyResult]:
    """Run tasks over ``jobs`` processes; a worker's death fails only what it held.

    When a worker dies (killed for memory, a crash in a compiled library) the pool breaks
    and every unfinished task comes back unrun. Those are then run in order on a single
    worker: the first one unfinished when that worker dies is the one that kills it, and
    is reported as failed; the rest go on in a new worker.
    """
    # (imported here: ``analyse`` on the command line writes through this module)
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    broken: list[_Task] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_process_context()) as pool:
        futures: dict[Future[list[ChronologyResult]], list[_Task]] = {}
        for chunk in _chunks(tasks, jobs):
            try:
                futures[pool.submit(_run_chunk, chunk)] = chunk
            except BrokenProcessPool:
                broken.extend(chunk)
        while futures:
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = futures.pop(future)
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken.extend(chunk)
    remaining = sorted(broken, key=lambda t: t.index)
    why = "the worker process died while analysing it (out of memory, or a crash)"
    while remaining:
        finished: set[int] = set()
        with ProcessPoolExecutor(max_workers=1, mp_context=_process_context()) as pool:
            try:
                ordered = [(t, pool.submit(_run_task, t)) for t in remaining]
            except BrokenProcessPool:
                ordered = []
            for task, running in ordered:
                try:
                    result = running.result()
                except BrokenProcessPool:
                    break
                finished.add(task.index)
                yield result
        unfinished = [t for t in remaining if t.index not in finished]
        if unfinished:
            yield _died(unfinished[0], why)
        remaining = unfinished[1:]


def _run_dask(tasks: Sequence[_Task], client: Any) -> Iterator[ChronologyResult]:
    try:
        from distributed import Client, as_completed
    except ImportError as err:  # pragma: no cover - the dask extra is in dev
        from .exceptions import MissingDependencyError

        raise MissingDependencyError("distributed", "dask", "running on a Dask cluster") from err
    own = isinstance(client, str)
    if own:
        client = Client(client)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(tasks, workers)
        futures = client.map(_run_chunk, chunks, pure=False)
        by_key = {f.key: chunk for f, chunk in zip(futures, chunks, strict=True)}
        for future in as_completed(futures):
            try:
                yield from future.result()
            except Exception as err:  # a killed worker fails only its chunk
                why = f"the Dask worker failed: {type(err).__name__}: {err}"
                yield from (_died(t, why) for t in by_key[future.key])
    finally:
        if own:
            client.close()


def analyse_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    rulebook: str | os.PathLike[str] | Rulebook = "wt2006",
    jobs: int | None = None,
    progress: bool = True,
    client: Any = None,
    out: str | os.PathLike[str] | None = None,
    outputs: str | Collection[str] | None = None,
    force: bool = False,
    resume: bool = False,
    keep_chronologies: bool = False,
    **read_options: Any,
) -> BatchResult:
    """Analyse many chronologies, each on its own, in parallel.

    Parameters
    ----------
    paths
        Chronology files, folders and patterns (see :func:`batch_inputs`: each file is a
        chronology, each sub-folder of a given folder one case of merged agency files).
    rulebook
        The rulebook every chronology is checked against (name, TOML path or Rulebook), or
        ``"in_force"``: each chronology against the bundled edition in force for most of
        its events (``summary()`` names it).
    jobs
        Worker processes (default: one per CPU; 1 runs everything in this process).
    progress
        Show a tqdm progress bar (a widget in Jupyter).
    client
        A ``dask.distributed.Client`` or a scheduler address: run on that cluster
        instead of local processes. The workers must see the input (and output) paths.
    out
        Write each chronology's outputs into ``out/<name>/`` (see :func:`write_analysis`)
        and ``summary.csv``, ``by_rule.csv`` and ``index.html`` into ``out``.
    outputs
        Which per-chronology outputs to write (default all of :data:`OUTPUTS`).
    force
        Write into an ``out`` that already holds results (they are replaced).
    resume
        Finish an interrupted batch in ``out``: chronologies analysed earlier whose input
        files have not changed are read back, not analysed again; failed ones are tried
        again.
    keep_chronologies
        Keep every Chronology in the results (memory grows with the batch).
    **read_options
        Passed to :func:`scr_timeline.read` for every chronology (``dayfirst``,
        ``agency``, ``vocabularies``...).

    Returns
    -------
    BatchResult

    Raises
    ------
    OutputError
        ``out`` already holds results and neither ``force`` nor ``resume`` was given.
    ChronologyReadError
        A path that does not exist or a pattern that matches nothing.
    """
    sources = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    inputs = batch_inputs(sources)
    folder = Path(out) if out is not None else None
    if folder is not None:
        _check_output_folder(folder, force=force, resume=resume)
        # an output folder inside an input folder is not a chronology (`batch reviews/
        # --out reviews/results`, run again)
        inside = folder.resolve()
        inputs = [
            (name, files)
            for name, files in inputs
            if not any(inside == f.resolve().parent or inside in f.resolve().parents for f in files)
        ]
    chosen = _outputs(outputs)
    if isinstance(rulebook, os.PathLike):
        rulebook = os.fspath(rulebook)
    tasks = [
        _Task(
            index=i,
            name=name,
            files=tuple(os.fspath(f) for f in files),
            read_options=dict(read_options),
            rulebook=rulebook,
            out=os.fspath(folder / name) if folder is not None else None,
            outputs=chosen,
            keep=keep_chronologies,
        )
        for i, (name, files) in enumerate(inputs)
    ]
    results: list[ChronologyResult] = []
    todo = []
    for task in tasks:
        previous = _resumed(task) if resume else None
        if previous is not None:
            results.append(previous)
        else:
            todo.append(task)
    started = time.perf_counter()
    from tqdm.auto import tqdm

    with tqdm(
        total=len(tasks),
        initial=len(results),
        disable=not progress,
        unit="chronology",
        desc="analysing",
        dynamic_ncols=True,
    ) as bar:
        if not todo:
            runs: Iterable[ChronologyResult] = ()
        elif client is not None:
            runs = _run_dask(todo, client)
        else:
            workers = min(jobs or os.cpu_count() or 1, len(todo))
            runs = _run_processes(todo, workers) if workers > 1 else _run_grouped(todo)
        for result in runs:
            results.append(result)
            bar.update(1)
            if result.status == "failed":
                bar.set_postfix(failed=sum(r.status == "failed" for r in results), refresh=False)
    results.sort(key=lambda r: r.index)
    batch = BatchResult(
        results,
        rulebook=rulebook,
        seconds=time.perf_counter() - started,
        out=folder,
    )
    if folder is not None:
        batch.write_summaries(folder, chart="plots" in chosen)
    return batch


def _check_output_folder(folder: Path, *, force: bool, resume: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError("the output path is a file, not a folder", file=str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not (force or resume):
        raise OutputError(
            "the output folder already holds files; nothing was overwritten",
            file=str(folder),
            expected="an empty or new folder, --force to replace, or --resume to finish it",
        )


# --- the results -------------------------------------------------------------------------------
def _rules_of_editions(names: Sequence[str]) -> pd.DataFrame:
    """The rules of several rulebooks, one row per rule id: its category and severity as
    the last of them gives them, its reference per rulebook where they differ
    ("wt2006: Working Together 2006, ch. 5 ...; wt2018: ...")."""
    from .rules import list_rules

    tables = [list_rules(name).assign(_book=name) for name in names]
    rules = pd.concat(tables, ignore_index=True)
    if len(names) > 1 and "reference" in rules:
        refs = rules.groupby("id", sort=False)[["_book", "reference"]].apply(
            lambda g: (
                str(g["reference"].iloc[0])
                if g["reference"].nunique() == 1
                else "; ".join(f"{b}: {r}" for b, r in zip(g["_book"], g["reference"], strict=True))
            )
        )
        rules["reference"] = rules["id"].map(refs)
    return rules.drop_duplicates("id", keep="last").drop(columns="_book").reset_index(drop=True)


class BatchResult:
    """The results of :func:`analyse_many`, one per chronology, in input order."""

    def __init__(
        self,
        results: Sequence[ChronologyResult],
        *,
        rulebook: Any = "wt2006",
        seconds: float = 0.0,
        out: Path | None = None,
    ) -> None:
        self.results = list(results)
        self.rulebook = rulebook
        self.seconds = seconds
        self.out = out
        self._tables: dict[tuple[Any, ...], pd.DataFrame] = {}

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[ChronologyResult]:
        return iter(self.results)

    def __getitem__(self, name: str | int) -> ChronologyResult:
        if isinstance(name, int):
            return self.results[name]
        for result in self.results:
            if result.name == name:
                return result
        raise KeyError(name)

    @property
    def ok(self) -> list[ChronologyResult]:
        """The chronologies analysed."""
        return [r for r in self.results if r.status == "ok"]

    @property
    def failed(self) -> list[ChronologyResult]:
        """The chronologies that failed, each with its error."""
        return [r for r in self.results if r.status != "ok"]

    def _rules(self) -> pd.DataFrame:
        from .rules import IN_FORCE, list_rules

        try:
            if isinstance(self.rulebook, str) and self.rulebook == IN_FORCE:
                # each chronology judged by its own edition: the rules of every edition
                # used (a rule id in two editions described as in the later one)
                return _rules_of_editions(
                    sorted({r.rulebook for r in self.ok if r.rulebook}) or ["wt2006"]
                )
            return list_rules(self.rulebook)
        except ScrTimelineError:
            return pd.DataFrame(columns=["id", "category", "severity", "reference"])

    def _memo(self, name: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """``build()``, computed once for the results as they are (a copy each time: the
        caller may change it)."""
        stamp = (name, id(self.rulebook), tuple(map(id, self.results)))
        table = self._tables.get(stamp)
        if table is None:
            table = self._tables[stamp] = build()
        return table.copy()

    def findings(self) -> pd.DataFrame:
        """Every finding of every chronology, with a leading ``chronology`` column."""
        return self._memo("findings", self._findings)

    def _findings(self) -> pd.DataFrame:
        from .rules.findings import FINDING_COLUMNS

        kept = [(r.name, r.findings) for r in self.results if r.findings is not None]
        kept = [(name, frame) for name, frame in kept if len(frame)]
        columns = ["chronology", *FINDING_COLUMNS]
        if not kept:
            return pd.DataFrame({c: pd.Series([], dtype="string") for c in columns})
        table = pd.concat([frame for _, frame in kept], ignore_index=True)
        table = table.astype({"severity": str, "status": str})
        names = np.array([name for name, _ in kept], dtype=object)
        table["chronology"] = np.repeat(names, [len(frame) for _, frame in kept])
        return table.reindex(columns=columns)

    def summary(self) -> pd.DataFrame:
        """One row per chronology: status, error, events, rejected, warnings, the child's
        date of birth and where it came from, what the child's ages rest on
        (``ages_from``: a date of birth given or inferred, the chronology's age column, or
        none, when the age-based rules were off) and how many events have one, the
        rulebook it was judged by and its ``rulebook_period`` note (when that guidance was
        not in force at the time of its events), findings (in all, by category and high
        severity) and seconds."""
        return self._memo("summary", self._summary)

    def _summary(self) -> pd.DataFrame:
        categories = set(self._rules()["category"].astype(str))
        table = pd.DataFrame([_summary_row(r) for r in self.results])
        base = ["chronology", "files", "status", "error", "error_type", "events"]
        base += ["rejected", "warnings", "child_dob", "child_dob_from", "ages_from"]
        base += ["events_with_age", "rulebook", "rulebook_period", "findings"]
        base += ["high_severity"]
        for column in (*base, "seconds"):  # (all of them for a batch of none)
            if column not in table:
                table[column] = pd.Series(dtype="object")
        analysed = [r.findings is not None for r in self.results]
        findings = self.findings()
        counted = pd.Index([r.name for r in self.results])
        by_category = pd.crosstab(findings["chronology"], findings["category"].astype(str))
        categories |= set(by_category.columns)
        cat_columns = [f"findings_{c}" for c in sorted(categories)]
        counts = {
            "findings": findings.groupby("chronology").size(),
            "high_severity": findings[findings["severity"].astype(str) == "high"]
            .groupby("chronology")
            .size(),
            **{f"findings_{c}": by_category[c] for c in by_category.columns},
        }
        for column in ("findings", "high_severity", *cat_columns):
            values = counts.get(column, pd.Series(dtype="int64"))
            filled = values.reindex(counted, fill_value=0).to_numpy()
            table[column] = pd.array(filled, dtype="Int64")
            table.loc[~np.array(analysed, dtype=bool), column] = pd.NA
        return table[[*base, *cat_columns, "seconds"]]

    def by_rule(self) -> pd.DataFrame:
        """Findings per rule across every chronology analysed (the thematic view).

        One row per rule of the rulebook (rules with no finding too): how many
        chronologies have at least one finding from it, their share of the chronologies
        analysed, the findings in all and by status, severity, category and reference.
        """
        return self._memo("by_rule", self._by_rule)

    def _by_rule(self) -> pd.DataFrame:
        rules = self._rules()
        analysed = len(self.ok)
        findings = self.findings()
        table = pd.DataFrame(
            {
                "rule_id": rules["id"].astype(str),
                "category": rules["category"].astype(str),
                "severity": rules["severity"].astype(str),
            }
        )
        extra = sorted(set(findings["rule_id"].astype(str)) - set(table["rule_id"]))
        if extra:  # findings from a rule the rulebook listing does not name
            table = pd.concat([table, pd.DataFrame({"rule_id": extra})], ignore_index=True)
        ids = findings["rule_id"].astype(str)
        per = findings.assign(_rule=ids).groupby("_rule")
        chronologies = per["chronology"].nunique()
        totals = per.size()
        table["chronologies"] = table["rule_id"].map(chronologies).fillna(0).astype("int64")
        table["share"] = (table["chronologies"] / analysed).round(4) if analysed else 0.0
        table["findings"] = table["rule_id"].map(totals).fillna(0).astype("int64")
        for status in _STATUSES:
            counts = ids[findings["status"].astype(str) == status].value_counts()
            table[status] = table["rule_id"].map(counts).fillna(0).astype("int64")
        table["reference"] = (
            table["rule_id"].map(dict(zip(rules["id"], rules.get("reference", ""), strict=True)))
            if "reference" in rules
            else ""
        )
        rank = table["severity"].map({s: i for i, s in enumerate(_SEVERITIES)}).fillna(9)
        order = np.lexsort((table["rule_id"].to_numpy(), rank, -table["chronologies"].to_numpy()))
        return table.iloc[order].reset_index(drop=True)

    # -- writing ----------------------------------------------------------------------------
    def write_summaries(
        self, out: str | os.PathLike[str], *, chart: bool = True
    ) -> dict[str, Path]:
        """Write summary.csv, by_rule.csv, findings.csv (every chronology's findings,
        with a ``chronology`` column) and index.html (with the cross-review chart unless
        ``chart=False``) into ``out``."""
        from .chronology import frame_for_export
        from .report import write_batch_index
        from .rules.findings import FINDING_COLUMNS, csv_bytes

        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        by_rule = self.by_rule()
        written = {}
        for name, table in (("summary.csv", self.summary()), ("by_rule.csv", by_rule)):
            write_csv_atomic(frame_for_export(table), folder / name)
            written[name] = folder / name
        # every finding of every chronology (hundreds of thousands of rows in a big
        # batch): each chronology's rows come made by its worker (here they took seconds
        # after the workers had finished); the rest (resumed ones) are made here
        parts = [csv_bytes(pd.DataFrame(columns=["chronology", *FINDING_COLUMNS]))]
        parts += [
            r.csv_rows if r.csv_rows is not None else _findings_rows(r.name, r.findings)
            for r in self.results
            if r.findings is not None
        ]
        data = b"".join(parts)
        written["findings.csv"] = write_atomic(
            folder / "findings.csv", functools.partial(_write_bytes, data)
        )
        images = {}
        if chart:
            from .plotting import plot_by_rule
            from .plotting.by_rule import TOP_RULES

            # sized for the rules drawn: plot_by_rule draws the TOP_RULES found most often
            rules = min(int((by_rule["chronologies"] > 0).sum()), TOP_RULES)
            images["Share of the chronologies with findings from each rule"] = _figure_png(
                lambda ax: plot_by_rule(by_rule, ax=ax),
                size=(9, max(2.5, 0.32 * rules + 1.3)),
            )
        written["index.html"] = write_batch_index(self, folder / "index.html", images=images)
        return written

    # -- display ----------------------------------------------------------------------------
    def __repr__(self) -> str:
        return (
            f"<BatchResult {len(self)} chronologies: {len(self.ok)} ok, "
            f"{len(self.failed)} failed; rulebook={self.rulebook!r}>"
        )

    def _repr_html_(self) -> str:
        import html

        failed = "".join(
            f"<li>{html.escape(r.name)}: {html.escape(r.error)}</li>" for r in self.failed[:20]
        )
        more = f"<li>... and {len(self.failed) - 20} more</li>" if len(self.failed) > 20 else ""
        by_rule = self.by_rule().head(10)[["rule_id", "category", "chronologies", "findings"]]
        return (
            f"<div class='scr-batch'><strong>Batch</strong>: {len(self)} chronologies, "
            f"{len(self.ok)} ok, {len(self.failed)} failed ({html.escape(str(self.rulebook))})"
            + (f"<ul>{failed}{more}</ul>" if failed else "")
            + by_rule.to_html(index=False, escape=True)
            + "</div>"
        )
