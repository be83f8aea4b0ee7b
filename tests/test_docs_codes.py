"""Every warning code the readers and classifiers write is explained in the user docs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a warning made by a helper given its code first, or a dict with the code
_WRITTEN = re.compile(r'_warning\(\s*"([a-z_]+)"|\bCODE: "([a-z_]+)"')


def _codes_written() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "scr_timeline").rglob("*.py"):
        for found in _WRITTEN.finditer(path.read_text(encoding="utf-8")):
            codes.add(found.group(1) or found.group(2))
    return codes


def test_every_warning_code_written_is_documented():
    docs = "\n".join(
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("schema.md", "formats.md", "dates.md")
    )
    codes = _codes_written()
    assert len(codes) > 30  # the search finds the codes
    assert sorted(c for c in codes if f"`{c}`" not in docs and f"| {c} |" not in docs) == []
