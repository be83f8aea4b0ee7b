"""Names of a package resolved when first used (PEP 562 ``__getattr__``): the modules
behind them load only then, so importing the package stays quick."""

from __future__ import annotations

import importlib
from collections.abc import Mapping, MutableMapping
from typing import Any


def attribute(
    namespace: MutableMapping[str, Any], lazy: Mapping[str, str], package: str, name: str
) -> Any:
    """``name`` from the module ``lazy[name]`` (relative to ``package``), kept in
    ``namespace`` (the package's globals) so that the next use finds it directly."""
    module = lazy.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, package), name)
    namespace[name] = value
    return value
