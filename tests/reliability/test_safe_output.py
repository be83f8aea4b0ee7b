"""Safe output: Excel-safe CSVs, valid JSON for any text, escaped HTML, atomic writes, and a
batch that can be interrupted and resumed with nothing half-written."""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import scr_timeline as scr
import scr_timeline.batch as batch_module
from scr_timeline import schema as S
from scr_timeline.cli import main

from .conftest import GENERATORS

#: A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$")
HOSTILE_TEXTS = [
    '=HYPERLINK("http://x.invalid","click")',
    "+SUM(1)",
    "-cmd|' /C calc'!A0",
    "@SUM(A1)",
    "\tTAB",
    '<script>alert("x")</script>',
    "nul \x00 bell \x07 escape \x1b[31m",
    "line\u2028separator \u202e",
]


def _formula_cells(path: Path) -> list[str]:
    """Cells of a CSV a spreadsheet would run as formulas (numbers aside)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            cell
            for row in csv.reader(handle)
            for cell in row
            if cell.startswith(FORMULA_START) and not NUMBER.match(cell)
        ]


TITLE = '<script>alert("title")</script> =cmd \x00\x07 Child A'


def _hostile_chronology() -> scr.Chronology:
    """A sample chronology whose text cells (every event's) and title hold formulas, markup
    and odd characters."""
    chron = scr.load_sample("child-a-combined")
    events = chron.events.copy()
    n = len(events)
    for shift, column in enumerate((S.DETAILS, S.OUTCOME, S.PRACTITIONER, S.SOURCE)):
        texts = [HOSTILE_TEXTS[(i + shift) % len(HOSTILE_TEXTS)] for i in range(n)]
        events[column] = pd.array(
            [
                f"{t} {v}" if i % 2 else t
                for i, (t, v) in enumerate(zip(texts, events[column], strict=True))
            ],
            dtype="string",
        )
    counterparts = events[S.COUNTERPARTS].astype(object).copy()
    counterparts.iloc[0] = ("=cmd", "@x")
    events[S.COUNTERPARTS] = counterparts
    rejected = chron.rejected.copy()
    if len(rejected):
        rejected[S.REASON] = "=1+1"
    meta = chron.meta.with_changes(title=TITLE)
    return scr.Chronology(events, rejected, chron.warnings, meta)


def _hostile_findings(chron: scr.Chronology) -> scr.Findings:
    frame = scr.analyse(chron).to_frame()
    frame["summary"] = [HOSTILE_TEXTS[i % 5] for i in range(len(frame))]
    return scr.Findings(frame, chron.events)


# --- CSV ---------------------------------------------------------------------------------------
def test_every_csv_of_an_analysis_is_safe_to_open_in_a_spreadsheet(tmp_path: Path) -> None:
    chron = _hostile_chronology()
    findings = _hostile_findings(chron)
    written = scr.write_analysis(chron, findings, tmp_path, outputs=["tables", "findings"])
    csvs = sorted(p for p in written.values() if p.suffix == ".csv")
    assert [p.name for p in csvs] == [
        "contacts.csv",
        "events.csv",
        "findings.csv",
        "rejected.csv",
        "warnings.csv",
    ]
    for path in csvs:
        assert _formula_cells(path) == [], path.name
    events = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    assert '\'=HYPERLINK("http://x.invalid","click")' in set(events[S.DETAILS])  # kept, quoted
    findings_csv = pd.read_csv(tmp_path / "findings.csv", dtype=str, keep_default_na=False)
    assert "'@SUM(A1)" in set(findings_csv["summary"])


def test_the_cli_writes_safe_csvs_for_a_hostile_file(tmp_path: Path) -> None:
    hostile = GENERATORS["formula_cells_csv"](tmp_path)
    out = tmp_path / "out"
    assert main(["analyse", str(hostile.path), "--out", str(out), "--no-plots"]) == 0
    for path in sorted(out.glob("*.csv")):
        assert _formula_cells(path) == [], path.name
    rejected = pd.read_csv(out / "rejected.csv", dtype=str, keep_default_na=False)
    assert "'=DATE(2007,3,15)" in set(rejected[S.VALUE])


def test_batch_summaries_are_safe_to_open_in_a_spreadsheet(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    GENERATORS["formula_cells_csv"](inputs)
    (inputs / "=HYPERLINK(1) @x.csv").write_bytes(b"")  # fails: its error names the file
    (inputs / "-2+3.csv").write_text("Date,Details\n12/03/2007,=1+1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = scr.analyse_many(inputs, jobs=1, progress=False, out=out, outputs=["findings"])
    assert len(result.failed) == 1
    for name in ("summary.csv", "by_rule.csv", "findings.csv"):
        assert _formula_cells(out / name) == [], name
    summary = pd.read_csv(out / "summary.csv", dtype=str, keep_default_na=False)
    assert any(error.startswith("'=HYPERLINK(1) @x.csv") for error in summary["error"])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index.lower()


# --- JSON ----------------------------------------------------------------------------------------
def _strict_json(path: Path) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(path.read_bytes().decode("utf-8"), parse_constant=refuse)


@pytest.mark.parametrize("export", ["to_node_link_json", "to_ocel"])
def test_json_exports_are_valid_for_any_text(tmp_path: Path, export: str) -> None:
    chron = _hostile_chronology()
    path = getattr(scr, export)(chron, tmp_path / "out.json")
    data = _strict_json(path)
    text = json.dumps(data, ensure_ascii=False)
    kept = TITLE if export == "to_node_link_json" else HOSTILE_TEXTS[-2]
    assert json.dumps(kept, ensure_ascii=False)[1:-1] in text  # as it was, escaped


def test_graphml_is_well_formed_for_any_text(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    path = scr.to_graphml(_hostile_chronology(), tmp_path / "graph.graphml")
    graph = ET.parse(path).getroot()
    assert "\\x00\\x07 Child A" in ET.tostring(graph, encoding="unicode")  # shown escaped


# --- HTML --------------------------------------------------------------------------------------
def test_the_report_escapes_every_text_cell(tmp_path: Path) -> None:
    chron = _hostile_chronology()
    html = scr.render_report(chron, _hostile_findings(chron))
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html


# --- atomic writes -----------------------------------------------------------------------------
def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


def _partial(path: object, data: bytes) -> None:
    """Half of ``data`` reaches the disk at ``path``, then the disk is full."""
    with open(str(path), "wb") as handle:
        handle.write(data[: len(data) // 2])
    _disk_full()


class _FullDisk:
    """A file handle that takes a few bytes and then fails."""

    def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
        self.fd = fd

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)

    def write(self, data: str) -> int:
        os.write(self.fd, data[:10].encode())
        raise OSError(28, "No space left on device")


#: How each writer puts bytes on the disk: patched to fail half-way through.
MIDWAY: dict[str, tuple[object, str, Callable[..., object]]] = {
    "csv": (pd.DataFrame, "to_csv", lambda self, path, *a, **k: _partial(path, b"Date,x\n" * 9)),
    "bytes": (Path, "write_bytes", lambda self, data: _partial(self, data)),
    "text": (Path, "write_text", lambda self, text, **k: _partial(self, text.encode())),
    "fdopen": (os, "fdopen", _FullDisk),
    "graphml": (nx, "write_graphml", lambda graph, path, **k: _partial(path, b"<graphml>" * 9)),
}

WRITERS: dict[str, tuple[str, Callable[[scr.Chronology, scr.Findings, Path], object]]] = {
    "events.csv": ("csv", lambda c, f, out: c.to_csv(out)),
    "contacts.csv": ("csv", lambda c, f, out: scr.write_analysis(c, f, out, outputs=["tables"])),
    "findings.csv": ("bytes", lambda c, f, out: f.to_csv(out)),
    "report.html": ("fdopen", lambda c, f, out: scr.write_report(c, f, out / "report.html")),
    "graph.graphml": ("graphml", lambda c, f, out: scr.to_graphml(c, out / "graph.graphml")),
    "analysis graph": (
        "graphml",
        lambda c, f, out: scr.write_analysis(c, f, out, outputs=["graph"]),
    ),
    "graph.json": ("text", lambda c, f, out: scr.to_node_link_json(c, out / "graph.json")),
    "ocel.json": ("text", lambda c, f, out: scr.to_ocel(c, out / "ocel.json")),
    "timeline.png": ("bytes", lambda c, f, out: scr.write_analysis(c, f, out, outputs=["plots"])),
}


@pytest.mark.parametrize("failure", ["midway", "rename"])
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_failed_write_leaves_the_previous_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, failure: str
) -> None:
    kind, write = WRITERS[name]
    old = scr.load_sample("child-d-well-handled")
    write(old, scr.analyse(old), tmp_path)
    final = tmp_path / name.replace("analysis graph", "graph.graphml")
    before = final.read_bytes()
    new = scr.load_sample("child-a-combined")  # other content: a direct write would show
    findings = scr.analyse(new)
    if failure == "midway":
        owner, attribute, broken = MIDWAY[kind]
        monkeypatch.setattr(owner, attribute, broken)
    else:  # everything written, then the rename fails (the process is killed, say)
        monkeypatch.setattr(os, "replace", _disk_full)
        monkeypatch.setattr(Path, "replace", _disk_full)
        monkeypatch.setattr(Path, "rename", _disk_full)
    with pytest.raises(OSError, match="No space left"):
        write(new, findings, tmp_path)
    monkeypatch.undo()
    assert final.read_bytes() == before  # the previous complete file, untouched
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []


# --- an interrupted batch ----------------------------------------------------------------------
def _cases(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"child-{chr(65 + i)}.csv").write_text(
            "Date,Agency,Details\n"
            f"0{1 + i}/03/2007,GP,Child {chr(65 + i)} seen with a bruise\n"
            f"1{i}/03/2007,Social Care,Referral received\n",
            encoding="utf-8",
        )
    return folder


def test_an_interrupted_batch_leaves_nothing_half_written_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _cases(tmp_path / "in", 4)
    out = tmp_path / "out"
    original = batch_module.write_analysis
    calls: list[str] = []

    def interrupted(chron, findings, folder, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(str(folder))
        if len(calls) == 3:  # Ctrl-C while the third chronology's files are being written
            chron.to_csv(folder)
            raise KeyboardInterrupt
        return original(chron, findings, folder, **kwargs)

    monkeypatch.setattr(batch_module, "write_analysis", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scr.analyse_many(inputs, jobs=1, progress=False, out=out, outputs=["tables", "findings"])
    monkeypatch.undo()
    finished = sorted(p.parent.name for p in out.glob(f"*/{batch_module.RESULT_FILE}"))
    assert finished == ["child-A", "child-B"]
    assert not (out / "summary.csv").exists()
    assert [p for p in out.rglob("*") if p.name.endswith(".tmp")] == []

    code = main(
        [
            *("batch", str(inputs), "--out", str(out), "--resume"),
            *("--jobs", "1", "--no-progress", "--outputs", "tables,findings"),
        ]
    )
    assert code == 0
    summary = pd.read_csv(out / "summary.csv")
    assert summary["status"].tolist() == ["ok"] * 4
    assert summary["events"].tolist() == [2] * 4
    for case in ("child-A", "child-B", "child-C", "child-D"):
        assert (out / case / "findings.csv").exists() and (out / case / "events.csv").exists()
    resumed = scr.analyse_many(
        inputs, jobs=1, progress=False, out=out, resume=True, outputs=["tables", "findings"]
    )
    assert [r.resumed for r in resumed] == [True] * 4
