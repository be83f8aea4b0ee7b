"""No network access anywhere: reading, analysing, reports, batches and the command line run
with every internet socket refused, and make no attempt to open one."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline.cli import main
from scr_timeline.datasets import sample_path

INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkAttempt(AssertionError):
    """Raised where the library tried to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse every internet connection and name lookup; returns the attempts made."""
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def refuse(what: str) -> None:
        attempts.append(what)
        raise NetworkAttempt(f"network access attempted: {what}")

    def connect(self: socket.socket, address: object) -> None:
        if self.family in INTERNET:
            refuse(f"connect {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]  # local (Unix) sockets

    def connect_ex(self: socket.socket, address: object) -> int:
        connect(self, address)
        return 0

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(str(address)))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(f"lookup {host}"))
    monkeypatch.setattr(socket, "gethostbyname", lambda host: refuse(f"lookup {host}"))
    return attempts


def test_the_blocker_blocks(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.invalid", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkAttempt):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
    assert len(no_network) == 2
    no_network.clear()


SAMPLES = ["child-a-combined", "child-b-agencies", "child-e-word", "child-e-narrative"]


@pytest.mark.parametrize("sample", SAMPLES)
def test_read_analyse_report_and_exports_offline(
    no_network: list[str], tmp_path: Path, sample: str
) -> None:
    chron = scr.read(sample_path(sample))
    findings = scr.analyse(chron)
    outputs = None if sample == SAMPLES[0] else ["tables", "findings", "graph", "report"]
    scr.write_analysis(chron, findings, tmp_path / "out", outputs=outputs)  # plots once
    scr.to_ocel(chron, tmp_path / "ocel.json")
    scr.to_node_link_json(chron, tmp_path / "graph.json")
    assert (tmp_path / "out" / "report.html").stat().st_size > 0
    assert no_network == []


def test_batch_and_the_cli_offline(
    no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(sample_path(s)) for s in ("child-a-combined", "child-d-well-handled")]
    result = scr.analyse_many(inputs, jobs=1, progress=False, out=tmp_path / "batch")
    assert [r.status for r in result] == ["ok", "ok"]
    assert main(["validate", *inputs]) == 0
    assert main(["analyse", inputs[0], "--out", str(tmp_path / "analyse"), "--no-plots"]) == 0
    argv = ["batch", *inputs, "--out", str(tmp_path / "cli"), "--jobs", "1", "--no-plots"]
    assert main(argv) == 0
    assert main(["rules", "--rulebook", "wt2018"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert no_network == []


#: Run the CLI in a fresh interpreter whose every process (workers are forked from it)
#: refuses internet sockets through an audit hook: it sees every connect and name lookup,
#: whichever library makes it.
_OFFLINE_CLI = textwrap.dedent(
    """
    import socket, sys

    checking = True

    def hook(event, args):
        lookup = event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr")
        internet = event == "socket.connect" and args[0].family in (
            socket.AF_INET, socket.AF_INET6
        )
        if lookup or internet:
            if not checking:
                print("NETWORK ATTEMPT:", event, args[:2], file=sys.stderr, flush=True)
            raise RuntimeError("network access attempted")

    sys.addaudithook(hook)
    try:  # the hook itself works
        socket.getaddrinfo("example.invalid", 80)
        sys.exit("the audit hook did not refuse a name lookup")
    except RuntimeError:
        checking = False
    import multiprocessing
    import scr_timeline.batch
    # workers forked from this process keep the hook (forkserver ones would not)
    scr_timeline.batch._process_context = lambda: multiprocessing.get_context("fork")
    from scr_timeline.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.slow
def test_the_cli_in_a_fresh_process_with_workers_makes_no_network_attempt(tmp_path: Path) -> None:
    inputs = [str(sample_path(s)) for s in ("child-b-agencies", "child-e-word")]
    argv = ["batch", *inputs, "--out", str(tmp_path / "batch"), "--jobs", "2", "--no-progress"]
    argv.append("--no-plots")
    done = subprocess.run(
        [sys.executable, "-c", _OFFLINE_CLI, *argv],
        capture_output=True,
        text=True,
        timeout=25,
        check=False,
    )
    assert "NETWORK ATTEMPT" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(list((tmp_path / "batch").glob("*/report.html"))) == 2
