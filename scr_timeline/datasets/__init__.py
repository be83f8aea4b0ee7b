"""Bundled fictional sample chronologies.

>>> from scr_timeline.datasets import list_samples
>>> "child-a-combined" in list_samples()["name"].tolist()
True
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pandas as pd

from ..exceptions import ScrTimelineError

__all__ = ["list_samples", "load_sample", "sample_path"]


class UnknownSampleError(ScrTimelineError, KeyError):
    """No bundled sample has that name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return ScrTimelineError.__str__(self)


@lru_cache(maxsize=1)
def _manifest() -> dict[str, dict[str, Any]]:
    text = (files(__package__) / "files" / "samples.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["sample"])


def _entry(name: str) -> tuple[str, dict[str, Any]]:
    manifest = _manifest()
    key = Path(name).stem if Path(name).stem in manifest else name
    if key not in manifest:
        raise UnknownSampleError(
            f"no sample named {name!r}",
            found=name,
            expected="one of " + ", ".join(sorted(manifest)),
        )
    return key, manifest[key]


def list_samples() -> pd.DataFrame:
    """The bundled samples: name, file, child's date of birth and a description."""
    rows = [
        {
            "name": key,
            "file": e["file"],
            "child_dob": e.get("child_dob"),
            "description": e["description"],
        }
        for key, e in _manifest().items()
    ]
    return pd.DataFrame(rows)


def sample_path(name: str) -> Path:
    """Path of a bundled sample file (by sample name or file name).

    Examples
    --------
    >>> sample_path("child-a-combined").name
    'child-a-combined.csv'
    """
    _key, entry = _entry(name)
    resource = files(__package__) / "files" / entry["file"]
    with as_file(resource) as path:  # a real file for an installed package
        return Path(path)


def load_sample(name: str, **options: Any) -> Any:
    """Read a bundled sample into a Chronology (with its child's date of birth).

    Parameters
    ----------
    name
        Sample name, e.g. ``"child-a-combined"`` (see :func:`list_samples`).
    **options
        Passed to :func:`scr_timeline.read`.

    Examples
    --------
    >>> from scr_timeline.datasets import load_sample
    >>> chron = load_sample("child-a-combined")
    >>> chron.meta.child_dob
    Timestamp('2006-03-01 00:00:00')
    """
    from ..io import read

    _key, entry = _entry(name)
    if entry.get("child_dob") and "child_dob" not in options:
        options["child_dob"] = entry["child_dob"]
    if entry.get("title") and "title" not in options:
        options["title"] = entry["title"]
    return read(sample_path(name), **options)
