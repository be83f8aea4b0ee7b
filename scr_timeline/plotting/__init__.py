"""Plots of a chronology: agency timeline, contact network, cadence gaps.

matplotlib is imported inside the plotting functions only: importing this package (or
``scr_timeline``) never loads pyplot. Every ``plot_*`` function takes the data first, options
as keywords, draws on ``ax`` when given (else on a new figure), returns the Axes and never
calls ``plt.show()``.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import scr_timeline as scr
>>> from scr_timeline.plotting import plot_network
>>> ax = plot_network(scr.load_sample("child-a-combined"))
>>> ax.get_title()
'Contacts between agencies'
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from .by_rule import plot_by_rule
from .gaps import plot_gaps
from .network import plot_network
from .timeline import plot_timeline

__all__ = ["plot_by_rule", "plot_gaps", "plot_network", "plot_timeline"]
