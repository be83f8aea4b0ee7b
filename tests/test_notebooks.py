"""Every notebook in notebooks/ runs top to bottom without error (issue 5, section 3).

The notebooks end with plain ``assert`` cells (e.g. that a changed rulebook changes the number
of findings), so a wrong result fails here as a ``CellExecutionError``.

Needs nbclient, nbformat and ipykernel (the ``dev`` extra). The kernel is "python3", which
jupyter_client starts with the interpreter running pytest (``sys.executable``), i.e. the
project venv; ``test_kernel_is_this_interpreter`` checks that.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 120  # seconds per cell

# Starting a kernel goes through jupyter_client/pyzmq/tornado, which (depending on their
# versions; none with those pinned in .venv today) emit DeprecationWarnings unrelated to this
# project, and pytest turns warnings into errors. Warnings raised *inside* the kernel never
# reach pytest, so this only relaxes the kernel start-up machinery.
quiet_jupyter = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _run(nb, cwd: Path):
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
    )
    return client.execute()


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_notebooks_found() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert "01-quickstart.ipynb" in names
    assert "02-rules-and-findings.ipynb" in names


def test_notebooks_stored_without_outputs() -> None:
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, path.name


@quiet_jupyter
def test_kernel_is_this_interpreter(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")]
    )
    _run(nb, tmp_path)
    assert nb.cells[0].outputs[0]["text"].strip() == sys.prefix


@quiet_jupyter
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    _run(nb, tmp_path)  # raises CellExecutionError on any failing cell or assert

    # The notebooks write only into their own TemporaryDirectory, never the working folder.
    assert list(tmp_path.iterdir()) == []
    text = _outputs_text(nb)
    if path.name == "01-quickstart.ipynb":
        assert "report.html" in text
        images = [
            o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
        ]
        assert len(images) >= 2  # timeline and network drawn inline
    if path.name == "02-rules-and-findings.ipynb":
        assert "INJ-STRAT" in text
        assert "our procedures" in text  # the before/after table was shown
